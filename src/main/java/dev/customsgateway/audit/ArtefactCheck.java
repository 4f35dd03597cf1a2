package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Re-hashes the artefact bytes each entry names, for one {@link LogVerifier} run: the file must exist in the
 * content store, authenticate (sealed files are AES-GCM) and its plaintext SHA-256 must still be the digest the
 * (hash-protected) entry recorded. Each distinct artefact is read once per run, however many entries name it.
 *
 * <p>An artefact that is gone (no file, or its data key destroyed) is judged at the end of the walk, once every
 * entry has been seen: it is <em>shredded</em> when the chain records the destruction of its merchant's key for
 * the month of the entry, or of the key that sealed it; otherwise it is missing, which is tampering.
 */
final class ArtefactCheck {

    private final ContentStore store;
    private final Findings findings;
    private final Function<String, String> sealingKeyOf;
    private final Set<String> verified = new HashSet<>();
    private final Map<String, FindingKind> failed = new HashMap<>();
    private final List<Gone> gone = new ArrayList<>();
    private long shredded;

    /** {@code sealingKeyOf}: the data key id the content store recorded for a digest (null when none). */
    ArtefactCheck(ContentStore store, Findings findings, Function<String, String> sealingKeyOf) {
        this.store = store;
        this.findings = findings;
        this.sealingKeyOf = sealingKeyOf;
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
            gone.add(new Gone(entry, false));
            return;
        }
        try {
            String actual = hash(digest);
            if (actual.equals(digest)) {
                verified.add(digest);
            } else {
                fail(digest, FindingKind.ARTEFACT_ALTERED, seq, "the bytes stored for artefact " + digest
                        + " now hash to " + actual + ": altered");
            }
        } catch (ArtefactTamperedException e) {
            fail(digest, FindingKind.ARTEFACT_ALTERED, seq, "the sealed bytes stored for artefact " + digest
                    + " fail their AES-GCM authentication: altered");
        } catch (ArtefactShreddedException e) {
            gone.add(new Gone(entry, true));
        } catch (IOException | RuntimeException e) {
            fail(digest, FindingKind.ARTEFACT_MISSING, seq, "its artefact " + digest + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Judges the artefacts found gone, now that every deletion the chain records is known. */
    void finish(ShredRecords shreds) {
        Map<Long, Set<String>> byShredEntry = new TreeMap<>();
        for (Gone g : gone) {
            String digest = g.entry().entry().artefactSha256();
            if (verified.contains(digest) || failed.containsKey(digest)) {
                continue;
            }
            Long by = shreds.forEntry(g.entry().entry().merchantId(), g.entry().recordedAt());
            if (by == null) {
                by = shreds.forKey(sealingKeyOf.apply(digest));
            }
            if (by != null) {
                byShredEntry.computeIfAbsent(by, k -> new HashSet<>()).add(digest);
            } else {
                fail(digest, FindingKind.ARTEFACT_MISSING, g.entry().seq(), g.keyDestroyed()
                        ? "the data key of its artefact " + digest + " was destroyed, but no deletion is recorded"
                        : "its artefact " + digest + " is not in the content store, and no deletion is recorded");
            }
        }
        byShredEntry.forEach((seq, digests) -> {
            shredded += digests.size();
            findings.add(FindingKind.ARTEFACT_SHREDDED, seq, digests.size() + " artefact(s) named by earlier entries"
                    + " are gone by retention: their data key was destroyed, as this entry records (not tampering)");
        });
    }

    long verifiedCount() {
        return verified.size();
    }

    long shreddedCount() {
        return shredded;
    }

    private void fail(String digest, FindingKind kind, Long seq, String message) {
        failed.put(digest, kind);
        findings.add(kind, seq, message);
    }

    /** The SHA-256 of the artefact's plaintext, decrypted (and authenticated) as it is read. */
    private String hash(String sha256) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(store.open(sha256), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return Sha256.hex(digest);
    }

    private record Gone(ChainedEntry entry, boolean keyDestroyed) {
    }
}
