package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hash of a message-log entry: SHA-256 over an unambiguous binary encoding of the entry, its sequence
 * number and the hash of the entry before it. Written out here so a third party can recompute it:
 *
 * <pre>
 * string(s) = 0x00                                      if s is null
 *           | 0x01 uint32(len(utf8(s))) utf8(s)          otherwise
 * int64(n)  = 0x00 | 0x01 8-byte big-endian n            (null or a number)
 * hash      = SHA-256( string("customs-gateway/message-log/v1")
 *                      int64(seq) string(prev_hash)
 *                      string(correlation_id) string(merchant_id) string(submission_id) string(stage)
 *                      string(message_type) string(order_no) string(guid)
 *                      string(artefact_kind) string(artefact_sha256) int64(artefact_size)
 *                      string(detail) int64(recorded_at as microseconds since 1970-01-01T00:00:00Z) )
 * </pre>
 *
 * Length prefixes and null markers make the encoding injective: no two different entries encode alike, so
 * moving text from one field to the next changes the hash. Hashes are lower-case hex.
 */
final class ChainHash {

    /** The {@code prev_hash} of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final String DOMAIN = "customs-gateway/message-log/v1";

    private ChainHash() {
    }

    static String of(long seq, String prevHash, LogEntry e, Instant recordedAt) {
        return of(seq, prevHash, e, e.stage().name(), recordedAt);
    }

    /** With the stage code as stored, so a code this version does not know still hashes as written. */
    static String of(long seq, String prevHash, LogEntry e, String stageCode, Instant recordedAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, DOMAIN);
            number(out, seq);
            string(out, prevHash);
            string(out, e.correlationId());
            string(out, e.merchantId());
            string(out, e.submissionId());
            string(out, stageCode);
            string(out, e.messageType());
            string(out, e.orderNo());
            string(out, e.guid());
            string(out, e.artefactKind());
            string(out, e.artefactSha256());
            number(out, e.artefactSize());
            string(out, e.detail());
            number(out, ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return Sha256.hex(bytes.toByteArray());
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void number(DataOutputStream out, Long value) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        out.writeLong(value);
    }
}
