package dev.customsgateway.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Legal holds ({@code legal_hold}): on a whole merchant, or on one message (by guid). While a hold is active the
 * retention job destroys no data key that covers what it holds: every month of a held merchant, and the months
 * (of that merchant) in which a held message's entries were written. Setting and releasing a hold are message-log
 * entries ({@link LogStage#LEGAL_HOLD_SET}, {@link LogStage#LEGAL_HOLD_RELEASED}) in the same transaction.
 */
@Component
public class LegalHolds {

    private final JdbcClient jdbc;
    private final MessageLog log;
    private final TransactionTemplate tx;
    private final Clock clock;

    LegalHolds(JdbcClient jdbc, MessageLog log, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.tx = tx;
        this.clock = clock;
    }

    /** Places a hold on a merchant ({@code guid} null) or on one of its messages; returns the hold's id. */
    public String place(String merchantId, String guid, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a legal hold needs a reason (case, order, request)");
        }
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> {
            jdbc.sql("insert into legal_hold (id, merchant_id, guid, reason, set_by, set_at) values (?, ?, ?, ?, ?, ?)")
                    .params(id, merchantId, guid, reason.strip(), by, clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            log.record(new LogEntry(guid != null ? guid : merchantId, merchantId, null, LogStage.LEGAL_HOLD_SET, null,
                    null, guid, null, null, null, "hold " + id + " on " + what(merchantId, guid) + " by " + by
                            + ": " + reason.strip()));
        });
        return id;
    }

    /** Releases an active hold; false when there is none with that id. */
    public boolean release(String id, String by) {
        Boolean released = tx.execute(s -> {
            Optional<Hold> hold = active().stream().filter(h -> h.id().equals(id)).findFirst();
            if (hold.isEmpty()) {
                return false;
            }
            jdbc.sql("update legal_hold set released_by = ?, released_at = ? where id = ? and released_at is null")
                    .params(by, clock.instant().atOffset(ZoneOffset.UTC), id).update();
            Hold h = hold.get();
            log.record(new LogEntry(h.guid() != null ? h.guid() : h.merchantId(), h.merchantId(), null,
                    LogStage.LEGAL_HOLD_RELEASED, null, null, h.guid(), null, null, null,
                    "hold " + id + " on " + what(h.merchantId(), h.guid()) + " released by " + by));
            return true;
        });
        return Boolean.TRUE.equals(released);
    }

    public List<Hold> active() {
        return jdbc.sql("select id, merchant_id, guid, reason, set_by, set_at from legal_hold where released_at is null"
                        + " order by set_at")
                .query((rs, n) -> new Hold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    private static String what(String merchantId, String guid) {
        return guid == null ? "merchant " + merchantId : "message " + guid + " of merchant " + merchantId;
    }

    /** An active hold. */
    public record Hold(String id, String merchantId, String guid, String reason, String setBy, java.time.Instant setAt) {
    }
}
