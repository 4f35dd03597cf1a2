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
    /** The signed XML was committed to the outbox. */
    WRITTEN,
    /** One delivery attempt that did not deliver (the response, if any, is the artefact). */
    DELIVERY_FAILED,
    /** The destination took the message (its response is the artefact). */
    DELIVERED,
    /** Delivery gave up: retries exhausted or a permanent refusal. */
    DEAD_LETTERED,
    /** A dead-lettered message was put back in the outbox by an operator. */
    REPLAYED,
    /** A receipt from customs, byte for byte. */
    RECEIPT,
    /** A login to a merchant channel (SFTP) failed or was refused by the rate limit; never holds the secret. */
    LOGIN_FAILED,
    /** An upload repeated the exact content of an earlier submission and was not declared again. */
    DUPLICATE,
    /** A signing certificate is within the warning period before expiry (once a day per key). */
    CERTIFICATE_EXPIRING,
    /** The e-port's exchange platform took the message ({@code DxpRep} with a success code), before customs. */
    TRANSPORT_ACCEPTED,
    /** The e-port's exchange platform refused the message in transport ({@code DxpRep} error, e.g. 1001). */
    TRANSPORT_REJECTED,
    /** Retention destroyed a data key (crypto-shredding): the artefacts it sealed are gone; names key and period. */
    ARTEFACTS_SHREDDED,
    /** A legal hold was placed on a merchant or a message: its artefacts are kept past retention. */
    LEGAL_HOLD_SET,
    /** A legal hold was released. */
    LEGAL_HOLD_RELEASED,
    /** Someone read or exported through the compliance API: which credential (its id), what, and the answer. */
    COMPLIANCE_ACCESS,
    /** A poll of a merchant's own SFTP server failed (host key refused, login failed, unreachable). */
    SFTP_POLL_FAILED
}
