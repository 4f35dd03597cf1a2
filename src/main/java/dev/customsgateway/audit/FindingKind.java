package dev.customsgateway.audit;

/**
 * What {@code verify-log} can find wrong. The names are stable codes that compliance staff quote; add new ones,
 * never rename.
 */
public enum FindingKind {
    /** An entry's stored fields no longer hash to its stored hash: it was changed after it was written. */
    ENTRY_EDITED,
    /** Sequence numbers are missing: entries were deleted. */
    ENTRY_MISSING,
    /** A row the gateway did not append: no place in the chain, past the head, or skipped by the chain. */
    ENTRY_INSERTED,
    /** Entries are intact but not where they were written: their order was changed or they were renumbered. */
    ENTRY_REORDERED,
    /** An entry names a predecessor that is no longer in the log (deleted, or rewritten with a fresh hash). */
    CHAIN_BROKEN,
    /** The recorded chain head does not match the last entry. */
    HEAD_MISMATCH,
    /** An artefact named by an entry is not in the content store. */
    ARTEFACT_MISSING,
    /** An artefact's bytes no longer hash to the digest its entry recorded. */
    ARTEFACT_ALTERED,
    /** A checkpoint's signature does not verify with the gateway's checkpoint key. */
    CHECKPOINT_FORGED,
    /** A checkpoint was signed by a key that is not trusted here. */
    CHECKPOINT_KEY_UNKNOWN,
    /** The chain no longer matches what a valid checkpoint signed: the log was rewritten after it. */
    CHECKPOINT_MISMATCH,
    /** A checkpoint's RFC 3161 time-stamp token is invalid or does not cover the checkpoint. */
    TIMESTAMP_INVALID,
    /**
     * Not tampering: artefacts are gone because retention destroyed their data key, as a chained
     * {@code ARTEFACTS_SHREDDED} entry records (crypto-shredding). The chain and digests still verify.
     */
    ARTEFACT_SHREDDED;

    /** Whether this kind only informs and leaves the log intact. */
    public boolean informational() {
        return this == ARTEFACT_SHREDDED;
    }
}
