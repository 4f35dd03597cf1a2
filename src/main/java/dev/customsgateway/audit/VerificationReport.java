package dev.customsgateway.audit;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one {@code verify-log} run, as the command prints it and the compliance API returns it.
 *
 * @param intact             true when nothing was found wrong
 * @param entries            chain entries walked
 * @param headSeq            the chain head the walk went up to
 * @param headHash           its hash
 * @param artefactsVerified  distinct artefacts re-hashed and found intact (0 when artefacts were skipped)
 * @param checkpoints        checkpoints checked
 * @param lastCheckpointSeq  the highest position covered by a valid signed checkpoint (0 when none)
 * @param uncoveredEntries   entries after that position: protected by the chain only, until the next checkpoint
 * @param findings           what is wrong, in chain order where possible
 * @param findingsTruncated  true when more was wrong than {@link Findings#LIMIT} findings show
 * @param artefactsShredded  distinct artefacts gone by recorded crypto-shredding (reported, not wrong)
 */
public record VerificationReport(
        boolean intact,
        Instant verifiedAt,
        long entries,
        long headSeq,
        String headHash,
        long artefactsVerified,
        int checkpoints,
        long lastCheckpointSeq,
        long uncoveredEntries,
        List<Finding> findings,
        boolean findingsTruncated,
        long artefactsShredded) {

    /** Whether some finding has this kind (and, when {@code seq} is not null, this position). */
    public boolean has(FindingKind kind, Long seq) {
        return findings.stream().anyMatch(f -> f.kind() == kind && (seq == null || seq.equals(f.seq())));
    }
}
