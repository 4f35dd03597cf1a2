package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an evidence bundle ({@link EvidenceBundle}) offline, with nothing of the gateway but this class: the
 * manifest, each artefact against its entry, each entry's hash recomputed from its fields, every link of the chain
 * recomputed from its content digest and followed from the entries to the checkpoint its run ends at, and each
 * checkpoint's signature, with the auditor's own copy of the checkpoint certificate when given. Run as {@code java
 * -jar customs-gateway.jar verify-evidence bundle.zip [--trusted-key=cert.pem]}: no database, no server. Files are
 * read from the zip as streams, so a bundle with a large upload or a long stretch of chain is checked in little
 * memory.
 */
public final class EvidenceVerifier {

    static final String CHAIN_HEADER = "seq,prev_hash,content_sha256,entry_hash";
    /** Problems of chain.csv listed one by one before the rest are counted: a rewritten log fails on every link. */
    private static final int CHAIN_PROBLEMS_LISTED = 20;

    /** Strict: a second "detail" in an entry would otherwise replace the first unseen. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private EvidenceVerifier() {
    }

    /** The command: prints OK or one line per problem; exit status 0 when the bundle holds. */
    public static int run(List<String> args) throws IOException {
        List<String> files = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (files.isEmpty()) {
            System.err.println("usage: verify-evidence BUNDLE.zip [--trusted-key=checkpoint-cert.pem]");
            return 64;
        }
        Path trusted = args.stream().filter(a -> a.startsWith("--trusted-key=")).findFirst()
                .map(a -> Path.of(a.substring("--trusted-key=".length()))).orElse(null);
        List<String> problems = verify(Path.of(files.get(0)), trusted);
        if (problems.isEmpty()) {
            System.out.println("OK " + files.get(0) + (trusted == null
                    ? " (checkpoint checked with the certificate inside the bundle: pass --trusted-key to rely on it)"
                    : " (checkpoint signed by the trusted key)"));
            return 0;
        }
        problems.forEach(p -> System.out.println("FAILED " + p));
        return 1;
    }

