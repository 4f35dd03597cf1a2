package dev.customsgateway.intake.sftp;

import dev.customsgateway.core.Merchant;
import dev.customsgateway.intake.MerchantRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step of each {@code intake-sftp-poll-merchant-<merchant>} route: one poll of a merchant's own SFTP server. Complete
 * files in its inbox folder (the hosted server's rules: no {@code .part}/{@code .filepart}/{@code .tmp}, no
 * hidden names; a {@code <name>.sha256} beside a file must match it) are fetched and taken in by
 * {@link UploadProcessor#takeFetched} exactly like uploads. Only once the bytes are stored durably (or found
 * to repeat an earlier submission) does the original leave the merchant's inbox: into its archive folder, or
 * removed when it was a duplicate. Summaries and error reports are copied back once written.
 */
@Component("sftpPoller")
class SftpPoller {

    private static final Logger LOG = LoggerFactory.getLogger(SftpPoller.class);

    private final PollSources sources;
    private final MerchantRepository merchants;
    private final UploadProcessor processor;
    private final SftpUploads uploads;
    private final MerchantHomes homes;
    private final SftpLimits limits;
    private final PollFailures failures;
    private final Clock clock;
    /** Files already answered with a notice, as name/size/time, so an unchanged file is not noticed every poll. */
    private final Set<String> noticed = ConcurrentHashMap.newKeySet();

    SftpPoller(PollSources sources, MerchantRepository merchants, UploadProcessor processor, SftpUploads uploads,
            MerchantHomes homes, SftpLimits limits, PollFailures failures, Clock clock) {
        this.sources = sources;
        this.merchants = merchants;
        this.processor = processor;
        this.uploads = uploads;
        this.homes = homes;
        this.limits = limits;
        this.failures = failures;
        this.clock = clock;
    }

    public void poll(String merchantId) {
        Optional<PollSources.Source> source = sources.find(merchantId);
        Optional<Merchant> merchant = merchants.findEnabled(merchantId);
        if (source.isEmpty() || merchant.isEmpty() || !source.get().hasKnownHosts()) {
            return; // disabled meanwhile: PollRoutes removes this route on its next refresh
        }
        PollSources.Source s = source.get();
        try (MerchantServer server = MerchantServer.open(s)) {
            List<MerchantServer.Entry> listing = server.files(s.inbox());
            Map<String, MerchantServer.Entry> byName = new HashMap<>();
            listing.forEach(e -> byName.put(e.name(), e));
            for (MerchantServer.Entry file : listing) {
                if (UploadNames.data(file.name()) && UploadNames.writable(file.name())) {
                    take(server, s, merchant.get(), file, byName.get(file.name() + UploadNames.SIDECAR_SUFFIX));
                }
            }
            pushResults(server, s);
            failures.succeeded(s); // only a whole poll counts: a lasting fault after login is reported once
        } catch (IOException | RuntimeException e) {
            failures.failed(s, e);
        }
    }

    private void take(MerchantServer server, PollSources.Source s, Merchant merchant, MerchantServer.Entry file,
            MerchantServer.Entry sidecar) throws IOException {
        String name = file.name();
        String key = s.merchantId() + "/" + name + "/" + file.size() + "/" + file.modified();
        if (noticed.contains(key) || (sidecar == null && s.requireChecksum())) {
            return;
        }
        if (file.size() > limits.of(s.merchantId()).maxFileBytes()) {
            notice(server, s, key, name + ".too-large.txt", name + " is " + file.size() + " bytes, more than the "
                    + limits.of(s.merchantId()).maxFileBytes() + " allowed; it is not fetched.\n");
            return;
        }
        String expected = null;
        if (sidecar != null) {
            expected = ChecksumSidecars.parseDigest(server.readSmall(s.inbox() + "/" + sidecar.name(),
                    ChecksumSidecars.MAX_SIDECAR_BYTES));
            if (expected == null) {
                notice(server, s, key, name + ".checksum-unreadable.txt", sidecar.name() + " does not hold a "
                        + "SHA-256 (64 hex digits), so " + name + " is not fetched.\n");
                return;
            }
        }
        Path local = fetch(server, s, name);
        try {
            // Without a checksum, completeness is a size and time that did not change while we read: a file the
            // merchant is still writing under its final name is left for a later poll, not declared in part.
            if (sidecar == null && (Files.size(local) != file.size()
                    || !file.equals(server.stat(s.inbox() + "/" + name)))) {
                LOG.info("SFTP polling of merchant {}: {} changed while it was read; left for the next poll",
                        s.merchantId(), name);
                return;
            }
            String actual = ChecksumSidecars.digest(local);
            if (expected != null && !expected.equals(actual)) {
                notice(server, s, key, name + ".checksum-mismatch.txt", "The SHA-256 of " + name + " is " + actual
                        + " but " + sidecar.name() + " says " + expected + "; it is not processed.\n");
                return;
            }
            UploadProcessor.Taken taken = processor.takeFetched(merchant, name, local);
            // stored durably (or a known duplicate) from here on: now the original may leave the inbox
            String from = s.inbox() + "/" + name;
            if (taken.duplicate()) {
                server.remove(from);
                if (sidecar != null) {
                    server.remove(s.inbox() + "/" + sidecar.name());
                }
            } else {
                String archived = server.move(from, s.archive(), taken.storedName());
                if (sidecar != null) {
                    server.move(s.inbox() + "/" + sidecar.name(), s.archive(), archived + UploadNames.SIDECAR_SUFFIX);
                }
            }
            LOG.info("SFTP polling of merchant {}: took {} in (SHA-256 {}{})", s.merchantId(), name, actual,
                    taken.duplicate() ? ", a duplicate" : "");
        } finally {
            Files.deleteIfExists(local); // moved to archive/ when taken in; left only after a refusal
        }
    }

    private Path fetch(MerchantServer server, PollSources.Source s, String name) throws IOException {
        Path work = Files.createDirectories(homes.pollingWork(s.merchantId()));
        Path local = work.resolve(UUID.randomUUID() + ".fetching");
        server.download(s.inbox() + "/" + name, local);
        return local;
    }

    private void notice(MerchantServer server, PollSources.Source s, String key, String noticeName, String text)
            throws IOException {
        server.put(s.errors(), noticeName, text.getBytes(StandardCharsets.UTF_8));
        noticed.add(key);
        LOG.warn("SFTP polling of merchant {}: {}", s.merchantId(), text.strip());
    }

    /** Copies the summaries and error reports written since the last poll back to the merchant's server. */
    private void pushResults(MerchantServer server, PollSources.Source s) throws IOException {
        for (SftpUploads.Upload upload : uploads.awaitingPush(s.merchantId())) {
            String stem = upload.storedName();
            push(server, s.errors(), homes.folder(s.merchantId(), MerchantHomes.ERRORS), stem + ".errors.csv");
            push(server, s.errors(), homes.folder(s.merchantId(), MerchantHomes.ERRORS), stem + ".errors.json");
            push(server, s.errors(), homes.folder(s.merchantId(), MerchantHomes.ERRORS), stem + ".duplicate.txt");
            push(server, s.archive(), homes.folder(s.merchantId(), MerchantHomes.ARCHIVE), stem + ".result.txt");
            uploads.pushed(upload.id(), OffsetDateTime.now(clock));
        }
    }

    private static void push(MerchantServer server, String remoteDir, Path localDir, String name) throws IOException {
        Path local = localDir.resolve(name);
        if (Files.isRegularFile(local, LinkOption.NOFOLLOW_LINKS)) {
            server.put(remoteDir, name, Files.readAllBytes(local));
        }
    }
}
