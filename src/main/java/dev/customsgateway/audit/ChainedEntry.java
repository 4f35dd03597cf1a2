package dev.customsgateway.audit;

import java.time.Instant;

/**
 * A message-log entry as stored, with its place in the hash chain.
 *
 * @param id         the row id (not hashed: it only identifies the row for staff)
 * @param seq        position in the chain, from 1; null for a row that was never chained
 * @param stageCode  the stage as stored (hashed as text, so an unknown code still verifies)
 * @param prevHash   hash of the entry before it ({@link ChainHash#GENESIS} for the first)
 * @param entryHash  the hash stored when the entry was written
 */
record ChainedEntry(long id, Long seq, LogEntry entry, String stageCode, Instant recordedAt, String prevHash,
        String entryHash) {

    /** Whether the stored hash still matches what is stored now. */
    boolean hashMatches() {
        return seq != null && hashMatchesAt(seq);
    }

    /** Whether the stored hash is the entry's at another position: tells a moved entry from an edited one. */
    boolean hashMatchesAt(long atSeq) {
        return ChainHash.holds(entryHash, atSeq, prevHash, entry, stageCode, recordedAt);
    }

    /** The digest of the entry's content as stored (see {@link ChainHash}). */
    String contentDigest() {
        return ChainHash.content(entry, stageCode, recordedAt);
    }
}
