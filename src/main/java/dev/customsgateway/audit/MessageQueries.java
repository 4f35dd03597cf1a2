package dev.customsgateway.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of the message log for compliance readers, shared by the web console and the compliance API
 * ({@code GET /api/v1/audit/messages...}): the outbox (one row per signed message), the message log (its timeline
 * and artefacts), customs receipts (with their codes already explained in words by the receipts capability) and
 * the business keys {@link BusinessKeyIndex} filed. Read-only; the tables are read by SQL, no capability is called.
 * The buyer appears only as indexed: masked.
 */
@Repository
public class MessageQueries {

    /** The most rows one page may ask for. */
    public static final int MAX_LIMIT = 500;

    /** Newest first; the latest receipt is the last in {@link #receipts} order, so the same tie-breaks reversed. */
    private static final String ROWS = """
            select o.id, o.guid, o.merchant_id, o.message_type, o.order_no, o.state, o.created_at, o.delivered_at,
                (select max(k.key_value) from console_business_key k where k.guid = o.guid and k.key_name = 'buyer'),
                r.return_status, r.explanation, r.received_at
            from outbox_message o left join customs_receipt r on r.id = (select r2.id from customs_receipt r2
                where r2.guid = o.guid order by r2.return_time desc,
                    case when r2.return_status in ('1', '2', '3', '4') then 0 else 1 end desc, r2.id desc limit 1)
            where 1 = 1""";

    private final JdbcClient jdbc;

    public MessageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages matching the filter, newest first: at most {@code limit} (capped at {@link #MAX_LIMIT}). */
    public List<MessageRow> search(MessageFilter filter, int limit, int offset) {
        StringBuilder sql = new StringBuilder(ROWS);
        List<Object> params = new ArrayList<>();
        filter.appendTo(sql, params);
        sql.append(" order by o.id desc limit ? offset ?");
        params.add(Math.max(1, Math.min(limit, MAX_LIMIT)));
        params.add(Math.max(0, offset));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
    }

    /** How many messages match the filter. */
    public long count(MessageFilter filter) {
        StringBuilder sql = new StringBuilder("select count(*) from outbox_message o where 1 = 1");
        List<Object> params = new ArrayList<>();
        filter.appendTo(sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /**
     * Every message matching the filter, newest first, a page at a time by position (not offset), so an export
     * neither holds them all in memory nor repeats or skips one when messages arrive meanwhile.
     */
    void forEachPage(MessageFilter filter, Consumer<List<MessageRow>> action) {
        long before = Long.MAX_VALUE;
        while (true) {
            StringBuilder sql = new StringBuilder(ROWS);
            List<Object> params = new ArrayList<>();
            filter.appendTo(sql, params);
            sql.append(" and o.id < ? order by o.id desc limit ").append(MAX_LIMIT);
            params.add(before);
            List<MessageRow> page = jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
            if (!page.isEmpty()) {
                action.accept(page);
            }
            if (page.size() < MAX_LIMIT) {
                return;
            }
            before = page.get(page.size() - 1).position();
        }
    }

    /** The outbox row of a message, or empty. Callers check that the reader may read its merchant. */
    public Optional<MessageDetail> find(String guid) {
        return jdbc.sql("""
                select o.guid, o.merchant_id, o.message_type, o.order_no, o.state, o.created_at, o.submission_id,
                    o.attempts, o.last_error, o.destination, o.content_sha256, m.signing_key_alias
                from outbox_message o left join merchant m on m.id = o.merchant_id where o.guid = ?""")
                .param(guid)
                .query((rs, n) -> new MessageDetail(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                        rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)))
                .optional();
    }

    /**
     * The message's log entries and its upload's, in chain order (as its evidence bundle holds them): by the
     * indexed {@code correlation_id}, which every entry about a message sets to its guid, and the upload's entry by
     * its submission, so a page view does not scan the whole log.
     */
    public List<TimelineEntry> timeline(String guid, String submissionId) {
        return jdbc.sql("""
                select seq, id, stage, recorded_at, message_type, artefact_kind, artefact_sha256, artefact_size, detail
                from message_log where correlation_id = ?
                union all
                select seq, id, stage, recorded_at, message_type, artefact_kind, artefact_sha256, artefact_size, detail
                from message_log where stage = 'RECEIVED' and submission_id = ? and correlation_id <> ?
                order by seq, id""")
                .params(guid, submissionId, guid)
                .query((rs, n) -> new TimelineEntry(rs.getObject(1, Long.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, Long.class), rs.getString(9)))
                .list();
    }

    /** Customs' answers, oldest first, each with its status code explained in words. */
    public List<Receipt> receipts(String guid) {
        return jdbc.sql("""
                select receipt_type, return_status, return_time, return_info, explanation, receipt_sha256, received_at
                from customs_receipt where guid = ?
                order by return_time, case when return_status in ('1', '2', '3', '4') then 0 else 1 end, id""")
                .param(guid)
                .query((rs, n) -> new Receipt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /** A message's business keys (the masked buyer is not one). */
    public List<BusinessKey> businessKeys(String guid) {
        return businessKeys(List.of(guid)).getOrDefault(guid, List.of());
    }

    /** The business keys of several messages at once (for a page of a list), by guid. */
    public Map<String, List<BusinessKey>> businessKeys(Collection<String> guids) {
        Map<String, List<BusinessKey>> keys = new LinkedHashMap<>();
        if (guids.isEmpty()) {
            return keys;
        }
        String marks = String.join(", ", Collections.nCopies(guids.size(), "?"));
        jdbc.sql("select guid, key_name, key_value from console_business_key where key_name <> 'buyer' and guid in ("
                        + marks + ") order by guid, key_name, key_value").params(new ArrayList<Object>(guids))
                .query(rs -> {
                    keys.computeIfAbsent(rs.getString(1), g -> new ArrayList<>())
                            .add(new BusinessKey(rs.getString(2), rs.getString(3)));
                });
        return keys;
    }

    public List<String> merchantIds() {
        return jdbc.sql("select id from merchant order by id").query(String.class).list();
    }

    private static MessageRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MessageRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class));
    }

    /**
     * One message in a list. {@code position} orders the list (newest first); {@code buyerMasked} is as indexed;
     * {@code customsStatus} is the code of the latest receipt, {@code customsExplanation} that code in words.
     */
    public record MessageRow(long position, String guid, String merchantId, String messageType, String orderNo,
            String state, OffsetDateTime createdAt, OffsetDateTime deliveredAt, String buyerMasked,
            String customsStatus, String customsExplanation, OffsetDateTime customsAnsweredAt) {
    }

    public record MessageDetail(String guid, String merchantId, String messageType, String orderNo, String state,
            OffsetDateTime createdAt, String submissionId, int attempts, String lastError, String destination,
            String contentSha256, String signingKeyAlias) {
    }

    public record TimelineEntry(Long seq, String stage, OffsetDateTime recordedAt, String messageType,
            String artefactKind, String artefactSha256, Long artefactSize, String detail) {
    }

    public record Receipt(String receiptType, String status, String returnTime, String info, String explanation,
            String receiptSha256, OffsetDateTime receivedAt) {
    }

    public record BusinessKey(String name, String value) {
    }
}
