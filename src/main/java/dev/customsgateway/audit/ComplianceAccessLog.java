package dev.customsgateway.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who read or exported what through the compliance API (and, through {@link #record}, any other reader such as
 * the console): each access is a message-log entry ({@link LogStage#COMPLIANCE_ACCESS}) in the hash chain, so
 * the record of access is as tamper-evident as the record of messages. "Who" is a credential id (an auditor
 * token's row id, a console account), never a token or password; "what" is the request, e.g.
 * {@code GET /api/v1/audit/messages/<guid>/evidence}, recorded before it is served. Auditors read it back with
 * {@code GET /api/v1/audit/access}.
 */
@Component
public class ComplianceAccessLog {

    static final String CORRELATION_PREFIX = "access:";

    private final MessageLog log;
    private final JdbcClient jdbc;

    ComplianceAccessLog(MessageLog log, JdbcClient jdbc) {
        this.log = log;
        this.jdbc = jdbc;
    }

    /**
     * Records one access.
     *
     * @param credentialId  who: the id of the credential or account used (never the secret itself)
     * @param merchantId    whose data it concerned, when one merchant's; null otherwise
     * @param what          the action and its target, e.g. {@code "GET /api/v1/audit/verification"}; no
     *                      personal data (mask search terms with {@code core.Masking})
     */
    public void record(String credentialId, String merchantId, String what) {
        log.record(new LogEntry(CORRELATION_PREFIX + credentialId, merchantId == null ? DataKeys.GATEWAY_SCOPE
                : merchantId, null, LogStage.COMPLIANCE_ACCESS, null, null, null, null, null, null,
                what));
    }

    /** Access records, newest first: all, or one credential's; at most {@code limit}. */
    List<Access> list(String credentialId, Instant since, int limit) {
        return jdbc.sql("select seq, recorded_at, correlation_id, merchant_id, detail from message_log"
                        + " where stage = 'COMPLIANCE_ACCESS' and (cast(? as varchar) is null or correlation_id = ?)"
                        + " and recorded_at >= ? order by seq desc limit ?")
                .params(credentialId, credentialId == null ? null : CORRELATION_PREFIX + credentialId,
                        (since == null ? Instant.EPOCH : since).atOffset(java.time.ZoneOffset.UTC),
                        Math.max(1, Math.min(limit, 10_000)))
                .query((rs, n) -> new Access(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3).substring(CORRELATION_PREFIX.length()), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** One access record, as the compliance API lists it. */
    record Access(long seq, Instant at, String credentialId, String merchantId, String what) {
    }
}
