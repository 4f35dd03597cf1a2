package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Re-hashes the artefact bytes each entry names, for one {@link LogVerifier} run: the file must exist in the
 * content store and its SHA-256 must still be the digest the (hash-protected) entry recorded. Each distinct
 * artefact is read once per run, however many entries name it.
 */
final class ArtefactCheck {

    private final ContentStore store;
    private final Findings findings;
    private final Set<String> verified = new HashSet<>();
    private final Map<String, FindingKind> failed = new HashMap<>();

    ArtefactCheck(ContentStore store, Findings findings) {
        this.store = store;
        this.findings = findings;
    }

    void check(ChainedEntry entry) {
        String digest = entry.entry().artefactSha256();
        if (digest == null || verified.contains(digest)) {
            return;
        }
        Long seq = entry.seq();
        if (failed.containsKey(digest)) {
            findings.add(failed.get(digest), seq, "its artefact " + digest + " failed verification (see above)");
            return;
        }
        Path file;
        try {
            file = store.pathOf(digest);
        } catch (IllegalArgumentException e) {
            fail(digest, FindingKind.ARTEFACT_MISSING, seq, "its artefact digest is not a SHA-256: " + digest);
            return;
        }
        if (!Files.isRegularFile(file)) {
            fail(digest, FindingKind.ARTEFACT_MISSING, seq, "its artefact " + digest + " is not in the content store");
            return;
        }
        try {
            String actual = hash(file);
            if (actual.equals(digest)) {
                verified.add(digest);
            } else {
                fail(digest, FindingKind.ARTEFACT_ALTERED, seq, "the bytes stored for artefact " + digest
                        + " now hash to " + actual + ": altered");
            }
        } catch (IOException e) {
            fail(digest, FindingKind.ARTEFACT_MISSING, seq, "its artefact " + digest + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    long verifiedCount() {
        return verified.size();
    }

    private void fail(String digest, FindingKind kind, Long seq, String message) {
        failed.put(digest, kind);
        findings.add(kind, seq, message);
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return Sha256.hex(digest);
    }
}
