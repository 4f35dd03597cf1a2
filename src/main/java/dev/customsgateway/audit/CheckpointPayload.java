package dev.customsgateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The exact bytes a checkpoint signature covers: a few lines of ASCII, so that anyone can rebuild them and
 * check the signature with OpenSSL ({@code openssl dgst -sha256 -verify checkpoint-public-key.pem
 * -signature sig.der payload.txt}):
 *
 * <pre>
 * customs-gateway message-log checkpoint v1
 * seq=1234
 * hash=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * signed-at=2026-05-01T08:00:00.123456Z
 * </pre>
 *
 * (each line ends with a line feed; the time is ISO-8601 UTC as {@link DateTimeFormatter#ISO_INSTANT} writes it).
 */
final class CheckpointPayload {

    private CheckpointPayload() {
    }

    static byte[] of(long seq, String entryHash, Instant signedAt) {
        String text = "customs-gateway message-log checkpoint v1\n"
                + "seq=" + seq + "\n"
                + "hash=" + entryHash + "\n"
                + "signed-at=" + DateTimeFormatter.ISO_INSTANT.format(signedAt) + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
