package dev.customsgateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL over the chained message log ({@code message_log} and {@code log_chain_head}): what {@link LogChain}
 * appends with and what {@link LogVerifier} walks. Plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL.
 */
@Component
class ChainRepository {

    private static final String COLUMNS = """
            id, seq, correlation_id, merchant_id, submission_id, stage, message_type, order_no, guid,
            artefact_kind, artefact_sha256, artefact_size, detail, recorded_at, prev_hash, entry_hash""";

    private final JdbcClient jdbc;

    ChainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain head, row-locked until the surrounding transaction ends: the point where appends queue. */
    Head lockHead() {
        return jdbc.sql("select seq, entry_hash from log_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** The committed chain head, without locking. */
    Head head() {
        return jdbc.sql("select seq, entry_hash from log_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /**
     * The entries of one message and its submission's upload, in chain order. Every entry the gateway writes about a
     * message carries its guid as {@code correlation_id}, which is indexed: two index look-ups instead of a scan of
     * the whole log for the {@code guid} column (seconds at a million entries).
     */
    List<ChainedEntry> messageEntries(String guid) {
        return jdbc.sql("select " + COLUMNS + " from message_log where seq is not null and correlation_id = ?"
                + " union all select " + COLUMNS + " from message_log where seq is not null and stage = 'RECEIVED'"
                + " and correlation_id <> ?"
                + " and submission_id = (select max(submission_id) from message_log where correlation_id = ?)"
                + " order by seq")
                .params(guid, guid, guid).query(ChainRepository::entry).list();
    }

    /** The entries recording crypto-shredding of these merchants' data keys, in chain order. */
    List<ChainedEntry> shredEntries(List<String> merchantIds) {
        if (merchantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from message_log where seq is not null and stage = 'ARTEFACTS_SHREDDED'"
                        + " and merchant_id in (:merchants) order by seq")
                .param("merchants", merchantIds).query(ChainRepository::entry).list();
    }

    /** seq, prev_hash and entry_hash of a stretch of the chain: the links from an entry to a checkpoint. */
    List<String[]> links(long fromSeq, long toSeq) {
        return jdbc.sql("select seq, prev_hash, entry_hash from message_log where seq between ? and ? order by seq")
                .params(fromSeq, toSeq)
                .query((rs, n) -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)})
                .list();
    }

    void moveHead(long seq, String entryHash) {
        jdbc.sql("update log_chain_head set seq = ?, entry_hash = ? where id = 1").params(seq, entryHash).update();
    }

    void insert(long seq, String prevHash, String entryHash, LogEntry e, Instant recordedAt) {
        jdbc.sql("""
                insert into message_log (correlation_id, merchant_id, submission_id, stage, message_type, order_no,
                    guid, artefact_kind, artefact_sha256, artefact_size, detail, recorded_at, seq, prev_hash,
                    entry_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.correlationId(), e.merchantId(), e.submissionId(), e.stage().name(), e.messageType(),
                        e.orderNo(), e.guid(), e.artefactKind(), e.artefactSha256(), e.artefactSize(), e.detail(),
                        recordedAt.atOffset(ZoneOffset.UTC), seq, prevHash, entryHash)
                .update();
    }

    /** Gives a row written before the chain existed its place in it (see {@link LogChain#adoptLegacyEntries}). */
    void chain(long id, long seq, String prevHash, String entryHash) {
        jdbc.sql("update message_log set seq = ?, prev_hash = ?, entry_hash = ? where id = ? and seq is null")
                .params(seq, prevHash, entryHash, id).update();
    }

    /** Up to {@code limit} chained entries after {@code afterSeq} and up to {@code maxSeq}, in chain order. */
    List<ChainedEntry> page(long afterSeq, long maxSeq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from message_log where seq > ? and seq <= ? order by seq limit ?")
                .params(afterSeq, maxSeq, limit).query(ChainRepository::entry).list();
    }

    /** Rows without a place in the chain, oldest first. */
    List<ChainedEntry> unchained(int limit) {
        return jdbc.sql("select " + COLUMNS + " from message_log where seq is null order by id limit ?")
                .param(limit).query(ChainRepository::entry).list();
    }

    /** Sequence numbers of rows past the chain head: rows the gateway did not append. */
    List<Long> beyondHead(int limit) {
        return jdbc.sql("""
                select seq from message_log where seq > (select seq from log_chain_head where id = 1)
                order by seq limit ?""").param(limit).query(Long.class).list();
    }

    /** The position of the entry whose stored hash is {@code entryHash}. */
    Optional<Long> seqOfHash(String entryHash) {
        return jdbc.sql("select min(seq) from message_log where entry_hash = ?").param(entryHash)
                .query(Long.class).optional();
    }

    /** The position of the entry that names {@code entryHash} as its predecessor. */
    Optional<Long> seqLinkingTo(String entryHash) {
        return jdbc.sql("select min(seq) from message_log where prev_hash = ?").param(entryHash)
                .query(Long.class).optional();
    }

    /** Who names an artefact, newest entry first: the merchant and time of each entry with that digest. */
    List<Reference> artefactReferences(String sha256) {
        return jdbc.sql("select merchant_id, recorded_at from message_log where artefact_sha256 = ? order by seq desc")
                .param(sha256).query((rs, n) -> new Reference(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant())).list();
    }

    /** An entry naming an artefact. */
    record Reference(String merchantId, Instant recordedAt) {
    }

    /** The data key the content store recorded as sealing an artefact (kept after the key is destroyed). */
    String sealingKeyOf(String sha256) {
        return jdbc.sql("select key_id from sealed_content where sha256 = ?").param(sha256).query(String.class)
                .optional().orElse(null);
    }

    Optional<String> entryHashAt(long seq) {
        return jdbc.sql("select entry_hash from message_log where seq = ?").param(seq).query(String.class).optional();
    }

    static ChainedEntry entry(ResultSet rs, int row) throws SQLException {
        LogEntry entry = new LogEntry(rs.getString("correlation_id"), rs.getString("merchant_id"),
                rs.getString("submission_id"), stage(rs.getString("stage")), rs.getString("message_type"),
                rs.getString("order_no"), rs.getString("guid"), rs.getString("artefact_kind"),
                rs.getString("artefact_sha256"), rs.getObject("artefact_size", Long.class), rs.getString("detail"));
        return new ChainedEntry(rs.getLong("id"), rs.getObject("seq", Long.class), entry, rs.getString("stage"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }

    /** A stage code this version does not know (written by a newer one, or tampered) maps to null. */
    private static LogStage stage(String code) {
        try {
            return LogStage.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The last entry of the chain: its position and hash ({@code 0} and {@link ChainHash#GENESIS} when empty). */
    record Head(long seq, String hash) {
    }
}
