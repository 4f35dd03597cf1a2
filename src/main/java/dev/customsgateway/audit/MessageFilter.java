package dev.customsgateway.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Which messages a compliance reader asks for, as the console's search form and {@code GET /api/v1/audit/messages}
 * take it: a business key (orderNo, logisticsNo, guid, invtNo, copNo, LRN, ...), merchant, delivery status, a
 * customs receipt code and a date range (UTC days, both ends included). Null fields do not filter. The buyer is
 * never a search term: it is indexed masked, for lists only.
 *
 * @param key         any business key or the guid; matched exactly
 * @param merchant    a merchant id; the console forces it to the merchant's own for merchant users
 * @param status      a delivery state, one of {@link #STATES}
 * @param receiptCode a customs return status any receipt of the message carries
 * @param from        first day (UTC) of creation
 * @param to          last day (UTC) of creation
 */
public record MessageFilter(String key, String merchant, String status, String receiptCode, LocalDate from,
        LocalDate to) {

    /** The delivery states of a message (the outbox's). */
    public static final List<String> STATES = List.of("PENDING", "SENDING", "DELIVERED", "DEAD");

    /** Appends this filter's conditions on {@code outbox_message o} to a query ending in {@code where 1 = 1}. */
    void appendTo(StringBuilder sql, List<Object> params) {
        if (merchant != null) {
            sql.append(" and o.merchant_id = ?");
            params.add(merchant);
        }
        if (key != null) {
            sql.append(" and (o.order_no = ? or o.guid = ? or exists (select 1 from console_business_key k"
                    + " where k.guid = o.guid and k.key_value = ? and k.key_name <> 'buyer'))");
            params.add(key);
            params.add(key);
            params.add(key);
        }
        if (status != null) {
            sql.append(" and o.state = ?");
            params.add(status);
        }
        if (receiptCode != null) {
            sql.append(" and exists (select 1 from customs_receipt r where r.guid = o.guid and r.return_status = ?)");
            params.add(receiptCode);
        }
        if (from != null) {
            sql.append(" and o.created_at >= ?");
            params.add(from.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and o.created_at < ?");
            params.add(to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
    }

    /** The filter as the access records quote it: no personal data, since the buyer is not a filter. */
    public String describe() {
        return "key=" + key + " merchant=" + merchant + " status=" + status + " receipt=" + receiptCode + " from="
                + from + " to=" + to;
    }
}
