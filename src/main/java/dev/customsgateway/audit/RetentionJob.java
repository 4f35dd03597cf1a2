package dev.customsgateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention by crypto-shredding. A data key (one merchant, one month) expires when the month ended more than the
 * merchant's retention ({@code merchant.retention_days}, else {@code gateway.audit.retention.default-days}) ago.
 * Unless a legal hold covers it ({@link LegalHolds}), the job then, key by key: re-seals the key's files that a
 * later or held entry still names (identical bytes stored again) with that entry's key; destroys the key and
 * appends an {@link LogStage#ARTEFACTS_SHREDDED} entry in one transaction; deletes the key's remaining files. The
 * log entries themselves (and their digests) stay, so the chain still verifies. {@link #plan} is the dry run.
 */
@Component
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final DataKeys keys;
    private final LegalHolds holds;
    private final ChainRepository chain;
    private final ContentStore store;
    private final MessageLog log;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditProperties properties;
    private final Clock clock;

    RetentionJob(DataKeys keys, LegalHolds holds, ChainRepository chain, ContentStore store, MessageLog log,
            JdbcClient jdbc, TransactionTemplate tx, AuditProperties properties, Clock clock) {
        this.keys = keys;
        this.holds = holds;
        this.chain = chain;
        this.store = store;
        this.log = log;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a run would do now, changing nothing. */
    public List<Decision> plan() {
        return new Rules().decisions();
    }

    /** Runs the job: destroys every expired key no hold covers. Returns the decisions it acted on. */
    synchronized List<Decision> run() {
        Rules rules = new Rules();
        List<Decision> decisions = rules.decisions();
        for (Decision d : decisions) {
            if (d.action() == Action.DESTROY) {
                shred(d, rules);
            }
        }
        return decisions;
    }

    private void shred(Decision d, Rules rules) {
        List<String> files = jdbc.sql("select sha256 from sealed_content where key_id = ?").param(d.keyId())
                .query(String.class).list();
        int kept = 0;
        for (String sha256 : files) {
            DataKeys.Scope keeper = chain.artefactReferences(sha256).stream()
                    .map(r -> new DataKeys.Scope(r.merchantId(), DataKeys.Scope.periodOf(r.recordedAt())))
                    .filter(s -> !rules.destroyable(s)).findFirst().orElse(null);
            if (keeper != null) {
                reseal(sha256, keeper);
                kept++;
            }
        }
        int deleted = files.size() - kept;
        int resealed = kept;
        tx.executeWithoutResult(s -> {
            if (keys.destroy(d.keyId())) {
                log.record(new LogEntry(ShredRecords.CORRELATION_PREFIX + d.keyId(), d.scope().merchantId(), null,
                        LogStage.ARTEFACTS_SHREDDED, null, null, null, "data-key", null, null,
                        ShredRecords.detailPrefix(d.scope().period()) + "data key " + d.keyId() + " of merchant "
                                + d.scope().merchantId() + " destroyed; " + deleted + " artefact(s) deleted, " + resealed
                                + " kept for later entries; " + d.reason()));
            }
        });
        for (String sha256 : files) {
            tx.executeWithoutResult(s -> {
                String sealedBy = jdbc.sql("select key_id from sealed_content where sha256 = ? for update")
                        .param(sha256).query(String.class).optional().orElse(null);
                if (d.keyId().equals(sealedBy)) {
                    try {
                        java.nio.file.Files.deleteIfExists(store.pathOf(sha256));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot delete shredded artefact " + sha256, e);
                    }
                }
            });
        }
        LOG.info("Retention: destroyed data key {} ({}); {} artefact(s) deleted, {} kept", d.keyId(), d.scope(),
                deleted, kept);
    }

    private void reseal(String sha256, DataKeys.Scope scope) {
        DataKeys.DataKey target;
        try {
            target = keys.forScope(scope);
        } catch (IllegalStateException destroyed) {
            // That month was shredded before a hold brought it back into retention: its merchant's current key.
            target = keys.current(scope.merchantId());
        }
        DataKeys.DataKey sealWith = target;
        tx.executeWithoutResult(s -> {
            jdbc.sql("select key_id from sealed_content where sha256 = ? for update").param(sha256)
                    .query(String.class).optional();
            try {
                store.reseal(sha256, sealWith);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot re-seal artefact " + sha256 + " for " + scope, e);
            }
            jdbc.sql("update sealed_content set key_id = ? where sha256 = ?").params(sealWith.id(), sha256).update();
        });
    }

    /** The retention rules as of one moment: expiry per merchant, and what the active holds cover. */
    private final class Rules {

        private final LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        private final Map<String, Integer> days = new ConcurrentHashMap<>();
        private final Set<String> heldMerchants = new HashSet<>();
        private final Map<DataKeys.Scope, String> heldScopes = new ConcurrentHashMap<>();
        private final Map<String, LegalHolds.Hold> merchantHolds = new ConcurrentHashMap<>();

        Rules() {
            for (LegalHolds.Hold hold : holds.active()) {
                if (hold.guid() == null) {
                    heldMerchants.add(hold.merchantId());
                    merchantHolds.putIfAbsent(hold.merchantId(), hold);
                } else {
                    chain.messageEntries(hold.guid()).forEach(e -> heldScopes.putIfAbsent(new DataKeys.Scope(
                            e.entry().merchantId(), DataKeys.Scope.periodOf(e.recordedAt())), hold.id()));
                }
            }
        }

        List<Decision> decisions() {
            List<Decision> decisions = new ArrayList<>();
            for (DataKeys.KeyInfo key : keys.all()) {
                if (key.destroyed()) {
                    continue;
                }
                LocalDate expires = expiry(key.scope());
                if (today.isBefore(expires)) {
                    decisions.add(new Decision(key.id(), key.scope(), expires, Action.KEEP, "retained until " + expires));
                } else if (heldMerchants.contains(key.scope().merchantId())) {
                    LegalHolds.Hold h = merchantHolds.get(key.scope().merchantId());
                    decisions.add(new Decision(key.id(), key.scope(), expires, Action.HELD,
                            "legal hold " + h.id() + " on the merchant: " + h.reason()));
                } else if (heldScopes.containsKey(key.scope())) {
                    decisions.add(new Decision(key.id(), key.scope(), expires, Action.HELD,
                            "legal hold " + heldScopes.get(key.scope()) + " on a message of this month"));
                } else {
                    decisions.add(new Decision(key.id(), key.scope(), expires, Action.DESTROY, "retention of "
                            + retentionDays(key.scope().merchantId()) + " days ended " + expires));
                }
            }
            return decisions;
        }

        boolean destroyable(DataKeys.Scope scope) {
            return !today.isBefore(expiry(scope)) && !heldMerchants.contains(scope.merchantId())
                    && !heldScopes.containsKey(scope);
        }

        /** The first day the key's artefacts are past retention: the month's end plus the retention days. */
        LocalDate expiry(DataKeys.Scope scope) {
            return scope.period().plusMonths(1).atDay(1).plusDays(retentionDays(scope.merchantId()));
        }

        int retentionDays(String merchantId) {
            return days.computeIfAbsent(merchantId, m -> {
                List<Integer> set = jdbc.sql("select retention_days from merchant where id = ?").param(m)
                        .query((rs, n) -> rs.getObject(1, Integer.class)).list();
                return set.isEmpty() || set.get(0) == null ? properties.retention().defaultDays() : set.get(0);
            });
        }
    }

    /** What happens to one data key. */
    public enum Action { KEEP, HELD, DESTROY }

    /** The decision on one data key, with the day it expires (or expired) and why. */
    public record Decision(String keyId, DataKeys.Scope scope, LocalDate expires, Action action, String reason) {

        /** As the APIs show it. */
        public java.util.Map<String, Object> view() {
            return java.util.Map.of("keyId", keyId, "merchantId", scope.merchantId(), "period",
                    scope.period().toString(), "expires", expires.toString(), "action", action.name(), "reason",
                    reason);
        }

        @Override
        public String toString() {
            return action + " " + scope.merchantId() + " " + scope.period() + " (key " + keyId + "): " + reason;
        }
    }
}
