package dev.customsgateway.intake;

import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.Declarations;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operator replay of a dead-lettered message: puts its {@code outbox_message} row back to PENDING with a fresh
 * set of attempts, due now, and records REPLAYED in the message log in the same transaction. The update is the
 * one the delivery package's outbox uses; it is written here because capabilities do not call each other, and
 * its {@code state = 'DEAD'} condition makes two operators replaying at once replay once. A message whose order
 * has been declared again since it died is not replayed: the order would reach customs twice.
 */
@Component
class DeadLetters {

    private final JdbcClient jdbc;
    private final MessageLog messageLog;
    private final Declarations declarations;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadLetters(JdbcClient jdbc, MessageLog messageLog, Declarations declarations, TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.messageLog = messageLog;
        this.declarations = declarations;
        this.tx = tx;
        this.clock = clock;
    }

    /** Replays the message; the answer says whether it was found and what state it was in. */
    Outcome replay(String guid) {
        return tx.execute(status -> {
            Optional<Row> row = jdbc.sql("""
                    select merchant_id, submission_id, order_no, message_type, state from outbox_message
                    where guid = ?""").param(guid)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)))
                    .optional();
            if (row.isEmpty()) {
                return new Outcome(false, false, null, null);
            }
            if ("DEAD".equals(row.get().state())) {
                // Dead, the message no longer stands for its orders, and any of them may have been declared anew
                // since: replaying it then would declare that order twice.
                Optional<Declarations.Standing> since = declarations.declaredElsewhere(row.get().merchantId(),
                        row.get().messageType(), guid, row.get().orderNo());
                if (since.isPresent()) {
                    return new Outcome(true, false, "DEAD", "order " + since.get().orderNo() + " has been declared"
                            + " again since (" + row.get().messageType() + " " + since.get().guid() + ")");
                }
            }
            int updated = jdbc.sql("""
                    update outbox_message set state = 'PENDING', attempts = 0, next_attempt_at = ?,
                        claimed_until = null, last_error = null
                    where guid = ? and state = 'DEAD'""")
                    .params(OffsetDateTime.now(clock), guid).update();
            if (updated != 1) {
                return new Outcome(true, false, row.get().state(), null);
            }
            Row r = row.get();
            messageLog.record(new LogEntry(guid, r.merchantId(), r.submissionId(), LogStage.REPLAYED,
                    r.messageType(), r.orderNo(), guid, null, null, null,
                    "put back in the outbox by an operator; attempts reset"));
            return new Outcome(true, true, "PENDING", null);
        });
    }

    /**
     * Whether the message exists, whether it was replayed, its state (PENDING after a replay), and why a dead one
     * was not (an order of it declared again since), or null.
     */
    record Outcome(boolean found, boolean replayed, String state, String declaredAgain) {
    }

    private record Row(String merchantId, String submissionId, String orderNo, String messageType, String state) {
    }
}
