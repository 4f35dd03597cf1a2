package dev.customsgateway.audit;

import java.time.Instant;

/**
 * A signed checkpoint of the chain head.
 *
 * @param keyId           SHA-256 (hex) of the signing key's DER-encoded SubjectPublicKeyInfo
 * @param signature       ECDSA P-256 with SHA-256, DER-encoded, over {@link CheckpointPayload}
 * @param timestampToken  RFC 3161 token (DER) over SHA-256 of {@code signature}; null without a TSA
 */
record Checkpoint(long id, long seq, String entryHash, Instant signedAt, String keyId, byte[] signature,
        byte[] timestampToken) {

    byte[] payload() {
        return CheckpointPayload.of(seq, entryHash, signedAt);
    }
}