    /** The problems found in a bundle read from a stream (kept in a temporary file while it is checked). */
    public static List<String> verify(InputStream bundle, Path trustedCertificate) throws IOException {
        Path copy = Files.createTempFile("evidence-", ".zip");
        try {
            Files.copy(bundle, copy, StandardCopyOption.REPLACE_EXISTING);
            return verify(copy, trustedCertificate);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The problems found; empty when the bundle holds. */
    public static List<String> verify(Path bundle, Path trustedCertificate) throws IOException {
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            verify(zip, trustedCertificate, problems);
        } catch (java.util.zip.ZipException | RuntimeException e) {
            problems.add("not a readable evidence bundle: " + e.getMessage());
        }
        return problems;
    }

    private static void verify(ZipFile zip, Path trustedCertificate, List<String> problems) throws IOException {
        Set<String> listed = manifest(zip, problems);
        names(zip, listed, problems);
        PublicKey key = key(zip, trustedCertificate, problems);
        byte[] entriesJson = bytes(zip, "entries.json");
        if (entriesJson == null) {
            problems.add("entries.json is missing");
            return;
        }
        Set<String> shredded = statement(zip, Sha256.hex(entriesJson), key, problems);
        JsonNode entries = JSON.readTree(entriesJson);
        Set<Long> wanted = new HashSet<>();
        entries.forEach(e -> wanted.add(e.get("seq").asLong()));
        Map<Long, String[]> links = new HashMap<>();
        List<RunEnd> runEnds = chain(zip, wanted, links, problems);
        Set<String> shreddedScopes = shreddedScopes(entries);
        for (JsonNode e : entries) {
            entry(e, zip, links, shreddedScopes, shredded, problems);
        }
        for (RunEnd end : runEnds) {
            checkpoint(zip, end.seq(), end.hash(), key, problems);
        }
    }

    /** Every file once, and each in the manifest: a second copy or an unlisted file is how a forger adds text. */
    private static void names(ZipFile zip, Set<String> listed, List<String> problems) {
        Set<String> seen = new HashSet<>();
        zip.stream().map(ZipEntry::getName).forEach(name -> {
            if (!seen.add(name)) {
                problems.add(name + ": in the zip twice");
            } else if (!name.equals("manifest.sha256") && !listed.contains(name)) {
                problems.add(name + ": not listed in the manifest");
            }
        });
    }

    /** The key checkpoints and the statement are checked with: the auditor's copy, or the bundle's own. */
    private static PublicKey key(ZipFile zip, Path trusted, List<String> problems) throws IOException {
        try {
            if (trusted != null) {
                return CheckpointKey.readCertificate(trusted).getPublicKey();
            }
            Path file = Files.createTempFile("checkpoint-key", ".pem");
            try {
                byte[] pem = bytes(zip, "checkpoint-public-key.pem");
                Files.write(file, pem == null ? new byte[0] : pem);
                return CheckpointKey.readPublicKey(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            problems.add("the checkpoint key cannot be read: " + e.getMessage());
            return null;
        }
    }

    /**
     * The gateway's signed word that entries.json is all of this message's entries (see {@link EvidenceStatement});
     * returns the artefacts it says retention shredded (none when the statement does not hold).
     */
    private static Set<String> statement(ZipFile zip, String entriesSha256, PublicKey key, List<String> problems)
            throws IOException {
        byte[] statement = bytes(zip, "statement.txt");
        if (statement == null) {
            problems.add("statement.txt is missing");
            return Set.of();
        }
        var parsed = EvidenceStatement.parse(statement);
        if (parsed.isEmpty()) {
            problems.add("statement.txt is not in the format of an evidence statement");
            return Set.of();
        }
        if (!parsed.get().entriesSha256().equals(entriesSha256)) {
            problems.add("entries.json is not the one the statement names (entries added, removed or changed)");
        }
        if (!signed(key, statement, bytes(zip, "statement.sig"))) {
            problems.add("statement.sig does not verify");
            return Set.of();
        }
        return parsed.get().shredded();
    }

    private static boolean signed(PublicKey key, byte[] payload, byte[] signature) {
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(CheckpointKey.SIGNATURE_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(payload);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Checks every listed file's digest; returns the names listed. */
    private static Set<String> manifest(ZipFile zip, List<String> problems) throws IOException {
        Set<String> listed = new HashSet<>();
        byte[] manifest = bytes(zip, "manifest.sha256");
        if (manifest == null) {
            problems.add("manifest.sha256 is missing");
            return listed;
        }
        for (String line : new String(manifest, StandardCharsets.US_ASCII).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  .+")) {
                problems.add("manifest.sha256: a line that is not \"<sha256>  <name>\": " + abbreviate(line));
                continue;
            }
            String digest = line.substring(0, 64);
            String name = line.substring(66);
            listed.add(name);
            String actual = digest(zip, name);
            if (actual == null) {
                problems.add(name + ": listed in the manifest but missing");
            } else if (!actual.equals(digest)) {
                problems.add(name + ": its bytes differ from the manifest");
            }
        }
        return listed;
    }

    /**
     * Reads chain.csv once, as a stream: every link must hash to its entry_hash from its seq, prev_hash and content
     * digest, and name the link before it, within each run of consecutive seqs. Keeps the links of the bundle's
     * entries; returns the last link (seq, entry_hash) of each run, which a checkpoint must sign.
     */
    private static List<RunEnd> chain(ZipFile zip, Set<Long> wanted, Map<Long, String[]> links,
            List<String> problems) throws IOException {
        List<RunEnd> runEnds = new ArrayList<>();
        ZipEntry file = zip.getEntry("chain.csv");
        if (file == null) {
            problems.add("chain.csv is missing");
            return runEnds;
        }
        List<String> found = new ArrayList<>();
        long unlisted = 0;
        long opaqueFrom = -1;
        long opaqueTo = -1;
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(zip.getInputStream(file),
                StandardCharsets.US_ASCII))) {
            if (!CHAIN_HEADER.equals(csv.readLine())) {
                problems.add("chain.csv: its first line is not " + CHAIN_HEADER);
                return runEnds;
            }
            long previousSeq = -1;
            String previousHash = null;
            for (String line = csv.readLine(); line != null; line = csv.readLine()) {
                String[] link = line.split(",", -1);
                long seq;
                try {
                    seq = Long.parseLong(link[0]);
                } catch (NumberFormatException e) {
                    seq = -1;
                }
                if (link.length != 4 || seq < 1) {
                    found.add("chain.csv: a line that is not a link: " + abbreviate(line));
                    continue;
                }
                if (previousHash != null && seq <= previousSeq) {
                    found.add("chain.csv: seq " + seq + " follows seq " + previousSeq + " (out of order)");
                } else if (previousHash != null && seq == previousSeq + 1 && !link[1].equals(previousHash)) {
                    found.add("chain.csv: the chain breaks at seq " + seq);
                } else if (previousHash != null && seq > previousSeq + 1) {
                    runEnds.add(new RunEnd(previousSeq, previousHash));
                }
                if (link[2].isEmpty()) {
                    if (opaqueTo != seq - 1) {
                        flushOpaque(opaqueFrom, opaqueTo, found);
                        opaqueFrom = seq;
                    }
                    opaqueTo = seq;
                } else if (!ChainHash.link(seq, link[1], link[2]).equals(link[3])) {
                    found.add("chain.csv: the link at seq " + seq + " does not hash to its entry_hash (altered)");
                }
                if (wanted.contains(seq)) {
                    links.put(seq, link);
                }
                previousSeq = seq;
                previousHash = link[3];
                if (found.size() > CHAIN_PROBLEMS_LISTED) {
                    unlisted += found.size() - CHAIN_PROBLEMS_LISTED;
                    found.subList(CHAIN_PROBLEMS_LISTED, found.size()).clear();
                }
            }
            if (previousHash != null) {
                runEnds.add(new RunEnd(previousSeq, previousHash));
            }
        }
        flushOpaque(opaqueFrom, opaqueTo, found);
        problems.addAll(found);
        if (unlisted > 0) {
            problems.add("chain.csv: " + unlisted + " more problems");
        }
        return runEnds;
    }

    /** The last link of a run of consecutive links in chain.csv: what a checkpoint must sign. */
    private record RunEnd(long seq, String hash) {
    }

    /** Links without a content digest: written before log format v2, or altered in the database. */
    private static void flushOpaque(long from, long to, List<String> found) {
        if (from > 0) {
            found.add("chain.csv: " + (from == to ? "the link at seq " + from + " gives" : "the links at seq " + from
                    + "-" + to + " give") + " no content digest (written before log format v2, or altered in the database): they"
                    + " cannot be recomputed offline; verify-log checks them where the database is");
        }
    }

    /**
     * "merchant|yyyy-MM" of every data key the bundle's own (hash-checked) ARTEFACTS_SHREDDED entries record as
     * destroyed: an artefact of such a merchant and month may be absent, by retention.
     */
    private static Set<String> shreddedScopes(JsonNode entries) {
        Set<String> scopes = new HashSet<>();
        for (JsonNode e : entries) {
            String detail = text(e, "detail");
            if ("ARTEFACTS_SHREDDED".equals(text(e, "stage")) && detail != null
                    && detail.matches("(?s)^period \\d{4}-\\d{2}: .*")) {
                scopes.add(text(e, "merchantId") + "|" + detail.substring(7, 14));
            }
        }
        return scopes;
    }

    private static void entry(JsonNode e, ZipFile zip, Map<Long, String[]> links, Set<String> shreddedScopes,
            Set<String> shredded, List<String> problems) throws IOException {
        long seq = e.get("seq").asLong();
        LogEntry entry = new LogEntry(text(e, "correlationId"), text(e, "merchantId"), text(e, "submissionId"), null,
                text(e, "messageType"), text(e, "orderNo"), text(e, "guid"), text(e, "artefactKind"),
                text(e, "artefactSha256"), e.get("artefactSize").isNull() ? null : e.get("artefactSize").asLong(),
                text(e, "detail"));
        Instant at = Instant.EPOCH.plus(e.get("recordedAtMicros").asLong(), ChronoUnit.MICROS);
        String stage = text(e, "stage");
        if (!ChainHash.holds(text(e, "entryHash"), seq, text(e, "prevHash"), entry, stage, at)) {
            problems.add("entry seq " + seq + " (" + stage + "): its fields do not give its hash (edited)");
        }
        if (!at.toString().equals(text(e, "recordedAt"))) {
            problems.add("entry seq " + seq + ": recordedAt is not the time its hash covers (" + at + ")");
        }
        String[] link = links.get(seq);
        if (link == null || !link[3].equals(text(e, "entryHash")) || !link[1].equals(text(e, "prevHash"))
                || !(link[2].isEmpty() || link[2].equals(ChainHash.content(entry, stage, at)))) {
            problems.add("entry seq " + seq + ": not the entry the chain has at that place");
        }
        String artefact = text(e, "artefactSha256");
        if (artefact != null) {
            String digest = digest(zip, "artefacts/" + artefact);
            String scope = text(e, "merchantId") + "|" + YearMonth.from(at.atOffset(ZoneOffset.UTC));
            if (digest == null && shredded.contains(artefact) && shreddedScopes.contains(scope)) {
                return; // gone by retention: the signed statement says so, and the bundle holds the entry recording it
            }
            if (digest == null) {
                problems.add("entry seq " + seq + ": artefact " + artefact + " is missing");
            } else if (!digest.equals(artefact)) {
                problems.add("entry seq " + seq + ": artefact " + artefact + " was altered");
            }
        }
    }

    /** The checkpoint a run of chain.csv ends at: it must sign that last link, with the checkpoint key. */
    private static void checkpoint(ZipFile zip, long seq, String hash, PublicKey key, List<String> problems)
            throws IOException {
        String name = "checkpoints/" + seq;
        byte[] payload = bytes(zip, name + ".txt");
        if (payload == null) {
            problems.add("chain.csv: the run ending at seq " + seq + " ends at no checkpoint (" + name
                    + ".txt is missing)");
            return;
        }
        // Rebuilt, not searched: the bytes must be exactly a checkpoint of this seq and hash.
        String text = new String(payload, StandardCharsets.US_ASCII);
        int at = text.indexOf("signed-at=");
        Instant signedAt = null;
        try {
            signedAt = at < 0 ? null : Instant.parse(text.substring(at + "signed-at=".length()).strip());
        } catch (java.time.format.DateTimeParseException e) {
            signedAt = null;
        }
        if (signedAt == null || !java.util.Arrays.equals(payload, CheckpointPayload.of(seq, hash, signedAt))) {
            problems.add(name + ".txt is not the checkpoint of the last link of its run of chain.csv");
        }
        if (!signed(key, payload, bytes(zip, name + ".sig"))) {
            problems.add(name + ".sig does not verify with the checkpoint key");
        }
    }

    /** A small file of the bundle, whole; null when it is absent. */
    private static byte[] bytes(ZipFile zip, String name) throws IOException {
        ZipEntry file = zip.getEntry(name);
        if (file == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(file)) {
            return in.readAllBytes();
        }
    }

    /** The SHA-256 of a file of the bundle, read as a stream; null when it is absent. */
    private static String digest(ZipFile zip, String name) throws IOException {
        ZipEntry file = zip.getEntry(name);
        if (file == null) {
            return null;
        }
        MessageDigest sha256 = Sha256.newDigest();
        try (InputStream in = zip.getInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        }
        return Sha256.hex(sha256);
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
