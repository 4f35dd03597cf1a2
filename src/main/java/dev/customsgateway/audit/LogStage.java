package dev.customsgateway.audit;

/**
 * The stages the message log records. The names are stable codes that compliance staff quote; add new ones,
 * never rename.
 */
public enum LogStage {
    /** The merchant's upload, stored byte for byte. */
    RECEIVED,
    /** The upload was refused as a whole (undecodable, not CSV, missing columns). */
    REFUSED,
    /** An order was read from the upload into the canonical model. */
    PARSED,
    /** An order broke a rule and will not be declared. */
    REJECTED,
    /** The customs XML was built from the canonical order. */
    MAPPED,
    /** The customs XML was signed. */
    SIGNED,
    /** The signed XML passed the official schema. */
    VALIDATED,
    /** The signed XML was written to the outbox. */
    WRITTEN,
    /** A login to a merchant channel (SFTP) failed or was refused by the rate limit; never holds the secret. */
    LOGIN_FAILED,
    /** An upload repeated the exact content of an earlier submission and was not declared again. */
    DUPLICATE
}
