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
 * The hash of a message-log entry, written out here so a third party can recompute it. Since format v2 it is
 * computed in two steps: a digest of the entry's content, then the link hash over the sequence number, the hash
 * of the entry before it and that content digest.
 *
 * <pre>
 * string(s) = 0x00                                      if s is null
 *           | 0x01 uint32(len(utf8(s))) utf8(s)          otherwise
 * int64(n)  = 0x00 | 0x01 8-byte big-endian n            (null or a number)
 * content   = SHA-256( string("customs-gateway/message-log/v2/entry")
 *                      string(correlation_id) string(merchant_id) string(submission_id) string(stage)
 *                      string(message_type) string(order_no) string(guid)
 *                      string(artefact_kind) string(artefact_sha256) int64(artefact_size)
 *                      string(detail) int64(recorded_at as microseconds since 1970-01-01T00:00:00Z) )
 * hash      = SHA-256( string("customs-gateway/message-log/v2") int64(seq) string(prev_hash) string(content) )
 * </pre>
 *
 * Why two steps: an evidence bundle proves one message's entries are in the chain up to a signed checkpoint, and
 * the entries between them are other merchants'. With the content digest of each of those entries a third party
 * recomputes every link without seeing their fields; a chain whose links could not be recomputed would let a forger
 * edit an entry and re-point the next link at it unnoticed.
 *
 * <p>Entries written before v2 keep their hash ({@link #legacy}: one SHA-256 over {@code
 * string("customs-gateway/message-log/v1") int64(seq) string(prev_hash)} and the content fields in the order
 * above); an entry holds when either format gives its stored hash (the domain strings differ, so no content
 * matches under both). Length prefixes and null markers make the encodings injective: moving text from one field
 * to the next changes the hash. Hashes and digests are lower-case hex.
 */
final class ChainHash {

    /** The {@code prev_hash} of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final String LEGACY_DOMAIN = "customs-gateway/message-log/v1";
    private static final String CONTENT_DOMAIN = "customs-gateway/message-log/v2/entry";
    private static final String LINK_DOMAIN = "customs-gateway/message-log/v2";

    private ChainHash() {
    }

    static String of(long seq, String prevHash, LogEntry e, Instant recordedAt) {
        return of(seq, prevHash, e, e.stage().name(), recordedAt);
    }

    /** With the stage code as stored, so a code this version does not know still hashes as written. */
    static String of(long seq, String prevHash, LogEntry e, String stageCode, Instant recordedAt) {
        return link(seq, prevHash, content(e, stageCode, recordedAt));
    }

    /** The digest of an entry's content: what an evidence bundle gives for each entry it does not show. */
    static String content(LogEntry e, String stageCode, Instant recordedAt) {
        return encode(out -> {
            string(out, CONTENT_DOMAIN);
            fields(out, e, stageCode, recordedAt);
        });
    }

    /** The hash of the entry at {@code seq} from its predecessor's hash and its content digest. */
    static String link(long seq, String prevHash, String contentDigest) {
        return encode(out -> {
            string(out, LINK_DOMAIN);
            number(out, seq);
            string(out, prevHash);
            string(out, contentDigest);
        });
    }

    /** The hash of format v1, which entries written before v2 keep. */
    static String legacy(long seq, String prevHash, LogEntry e, String stageCode, Instant recordedAt) {
        return encode(out -> {
            string(out, LEGACY_DOMAIN);
            number(out, seq);
            string(out, prevHash);
            fields(out, e, stageCode, recordedAt);
        });
    }

    /** Whether the stored hash is what either format gives for this entry at {@code seq}. */
    static boolean holds(String storedHash, long seq, String prevHash, LogEntry e, String stageCode,
            Instant recordedAt) {
        return storedHash != null && (storedHash.equals(of(seq, prevHash, e, stageCode, recordedAt))
                || storedHash.equals(legacy(seq, prevHash, e, stageCode, recordedAt)));
    }

    private static void fields(DataOutputStream out, LogEntry e, String stageCode, Instant recordedAt)
            throws IOException {
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
    }

    private interface Encoding {
        void write(DataOutputStream out) throws IOException;
    }

    private static String encode(Encoding encoding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            encoding.write(out);
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
