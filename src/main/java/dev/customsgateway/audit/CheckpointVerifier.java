package dev.customsgateway.audit;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import org.bouncycastle.tsp.TSPException;

/**
 * Checks every checkpoint for one {@link LogVerifier} run: signed by a trusted checkpoint key, its signature
 * valid over {@link CheckpointPayload}, its time-stamp (if any) valid over the signature, and the chain still
 * holding at the signed position the entry the checkpoint signed. A log rewritten consistently from some entry
 * onwards passes the chain walk but fails here, at the first checkpoint after the rewrite.
 */
final class CheckpointVerifier {

    private final ChainRepository chain;
    private final CheckpointRepository checkpoints;
    private final Map<String, PublicKey> trustedKeys;
    private final TimestampCheck timestampCheck;
    private final Findings findings;
    private long lastValidSeq;
    private int checked;

    CheckpointVerifier(ChainRepository chain, CheckpointRepository checkpoints, Map<String, PublicKey> trustedKeys,
            TimestampCheck timestampCheck, Findings findings) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.trustedKeys = trustedKeys;
        this.timestampCheck = timestampCheck;
        this.findings = findings;
    }

    /** Checks checkpoints up to {@code headSeq} (later ones were signed during this run). */
    void run(long headSeq) {
        for (Checkpoint checkpoint : checkpoints.all()) {
            if (checkpoint.seq() <= headSeq) {
                check(checkpoint);
                checked++;
            }
        }
    }

    private void check(Checkpoint c) {
        String which = "checkpoint " + c.id() + " (signed " + c.signedAt() + ")";
        PublicKey key = trustedKeys.get(c.keyId());
        if (key == null) {
            findings.add(FindingKind.CHECKPOINT_KEY_UNKNOWN, c.seq(), which + " names key " + c.keyId()
                    + ", which is not a trusted checkpoint key");
            return;
        }
        if (!signatureValid(key, c)) {
            findings.add(FindingKind.CHECKPOINT_FORGED, c.seq(), which + ": its signature does not verify");
            return;
        }
        if (c.timestampToken() != null) {
            try {
                timestampCheck.verify(c.timestampToken(), c.signature());
            } catch (TSPException | IOException e) {
                findings.add(FindingKind.TIMESTAMP_INVALID, c.seq(), which + ": " + e.getMessage());
            }
        }
        String now = chain.entryHashAt(c.seq()).orElse(null);
        if (!c.entryHash().equals(now)) {
            findings.add(FindingKind.CHECKPOINT_MISMATCH, c.seq(), which + " signed entry hash " + c.entryHash()
                    + " at this position; the log now holds " + (now == null ? "no entry" : now));
            return;
        }
        lastValidSeq = Math.max(lastValidSeq, c.seq());
    }

    private static boolean signatureValid(PublicKey key, Checkpoint c) {
        try {
            Signature verifier = Signature.getInstance(CheckpointKey.SIGNATURE_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(c.payload());
            return verifier.verify(c.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed signature is as forged as a wrong one
        }
    }

    /** The highest position a valid checkpoint covers. */
    long lastValidSeq() {
        return lastValidSeq;
    }

    int checked() {
        return checked;
    }
}
