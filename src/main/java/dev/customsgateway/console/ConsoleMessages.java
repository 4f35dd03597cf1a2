package dev.customsgateway.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the console reads about messages: the outbox (one row per signed message), the message log (its timeline
 * and artefacts), customs receipts (with their codes already explained in words by the receipts capability) and
 * the business keys the console indexed. Read-only. A merchant user's queries are always limited to its merchant.
 */
@Repository
class ConsoleMessages {

    static final int PAGE = 200;

    private final JdbcClient jdbc;

    ConsoleMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages matching the filter, newest first, at most {@link #PAGE}. */
    List<MessageRow> search(SearchFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select o.guid, o.merchant_id, o.message_type, o.order_no, o.state, o.created_at,
                    (select max(k.key_value) from console_business_key k where k.guid = o.guid and k.key_name = 'buyer')
                from outbox_message o where 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (filter.merchant() != null) {
            sql.append(" and o.merchant_id = ?");
            params.add(filter.merchant());
        }
        if (filter.key() != null) {
            sql.append(" and (o.order_no = ? or o.guid = ? or exists (select 1 from console_business_key k"
                    + " where k.guid = o.guid and k.key_value = ? and k.key_name <> 'buyer'))");
            params.add(filter.key());
            params.add(filter.key());
            params.add(filter.key());
        }
        if (filter.status() != null) {
            sql.append(" and o.state = ?");
            params.add(filter.status());
        }
        if (filter.receiptCode() != null) {
            sql.append(" and exists (select 1 from customs_receipt r where r.guid = o.guid and r.return_status = ?)");
            params.add(filter.receiptCode());
        }
        if (filter.from() != null) {
            sql.append(" and o.created_at >= ?");
            params.add(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" and o.created_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        sql.append(" order by o.id desc limit ").append(PAGE);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new MessageRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
                .list().stream().map(m -> m.withCustomsStatus(latestStatus(m.guid()))).toList();
    }

    /** The outbox row of a message, or empty. Callers check that the user may read its merchant. */
    Optional<MessageDetail> find(String guid) {
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

    /** The message's log entries and its upload's, in chain order (as its evidence bundle holds them). */
    List<TimelineEntry> timeline(String guid, String submissionId) {
        return jdbc.sql("""
                select seq, stage, recorded_at, message_type, artefact_kind, artefact_sha256, artefact_size, detail
                from message_log where correlation_id = ? or guid = ?
                    or (stage = 'RECEIVED' and submission_id = ?)
                order by seq, id""")
                .params(guid, guid, submissionId)
                .query((rs, n) -> new TimelineEntry(rs.getObject(1, Long.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, Long.class), rs.getString(8)))
                .list();
    }

    /** Customs' answers, oldest first, each with its status code explained in words. */
    List<Receipt> receipts(String guid) {
        return jdbc.sql("""
                select receipt_type, return_status, return_time, return_info, explanation, receipt_sha256, received_at
                from customs_receipt where guid = ?
                order by return_time, case when return_status in ('1', '2', '3', '4') then 0 else 1 end, id""")
                .param(guid)
                .query((rs, n) -> new Receipt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    List<BusinessKey> businessKeys(String guid) {
        return jdbc.sql("select key_name, key_value from console_business_key where guid = ? order by key_name, key_value")
                .param(guid).query((rs, n) -> new BusinessKey(rs.getString(1), rs.getString(2))).list();
    }

    List<String> merchantIds() {
        return jdbc.sql("select id from merchant order by id").query(String.class).list();
    }

    private String latestStatus(String guid) {
        List<Receipt> receipts = receipts(guid);
        return receipts.isEmpty() ? null : receipts.get(receipts.size() - 1).status();
    }

    /** The search form, parsed; null fields do not filter. {@code merchant} is forced for merchant users. */
    record SearchFilter(String key, String merchant, String status, String receiptCode, LocalDate from,
            LocalDate to) {
    }

    record MessageRow(String guid, String merchantId, String messageType, String orderNo, String state,
            OffsetDateTime createdAt, String buyerMasked, String customsStatus) {
        MessageRow(String guid, String merchantId, String messageType, String orderNo, String state,
                OffsetDateTime createdAt, String buyerMasked) {
            this(guid, merchantId, messageType, orderNo, state, createdAt, buyerMasked, null);
        }

        MessageRow withCustomsStatus(String status) {
            return new MessageRow(guid, merchantId, messageType, orderNo, state, createdAt, buyerMasked, status);
        }
    }

    record MessageDetail(String guid, String merchantId, String messageType, String orderNo, String state,
            OffsetDateTime createdAt, String submissionId, int attempts, String lastError, String destination,
            String contentSha256, String signingKeyAlias) {
    }

    record TimelineEntry(Long seq, String stage, OffsetDateTime recordedAt, String messageType, String artefactKind,
            String artefactSha256, Long artefactSize, String detail) {
    }

    record Receipt(String receiptType, String status, String returnTime, String info, String explanation,
            String receiptSha256, OffsetDateTime receivedAt) {
    }

    record BusinessKey(String name, String value) {
    }
}
