package dev.customsgateway.intake.sftp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Step of the {@code intake-sftp-poll-sources} route: keeps one {@code intake-sftp-poll-merchant-<merchant>} route (from
 * the {@code intake-sftp-poll} template in {@code routes/intake-sftp-poll.camel.yaml}) per enabled row of
 * {@code sftp_poll_source}, adding, re-creating (new interval) and removing routes as the rows change. A
 * merchant without a known-hosts entry or without a credential is refused with one clear log line: its server
 * would otherwise be trusted blindly or could not be logged in to.
 */
@Component("sftpPollRoutes")
class PollRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PollRoutes.class);
    static final String TEMPLATE = "intake-sftp-poll";
    static final String ROUTE_PREFIX = TEMPLATE + "-merchant-";

    private final CamelContext camel;
    private final PollSources sources;
    /** Poll interval of each running route, to notice a changed interval. */
    private final Map<String, Long> running = new HashMap<>();
    /** Merchants already told why they are not polled (told again only after the reason went away). */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    PollRoutes(CamelContext camel, PollSources sources) {
        this.camel = camel;
        this.sources = sources;
    }

    public synchronized void refresh() throws Exception {
        List<PollSources.Source> wanted = sources.enabled();
        Set<String> ids = wanted.stream().map(PollSources.Source::merchantId).collect(Collectors.toSet());
        for (String merchant : Set.copyOf(running.keySet())) {
            if (!ids.contains(merchant)) {
                remove(merchant);
                LOG.info("SFTP polling of merchant {} stopped: its poll source is gone or disabled", merchant);
            }
        }
        refused.retainAll(ids);
        for (PollSources.Source source : wanted) {
            String why = refusal(source);
            if (why != null) {
                remove(source.merchantId());
                if (refused.add(source.merchantId())) {
                    LOG.error("SFTP polling of merchant {} ({}) not started: {}", source.merchantId(),
                            source.address(), why);
                }
                continue;
            }
            refused.remove(source.merchantId());
            Long interval = running.get(source.merchantId());
            if (interval == null || interval != source.pollIntervalMs()) {
                remove(source.merchantId());
                add(source);
            }
        }
    }

    private static String refusal(PollSources.Source source) {
        if (!source.hasKnownHosts()) {
            return "no known-hosts entry is configured (sftp_poll_source.known_hosts); get the server's key with "
                    + "ssh-keyscan and confirm its fingerprint with the merchant. Host keys are never accepted blindly";
        }
        try {
            PinnedHostKeys keys = new PinnedHostKeys(source.host(), source.port(), source.knownHosts());
            if (!keys.pinsAnyKey()) {
                return "the configured known-hosts entry holds no usable key for " + keys.name()
                        + " (for a port other than 22 the entry must name [host]:port)";
            }
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        if (!source.hasCredential()) {
            return "no credential is configured (private_key_file, password_file or password_env)";
        }
        if (source.pollIntervalMs() < 100) {
            return "poll_interval_ms must be at least 100";
        }
        return null;
    }

    private void add(PollSources.Source source) throws Exception {
        String merchant = source.merchantId();
        TemplatedRouteBuilder.builder(camel, TEMPLATE)
                .routeId(ROUTE_PREFIX + merchant)
                .prefixId(merchant + "-")
                .parameter("merchant", merchant)
                .parameter("interval", source.pollIntervalMs())
                .add();
        running.put(merchant, source.pollIntervalMs());
        LOG.info("SFTP polling of merchant {} started: {}@{} every {} ms", merchant, source.username(),
                source.address(), source.pollIntervalMs());
    }

    private void remove(String merchant) throws Exception {
        String routeId = ROUTE_PREFIX + merchant;
        Route route = camel.getRoute(routeId);
        if (route != null) {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
        running.remove(merchant);
    }
}
