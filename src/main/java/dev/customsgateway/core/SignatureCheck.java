package dev.customsgateway.core;

/**
 * Checks a stored signed message again, on demand, against the trusted certificate of the key it was signed
 * with: what the compliance console shows beside a signed artefact. Implemented by the signing capability (its one
 * verifier), so a reader of the log needs no signing code of its own.
 */
public interface SignatureCheck {

    /** Verifies {@code signedXml} with the certificate of {@code keyAlias}; never throws for a bad signature. */
    Result check(byte[] signedXml, String keyAlias);

    /** Whether it verified, and in words: the profile and signer when it did, the reason when it did not. */
    record Result(boolean valid, String description) {
    }
}
