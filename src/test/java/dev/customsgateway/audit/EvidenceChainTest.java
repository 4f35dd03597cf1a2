package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chain part of an evidence bundle, over the message log wired by hand ({@link AuditFixture}): each group of a
 * message's entries is linked to its own nearest checkpoint, so the bundle does not carry the log written between
 * them; every link is recomputed, so an entry edited with its hash recomputed and the next link re-pointed at it is
 * caught without the other entries' fields; and entries written in the format before v2 still verify in the log.
 */
class EvidenceChainTest {

    @TempDir
    Path dir;

    private AuditFixture audit;
    private EvidenceBundle bundles;
    private final String guid = UUID.randomUUID().toString().toUpperCase();

    @BeforeEach
    void wire() throws Exception {
        audit = open(dir);
        bundles = new EvidenceBundle(audit.chain, audit.checkpoints, audit.signer, audit.key, audit.store,
                audit.clock);
    }

    @AfterEach
    void close() {
        audit.close();
    }

    /** The message log under test: over a private in-memory H2 here, PostgreSQL in the subclass. */
    AuditFixture open(Path dir) throws Exception {
        return new AuditFixture(dir);
    }

    @Test
    void eachGroupOfEntriesLinksToItsNearestCheckpointAndTheLogBetweenIsLeftOut() throws Exception {
        audit.record("sub-m", 1); // seq 1: the upload (RECEIVED)
        message(LogStage.SIGNED, "signed with demo-sm2"); // seq 2
        long first = audit.signer.checkpoint().orElseThrow().seq();
        others(50); // seq 3..52
        audit.signer.checkpoint().orElseThrow(); // seq 52: covers nothing of the message
        others(10); // 53..62
        message(LogStage.RECEIPT, "customs status 120"); // seq 63, days later in real life
        others(5); // 64..68

        Map<String, byte[]> files = bundle();

        assertThat(first).isEqualTo(2);
        assertThat(chainSeqs(files)).containsExactly(1L, 2L, 63L, 64L, 65L, 66L, 67L, 68L);
        assertThat(files).containsKeys("checkpoints/2.txt", "checkpoints/2.sig", "checkpoints/68.txt",
                "checkpoints/68.sig").doesNotContainKey("checkpoints/52.txt");
        assertThat(verify(files)).isEmpty();
    }

    @Test
    void anEditedEntryWithItsHashRecomputedAndTheNextLinkRepointedIsCaught() throws Exception {
        audit.record("sub-m", 1);
        message(LogStage.SIGNED, "signed with demo-sm2");
        message(LogStage.DELIVERED, "delivered");
        others(3);
        Map<String, byte[]> files = bundle();
        assertThat(verify(files)).isEmpty();

        // The forger changes the detail of the entry at seq 2, recomputes its hash as the published encoding says,
        // writes it into entries.json and chain.csv, points the link at seq 3 at it, and rebuilds the manifest.
        List<JsonNode> entries = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        json.readTree(files.get("entries.json")).forEach(entries::add);
        ObjectNode edited = (ObjectNode) entries.stream().filter(e -> e.get("seq").asLong() == 2).findFirst()
                .orElseThrow();
        edited.put("detail", "signed with another key");
        LogEntry fields = new LogEntry(edited.get("correlationId").asString(), "demo", "sub-m", null, "CEB311",
                "ORDER-1", guid, "signed-xml", edited.get("artefactSha256").asString(),
                edited.get("artefactSize").asLong(), "signed with another key");
        Instant at = Instant.EPOCH.plus(edited.get("recordedAtMicros").asLong(), java.time.temporal.ChronoUnit.MICROS);
        String content = ChainHash.content(fields, "SIGNED", at);
        String forgedHash = ChainHash.link(2, edited.get("prevHash").asString(), content);
        edited.put("entryHash", forgedHash);
        ObjectNode next = (ObjectNode) entries.stream().filter(e -> e.get("seq").asLong() == 3).findFirst()
                .orElseThrow();
        next.put("prevHash", forgedHash);
        files.put("entries.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries));
        List<String> lines = new ArrayList<>(Arrays.asList(new String(files.get("chain.csv"),
                StandardCharsets.US_ASCII).split("\n")));
        for (int i = 1; i < lines.size(); i++) {
            String[] link = lines.get(i).split(",", -1);
            if (link[0].equals("2")) {
                lines.set(i, "2," + link[1] + "," + content + "," + forgedHash);
            } else if (link[0].equals("3")) {
                lines.set(i, "3," + forgedHash + "," + link[2] + "," + link[3]);
            }
        }
        files.put("chain.csv", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII));
        BundleFiles.rebuildManifest(files);

        assertThat(verify(files)).as("the entry itself now hashes right; the link after it cannot")
                .contains("chain.csv: the link at seq 3 does not hash to its entry_hash (altered)")
                .noneMatch(p -> p.contains("entry seq 2"));
    }

