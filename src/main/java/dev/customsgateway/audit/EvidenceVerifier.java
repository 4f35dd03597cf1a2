package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an evidence bundle ({@link EvidenceBundle}) offline, with nothing of the gateway but this class: the
 * manifest, each artefact against its entry, each entry's hash recomputed from its fields, the chain links from
 * the entries to the checkpoint, and the checkpoint signature, with the auditor's own copy of the checkpoint
 * certificate when given. Run as {@code java -jar customs-gateway.jar verify-evidence bundle.zip
 * [--trusted-key=cert.pem]}: no database, no server.
 */
public final class EvidenceVerifier {

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
        List<String> problems = verify(java.nio.file.Files.newInputStream(Path.of(files.get(0))), trusted);
        if (problems.isEmpty()) {
            System.out.println("OK " + files.get(0) + (trusted == null
                    ? " (checkpoint checked with the certificate inside the bundle: pass --trusted-key to rely on it)"
                    : " (checkpoint signed by the trusted key)"));
            return 0;
        }
        problems.forEach(p -> System.out.println("FAILED " + p));
        return 1;
    }

    /** The problems found; empty when the bundle holds. */
    public static List<String> verify(InputStream bundle, Path trustedCertificate) throws IOException {
        Map<String, byte[]> files = unzip(bundle);
        List<String> problems = new ArrayList<>();
        manifest(files, problems);
        JsonNode entries = JsonMapper.builder().build().readTree(files.getOrDefault("entries.json", "[]".getBytes()));
        Map<Long, String[]> links = links(files.get("chain.csv"));
        Set<String> shreddedScopes = shreddedScopes(entries);
        for (JsonNode e : entries) {
            entry(e, files, links, shreddedScopes, problems);
        }
        checkpoint(files, links, trustedCertificate, problems);
        return problems;
    }

    private static void manifest(Map<String, byte[]> files, List<String> problems) {
        byte[] manifest = files.get("manifest.sha256");
        if (manifest == null) {
            problems.add("manifest.sha256 is missing");
            return;
        }
        for (String line : new String(manifest, StandardCharsets.US_ASCII).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String digest = line.substring(0, 64);
            String name = line.substring(66);
            byte[] bytes = files.get(name);
            if (bytes == null) {
                problems.add(name + ": listed in the manifest but missing");
            } else if (!Sha256.hex(bytes).equals(digest)) {
                problems.add(name + ": its bytes differ from the manifest");
            }
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

    private static void entry(JsonNode e, Map<String, byte[]> files, Map<Long, String[]> links,
            Set<String> shreddedScopes, List<String> problems) {
        long seq = e.get("seq").asLong();
        LogEntry entry = new LogEntry(text(e, "correlationId"), text(e, "merchantId"), text(e, "submissionId"), null,
                text(e, "messageType"), text(e, "orderNo"), text(e, "guid"), text(e, "artefactKind"),
                text(e, "artefactSha256"), e.get("artefactSize").isNull() ? null : e.get("artefactSize").asLong(),
                text(e, "detail"));
        Instant at = Instant.EPOCH.plus(e.get("recordedAtMicros").asLong(), ChronoUnit.MICROS);
        String hash = ChainHash.of(seq, text(e, "prevHash"), entry, text(e, "stage"), at);
        if (!hash.equals(text(e, "entryHash"))) {
            problems.add("entry seq " + seq + " (" + text(e, "stage") + "): its fields do not give its hash (edited)");
        }
        String[] link = links.get(seq);
        if (link == null || !link[2].equals(text(e, "entryHash")) || !link[1].equals(text(e, "prevHash"))) {
            problems.add("entry seq " + seq + ": not the entry the chain has at that place");
        }
        String artefact = text(e, "artefactSha256");
        if (artefact != null) {
            byte[] bytes = files.get("artefacts/" + artefact);
            String scope = text(e, "merchantId") + "|" + YearMonth.from(at.atOffset(ZoneOffset.UTC));
            if (bytes == null && shreddedScopes.contains(scope)) {
                return; // gone by retention, and the bundle holds the entry that records it
            }
            if (bytes == null) {
                problems.add("entry seq " + seq + ": artefact " + artefact + " is missing");
            } else if (!Sha256.hex(bytes).equals(artefact)) {
                problems.add("entry seq " + seq + ": artefact " + artefact + " was altered");
            }
        }
    }

    private static void checkpoint(Map<String, byte[]> files, Map<Long, String[]> links, Path trusted,
            List<String> problems) {
        long previousSeq = -1;
        String previousHash = null;
        for (String[] link : links.values()) {
            long seq = Long.parseLong(link[0]);
            if (previousHash != null && (seq != previousSeq + 1 || !link[1].equals(previousHash))) {
                problems.add("chain.csv: the chain breaks at seq " + seq);
            }
            previousSeq = seq;
            previousHash = link[2];
        }
        String payload = new String(files.getOrDefault("checkpoint.txt", new byte[0]), StandardCharsets.US_ASCII);
        if (!payload.contains("seq=" + previousSeq + "\n") || !payload.contains("hash=" + previousHash + "\n")) {
            problems.add("checkpoint.txt does not name the last link of chain.csv");
        }
        try {
            PublicKey key = trusted != null ? CheckpointKey.readCertificate(trusted).getPublicKey()
                    : CheckpointKey.readPublicKey(write(files.get("checkpoint-public-key.pem")));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(files.getOrDefault("checkpoint.txt", new byte[0]));
            if (!verifier.verify(files.getOrDefault("checkpoint.sig", new byte[0]))) {
                problems.add("checkpoint.sig does not verify" + (trusted != null ? " with the trusted key" : ""));
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            problems.add("checkpoint signature cannot be checked: " + e.getMessage());
        }
    }

    private static Map<Long, String[]> links(byte[] csv) {
        Map<Long, String[]> links = new java.util.LinkedHashMap<>();
        if (csv == null) {
            return links;
        }
        String[] lines = new String(csv, StandardCharsets.US_ASCII).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] link = lines[i].split(",");
            if (link.length == 3) {
                links.put(Long.parseLong(link[0]), link);
            }
        }
        return links;
    }

    private static Map<String, byte[]> unzip(InputStream bundle) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(bundle)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes()); // uploads of any accepted size
            }
        }
        return files;
    }

    private static Path write(byte[] pem) throws IOException {
        Path file = java.nio.file.Files.createTempFile("checkpoint-key", ".pem");
        java.nio.file.Files.write(file, pem == null ? new byte[0] : pem);
        file.toFile().deleteOnExit();
        return file;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
