package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence of one message, as a zip a third party checks offline ({@link EvidenceVerifier}): every log entry
 * of the message and of its upload ({@code entries.json}, all fields as hashed), every artefact they name
 * ({@code artefacts/<sha256>}), the links of the hash chain from the first of those entries to a signed
 * checkpoint that covers them ({@code chain.csv}), that checkpoint (payload, signature, the gateway's checkpoint
 * certificate and public key), and {@code manifest.sha256} over all of it in {@code sha256sum} format. When no
 * checkpoint covers the entries yet, one is signed for the bundle.
 */
@Component
public class EvidenceBundle {

    private final ChainRepository chain;
    private final CheckpointRepository checkpoints;
    private final CheckpointSigner signer;
    private final CheckpointKey key;
    private final ContentStore store;
    private final JsonMapper json = JsonMapper.builder().build();

    EvidenceBundle(ChainRepository chain, CheckpointRepository checkpoints, CheckpointSigner signer, CheckpointKey key,
            ContentStore store) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.key = key;
        this.store = store;
    }

    /**
     * Writes the bundle; false (nothing written) when the log has no entry for the guid. Artefacts gone by retention
     * (crypto-shredding) are listed in {@code SHREDDED.txt} instead, and the log entries recording their deletion are
     * added to {@code entries.json}, so the bundle still verifies and says why they are absent.
     */
    public boolean write(String guid, OutputStream out) throws IOException {
        List<ChainedEntry> entries = new ArrayList<>(chain.messageEntries(guid));
        if (entries.isEmpty()) {
            return false;
        }
        Map<String, byte[]> artefactFiles = new LinkedHashMap<>();
        Map<String, String> shredded = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (ChainedEntry e : List.copyOf(entries)) {
            String sha256 = e.entry().artefactSha256();
            if (sha256 == null || artefactFiles.containsKey("artefacts/" + sha256) || shredded.containsKey(sha256)
                    || unreadable.containsKey(sha256)) {
                continue;
            }
            try (InputStream in = store.open(sha256)) {
                artefactFiles.put("artefacts/" + sha256, in.readAllBytes());
            } catch (ArtefactShreddedException gone) {
                shredded.put(sha256, gone.getMessage());
            } catch (ArtefactTamperedException altered) {
                // Left out: the bundle then fails verification on that artefact, as it should.
                unreadable.put(sha256, altered.getMessage());
            }
        }
        if (!shredded.isEmpty()) {
            Set<Long> have = new java.util.HashSet<>();
            entries.forEach(e -> have.add(e.seq()));
            chain.shredEntries(entries.stream().map(e -> e.entry().merchantId()).distinct().toList()).stream()
                    .filter(e -> have.add(e.seq())).forEach(entries::add);
            entries.sort(java.util.Comparator.comparingLong(ChainedEntry::seq));
        }
        long first = entries.get(0).seq();
        long last = entries.get(entries.size() - 1).seq();
        Checkpoint checkpoint = checkpoints.covering(last).orElseGet(() -> signer.checkpoint()
                .filter(c -> c.seq() >= last)
                .orElseThrow(() -> new IllegalStateException("no checkpoint can be signed now")));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("entries.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(entryViews(entries)));
        files.put("chain.csv", chainCsv(first, checkpoint.seq()));
        files.put("checkpoint.txt", CheckpointPayload.of(checkpoint.seq(), checkpoint.entryHash(),
                checkpoint.signedAt()));
        files.put("checkpoint.sig", checkpoint.signature());
        files.put("checkpoint-cert.pem", Files.readAllBytes(key.publicKeyFile().resolveSibling("checkpoint-cert.pem")));
        files.put("checkpoint-public-key.pem", Files.readAllBytes(key.publicKeyFile()));
        files.putAll(artefactFiles);
        if (!shredded.isEmpty()) {
            StringBuilder text = new StringBuilder("""
                    Artefacts of this message that no longer exist: retention destroyed the data key that encrypted
                    them (crypto-shredding). Their digests stay in entries.json and in the hash chain; the
                    ARTEFACTS_SHREDDED entries in entries.json record each deletion.
                    """);
            shredded.forEach((sha256, why) -> text.append(sha256).append("  ").append(why).append('\n'));
            files.put("SHREDDED.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!unreadable.isEmpty()) {
            StringBuilder text = new StringBuilder("Artefacts whose stored bytes failed authentication (altered):\n");
            unreadable.forEach((sha256, why) -> text.append(sha256).append("  ").append(why).append('\n'));
            files.put("ALTERED.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        }
        files.put("README.txt", readme(guid, !shredded.isEmpty()).getBytes(StandardCharsets.UTF_8));
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, bytes) -> manifest.append(Sha256.hex(bytes)).append("  ").append(name).append('\n'));
        files.put("manifest.sha256", manifest.toString().getBytes(StandardCharsets.US_ASCII));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return true;
    }

    private static List<Map<String, Object>> entryViews(List<ChainedEntry> entries) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (ChainedEntry c : entries) {
            LogEntry e = c.entry();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("seq", c.seq());
            v.put("prevHash", c.prevHash());
            v.put("entryHash", c.entryHash());
            v.put("correlationId", e.correlationId());
            v.put("merchantId", e.merchantId());
            v.put("submissionId", e.submissionId());
            v.put("stage", c.stageCode());
            v.put("messageType", e.messageType());
            v.put("orderNo", e.orderNo());
            v.put("guid", e.guid());
            v.put("artefactKind", e.artefactKind());
            v.put("artefactSha256", e.artefactSha256());
            v.put("artefactSize", e.artefactSize());
            v.put("detail", e.detail());
            v.put("recordedAtMicros", ChronoUnit.MICROS.between(java.time.Instant.EPOCH, c.recordedAt()));
            v.put("recordedAt", c.recordedAt().toString());
            views.add(v);
        }
        return views;
    }

    private byte[] chainCsv(long from, long to) {
        StringBuilder csv = new StringBuilder("seq,prev_hash,entry_hash\n");
        for (String[] link : chain.links(from, to)) {
            csv.append(link[0]).append(',').append(link[1]).append(',').append(link[2]).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String readme(String guid, boolean shredded) {
        return (shredded ? """
                SHREDDED: some artefacts of this message were deleted by retention (crypto-shredding) and are not in
                this bundle; SHREDDED.txt lists them. The log entries, their digests and the chain still verify.

                """ : "") + """
                Evidence of customs message %s, from the Customs Gateway's message log.

                Check it without the gateway:
                  java -jar customs-gateway.jar verify-evidence this.zip --trusted-key=<your copy of checkpoint-cert.pem>
                It checks every file against manifest.sha256, every artefact against its entry, recomputes every
                entry's hash (encoding in the gateway's source, audit/ChainHash.java), follows chain.csv from the
                entries to the checkpoint, and verifies the checkpoint signature.

                By hand: sha256sum -c manifest.sha256 ; then
                  openssl dgst -sha256 -verify checkpoint-public-key.pem -signature checkpoint.sig checkpoint.txt
                (use your own copy of the gateway's checkpoint key: the one in this zip proves only consistency).
                """.formatted(guid);
    }
}
