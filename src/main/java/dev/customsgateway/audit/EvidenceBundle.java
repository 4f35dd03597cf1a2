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

    /** Writes the bundle; false (nothing written) when the log has no entry for the guid. */
    public boolean write(String guid, OutputStream out) throws IOException {
        List<ChainedEntry> entries = chain.messageEntries(guid);
        if (entries.isEmpty()) {
            return false;
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
        Set<String> artefacts = new LinkedHashSet<>();
        entries.forEach(e -> {
            if (e.entry().artefactSha256() != null) {
                artefacts.add(e.entry().artefactSha256());
            }
        });
        for (String sha256 : artefacts) {
            try (InputStream in = store.open(sha256)) {
                files.put("artefacts/" + sha256, in.readAllBytes());
            }
        }
        files.put("README.txt", readme(guid).getBytes(StandardCharsets.UTF_8));
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

    private static String readme(String guid) {
        return """
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
