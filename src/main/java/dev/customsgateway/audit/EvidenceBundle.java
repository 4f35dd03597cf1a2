package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Clock;
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
 * ({@code artefacts/<sha256>}), for each group of those entries the links of the hash chain from the first of them
 * to the nearest signed checkpoint that covers them ({@code chain.csv}: seq, prev_hash, the content digest of the
 * entry and entry_hash, so every link is recomputed without the fields of other merchants' entries), those
 * checkpoints ({@code checkpoints/<seq>.txt} and {@code .sig}, the gateway's checkpoint certificate and public
 * key), a statement signed with the checkpoint key that names the message and the digest of {@code entries.json}
 * ({@link EvidenceStatement}: so no entry can be left out), and {@code manifest.sha256} over all of it in
 * {@code sha256sum} format. When no checkpoint covers the last
 * entries yet, one is signed for the bundle.
 *
 * <p>Written as a stream: the links are read a page at a time and the artefacts copied from the store (each read
 * through once before, so one found shredded or altered is left out cleanly), so a message
 * whose entries lie days apart, or whose upload is large, costs no more memory than a small one. Linking each group
 * to its own nearest checkpoint keeps chain.csv to the stretch of log between an entry and the next checkpoint
 * instead of everything written between the message's first and last entries.
 */
@Component
public class EvidenceBundle {

    private static final int LINK_PAGE = 1_000;

    private final ChainRepository chain;
    private final CheckpointRepository checkpoints;
    private final CheckpointSigner signer;
    private final CheckpointKey key;
    private final ContentStore store;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    EvidenceBundle(ChainRepository chain, CheckpointRepository checkpoints, CheckpointSigner signer, CheckpointKey key,
            ContentStore store, Clock clock) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.key = key;
        this.store = store;
        this.clock = clock;
    }

    /** Whether the log has entries for the guid (what {@link #write} then bundles). */
    public boolean exists(String guid) {
        return !chain.messageEntries(guid).isEmpty();
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
        Map<String, String> readable = new LinkedHashMap<>();
        Map<String, String> shredded = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (ChainedEntry e : entries) {
            String sha256 = e.entry().artefactSha256();
            if (sha256 != null && !readable.containsKey(sha256) && !shredded.containsKey(sha256)
                    && !unreadable.containsKey(sha256)) {
                classify(sha256, readable, shredded, unreadable);
            }
        }
        if (!shredded.isEmpty()) {
            Set<Long> have = new java.util.HashSet<>();
            entries.forEach(e -> have.add(e.seq()));
            chain.shredEntries(entries.stream().map(e -> e.entry().merchantId()).distinct().toList()).stream()
                    .filter(e -> have.add(e.seq())).forEach(entries::add);
            entries.sort(java.util.Comparator.comparingLong(ChainedEntry::seq));
        }
        List<Segment> segments = segments(entries);
        byte[] entriesJson = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(entryViews(entries));
        byte[] statement = EvidenceStatement.of(guid, Sha256.hex(entriesJson), shredded.keySet(), clock.instant());
        ManifestedZip zip = new ManifestedZip(out);
        zip.add("statement.txt", statement);
        zip.add("statement.sig", CheckpointSigner.sign(key.loadOrCreate(), statement));
        zip.add("entries.json", entriesJson);
        zip.add("chain.csv", csv -> links(segments, csv));
        for (Segment segment : segments) {
            Checkpoint c = segment.checkpoint();
            zip.add("checkpoints/" + c.seq() + ".txt", CheckpointPayload.of(c.seq(), c.entryHash(), c.signedAt()));
            zip.add("checkpoints/" + c.seq() + ".sig", c.signature());
        }
        zip.add("checkpoint-cert.pem", Files.readAllBytes(key.publicKeyFile().resolveSibling("checkpoint-cert.pem")));
        zip.add("checkpoint-public-key.pem", Files.readAllBytes(key.publicKeyFile()));
        for (String sha256 : readable.keySet()) {
            zip.add("artefacts/" + sha256, artefact -> {
                try (InputStream in = store.open(sha256)) {
                    in.transferTo(artefact);
                }
            });
        }
        if (!shredded.isEmpty()) {
            StringBuilder text = new StringBuilder("""
                    Artefacts of this message that no longer exist: retention destroyed the data key that encrypted
                    them (crypto-shredding). Their digests stay in entries.json and in the hash chain; the
                    ARTEFACTS_SHREDDED entries in entries.json record each deletion.
                    """);
            shredded.forEach((sha256, why) -> text.append(sha256).append("  ").append(why).append('\n'));
            zip.add("SHREDDED.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!unreadable.isEmpty()) {
            StringBuilder text = new StringBuilder("Artefacts whose stored bytes failed authentication (altered):\n");
            unreadable.forEach((sha256, why) -> text.append(sha256).append("  ").append(why).append('\n'));
            zip.add("ALTERED.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        }
        zip.add("README.txt", readme(guid, !shredded.isEmpty()).getBytes(StandardCharsets.UTF_8));
        zip.finish();
        return true;
    }

    /**
     * Reads an artefact through once before anything is written, so one that turns out shredded or altered is left
     * out cleanly instead of breaking off half-copied in the zip.
     */
    private void classify(String sha256, Map<String, String> readable, Map<String, String> shredded,
            Map<String, String> unreadable) throws IOException {
        try (InputStream in = store.open(sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
            readable.put(sha256, sha256);
        } catch (ArtefactShreddedException gone) {
            shredded.put(sha256, gone.getMessage());
        } catch (ArtefactTamperedException altered) {
            // Left out: the bundle then fails verification on that artefact, as it should.
            unreadable.put(sha256, altered.getMessage());
        }
    }

    /** The entries grouped by the nearest checkpoint that covers each, in chain order. */
    private List<Segment> segments(List<ChainedEntry> entries) {
        List<Segment> segments = new ArrayList<>();
        for (ChainedEntry e : entries) {
            long seq = e.seq();
            if (!segments.isEmpty() && seq <= segments.get(segments.size() - 1).checkpoint().seq()) {
                continue;
            }
            // None yet: sign one; when another export or the scheduler signed it first, it is there now.
            Checkpoint checkpoint = checkpoints.covering(seq).or(() -> signer.checkpoint().filter(c -> c.seq() >= seq))
                    .or(() -> checkpoints.covering(seq))
                    .orElseThrow(() -> new IllegalStateException("no checkpoint covers seq " + seq));
            segments.add(new Segment(seq, checkpoint));
        }
        return segments;
    }

    /** From the first entry of a group to the checkpoint that covers the group. */
    private record Segment(long fromSeq, Checkpoint checkpoint) {
    }

    /**
     * The links of every segment, a page at a time. An entry in the format before v2 (or one altered in the
     * database) has no content digest that gives its hash: its column is left empty, and the verifier says so.
     */
    private void links(List<Segment> segments, OutputStream out) throws IOException {
        java.io.Writer csv = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII));
        csv.write("seq,prev_hash,content_sha256,entry_hash\n");
        for (Segment segment : segments) {
            long after = segment.fromSeq() - 1;
            long to = segment.checkpoint().seq();
            for (List<ChainedEntry> page = chain.page(after, to, LINK_PAGE); !page.isEmpty();
                    page = chain.page(after, to, LINK_PAGE)) {
                for (ChainedEntry link : page) {
                    String content = link.contentDigest();
                    boolean recomputable = ChainHash.link(link.seq(), link.prevHash(), content)
                            .equals(link.entryHash());
                    csv.write(link.seq() + "," + link.prevHash() + "," + (recomputable ? content : "") + ","
                            + link.entryHash() + "\n");
                    after = link.seq();
                }
            }
        }
        csv.flush();
    }

    /**
     * A zip whose files are digested as they are written. {@link #finish} adds {@code manifest.sha256} over them and
     * ends the zip; an exception part-way leaves it without its central directory, so a broken export is a truncated
     * download that no unzip accepts, never a complete-looking zip with a cut-off file in it. The stream written to
     * is never closed (the servlet container owns it).
     */
    private static final class ManifestedZip {

        private final ZipOutputStream zip;
        private final StringBuilder manifest = new StringBuilder();

        ManifestedZip(OutputStream out) {
            this.zip = new ZipOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            });
        }

        interface Content {
            void writeTo(OutputStream out) throws IOException;
        }

        void add(String name, byte[] bytes) throws IOException {
            add(name, out -> out.write(bytes));
        }

        void add(String name, Content content) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            MessageDigest sha256 = Sha256.newDigest();
            OutputStream entry = new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sha256.update(b, off, len);
                    zip.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    sha256.update((byte) b);
                    zip.write(b);
                }

                @Override
                public void close() {
                    // the zip entry is closed below, the zip when the bundle is done
                }
            };
            content.writeTo(entry);
            entry.flush();
            zip.closeEntry();
            manifest.append(Sha256.hex(sha256)).append("  ").append(name).append('\n');
        }

        void finish() throws IOException {
            zip.putNextEntry(new ZipEntry("manifest.sha256"));
            zip.write(manifest.toString().getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.close(); // the central directory, then the deflater's native memory; the stream below stays open
        }
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

    private static String readme(String guid, boolean shredded) {
        return (shredded ? """
                SHREDDED: some artefacts of this message were deleted by retention (crypto-shredding) and are not in
                this bundle; SHREDDED.txt lists them. The log entries, their digests and the chain still verify.

                """ : "") + """
                Evidence of customs message %s, from the Customs Gateway's message log.

                Check it without the gateway:
                  java -jar customs-gateway.jar verify-evidence this.zip --trusted-key=<your copy of checkpoint-cert.pem>
                It checks the gateway's signed statement (statement.txt: this message's guid and the digest of
                entries.json, so no entry can be left out or added), every file against manifest.sha256, every
                artefact against its entry, recomputes every entry's hash and every link of chain.csv (encoding in
                the gateway's source, audit/ChainHash.java), follows each run of chain.csv from the entries to the
                checkpoint it ends at, and verifies each checkpoint's signature.

                By hand, with your own copy of the gateway's checkpoint public key (the one in this zip proves only
                consistency): openssl dgst -sha256 -verify KEY.pem -signature statement.sig statement.txt ;
                sha256sum entries.json (the digest statement.txt names); sha256sum -c manifest.sha256 ; and for
                each checkpoints/<seq>.txt
                  openssl dgst -sha256 -verify KEY.pem -signature checkpoints/<seq>.sig checkpoints/<seq>.txt
                Recomputing the links is left to verify-evidence.
                """.formatted(guid);
    }
}