    @Test
    void theSignedStatementCatchesAnEntryLeftOutAndTheZipMayHoldNothingUnlistedOrTwice() throws Exception {
        audit.record("sub-m", 1);
        message(LogStage.SIGNED, "signed with demo-sm2");
        message(LogStage.REJECTED, "customs refused it");
        Map<String, byte[]> files = bundle();
        assertThat(new String(files.get("statement.txt"), StandardCharsets.US_ASCII)).contains("guid=" + guid + "\n");
        assertThat(verify(files)).isEmpty();

        // Leaving out the refusal: every remaining entry and link still holds; the statement does not.
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> kept = new ArrayList<>();
        json.readTree(files.get("entries.json")).forEach(e -> {
            if (!"REJECTED".equals(e.get("stage").asString())) {
                kept.add(e);
            }
        });
        Map<String, byte[]> omitted = new LinkedHashMap<>(files);
        omitted.put("entries.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(kept));
        BundleFiles.rebuildManifest(omitted);
        assertThat(verify(omitted)).containsExactly(
                "entries.json is not the one the statement names (entries added, removed or changed)");

        // Claiming it is another message's evidence: the statement's signature fails.
        Map<String, byte[]> renamed = new LinkedHashMap<>(files);
        renamed.put("statement.txt", new String(files.get("statement.txt"), StandardCharsets.US_ASCII)
                .replace(guid, "C0FFEE00-0000-4000-8000-000000000001").getBytes(StandardCharsets.US_ASCII));
        BundleFiles.rebuildManifest(renamed);
        assertThat(verify(renamed)).containsExactly("statement.sig does not verify");

        // A note added beside the evidence, and a second entries.json the unzip tool may show instead.
        Map<String, byte[]> extra = new LinkedHashMap<>(files);
        extra.put("NOTE.txt", "accepted by customs".getBytes(StandardCharsets.US_ASCII));
        assertThat(verify(extra)).containsExactly("NOTE.txt: not listed in the manifest");
        byte[] twice = withDuplicate(files, "entries.json", omitted.get("entries.json"));
        assertThat(EvidenceVerifier.verify(new ByteArrayInputStream(twice), null))
                .contains("entries.json: in the zip twice");
    }

    @Test
    void entriesWrittenBeforeFormatV2StillVerifyInTheLogAndTheirBundleSaysWhatItCannotProve() throws Exception {
        audit.record("sub-m", 1);
        message(LogStage.SIGNED, "signed with demo-sm2");
        others(3);
        rechainInFormatV1();
        assertThat(audit.verify().findings()).as("a v1 chain").isEmpty();

        others(2); // v2 entries after the v1 ones
        assertThat(audit.verify().findings()).as("v1 then v2").isEmpty();
        assertThat(verify(bundle())).singleElement().asString()
                .contains("the links at seq 1-5 give no content digest").contains("before log format v2");

        audit.jdbc.sql("update message_log set detail = 'changed' where seq = 2").update();
        assertThat(audit.verify().findings()).extracting(Finding::kind).contains(FindingKind.ENTRY_EDITED);
    }

    @Test
    void theFormatBeforeV2IsUnchanged() {
        LogEntry entry = new LogEntry("C0FFEE00-0000-4000-8000-000000000001", "demo", "sub-1", null, "CEB311",
                "ORDER-1", "C0FFEE00-0000-4000-8000-000000000001", "signed-xml", "ab".repeat(32), 1234L,
                "signed with demo-sm2");
        // Computed by the gateway's ChainHash before v2 existed (its v1 encoding, unchanged since).
        assertThat(ChainHash.legacy(42, "cd".repeat(32), entry, "SIGNED", Instant.parse("2026-05-01T08:00:00.123456Z")))
                .isEqualTo("591b9c7fcfe61b8c5f1c57b444f03465a42cf798c24eeee1b81855024734f9fc");
        LogEntry bare = new LogEntry(null, "demo", null, null, null, null, null, null, null, null, null);
        assertThat(ChainHash.legacy(1, ChainHash.GENESIS, bare, "RECEIVED", Instant.parse("2026-05-01T08:00:00Z")))
                .isEqualTo("7a45590e2358445563bdc31d8436dcf05779783702da87eddf168b42c5be99d8");
        assertThat(ChainHash.of(1, ChainHash.GENESIS, bare, "RECEIVED", Instant.parse("2026-05-01T08:00:00Z")))
                .isNotEqualTo("7a45590e2358445563bdc31d8436dcf05779783702da87eddf168b42c5be99d8");
    }

    private void message(LogStage stage, String detail) {
        ContentStore.StoredContent stored = audit.store.put((stage + " " + guid).getBytes(StandardCharsets.UTF_8));
        audit.log.record(new LogEntry(guid, "demo", "sub-m", stage, "CEB311", "ORDER-1", guid, "signed-xml",
                stored.sha256(), stored.size(), detail));
    }

    private void others(int n) {
        for (int i = 1; i <= n; i++) {
            audit.log.record(LogEntry.forSubmission("other", "sub-o", LogStage.PARSED).withDetail("row " + i));
        }
    }

    /** What a gateway before format v2 wrote: every hash in the v1 encoding. */
    private void rechainInFormatV1() {
        String prev = ChainHash.GENESIS;
        long last = 0;
        for (ChainedEntry e : audit.entries()) {
            String hash = ChainHash.legacy(e.seq(), prev, e.entry(), e.stageCode(), e.recordedAt());
            audit.jdbc.sql("update message_log set prev_hash = ?, entry_hash = ? where id = ?")
                    .params(prev, hash, e.id()).update();
            prev = hash;
            last = e.seq();
        }
        audit.chain.moveHead(last, prev);
    }

    private Map<String, byte[]> bundle() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        assertThat(bundles.write(guid, zip)).isTrue();
        return BundleFiles.unzip(zip.toByteArray());
    }

    private static List<Long> chainSeqs(Map<String, byte[]> files) {
        String[] lines = new String(files.get("chain.csv"), StandardCharsets.US_ASCII).split("\n");
        assertThat(lines[0]).isEqualTo(EvidenceVerifier.CHAIN_HEADER);
        return Arrays.stream(lines).skip(1).map(l -> Long.parseLong(l.split(",")[0])).toList();
    }

    private static List<String> verify(Map<String, byte[]> files) throws Exception {
        return BundleFiles.verify(files, null);
    }

    /**
     * The bundle with a second file of the same name before the first. The JDK will not write two entries of one
     * name, so the extra one is written under a name of the same length and renamed in the bytes.
     */
    private static byte[] withDuplicate(Map<String, byte[]> files, String name, byte[] bytes) throws Exception {
        String stand = name.substring(0, name.length() - 1) + "#";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(stand));
            zip.write(bytes);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        byte[] zip = out.toByteArray();
        byte[] from = stand.getBytes(StandardCharsets.US_ASCII);
        byte[] to = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, zip, i, to.length);
            }
        }
        return zip;
    }
}
