package dev.customsgateway.intake;

import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of each order of a submission, for the submission status the merchant reads. Used by the
 * {@code pipeline-order} route: {@link #succeeded} at the end of the happy path, {@link #failed} from its
 * catch block.
 */
@Component("orderOutcomeRecorder")
class OrderOutcomeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OrderOutcomeRecorder.class);

    private final SubmissionRepository submissions;
    private final MessageLog messageLog;
    private final TransactionTemplate tx;
    private final Clock clock;

    OrderOutcomeRecorder(SubmissionRepository submissions, MessageLog messageLog, TransactionTemplate tx,
            Clock clock) {
        this.submissions = submissions;
        this.messageLog = messageLog;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The rejection behind what the order's steps threw: their transaction (pipeline-order-steps) hands exceptions
     * on wrapped, and a rule's rejection must still reach the merchant as itself, not as an internal error.
     */
    private static Exception rejection(Exception thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof OrderRejectedException rejected) {
                return rejected;
            }
        }
        return thrown;
    }

    public void succeeded(CustomsMessage message, String messageFile) {
        OrderOrigin origin = message.origin();
        tx.executeWithoutResult(s -> submissions.orderSucceeded(origin.submissionId(), origin.orderNo(),
                origin.sourceRow(), message.guid(), messageFile, OffsetDateTime.now(clock)));
    }

    public void failed(OrderOrigin origin, Exception thrown) {
        Exception cause = rejection(thrown);
        List<RowError> errors = cause instanceof OrderRejectedException rejected
                ? rejected.errors()
                : List.of(new RowError(origin.sourceRow(), null, null, "INTERNAL_ERROR",
                        "the gateway could not process this order; support has the details (submission "
                                + origin.submissionId() + ")"));
        if (!(cause instanceof OrderRejectedException)) {
            LOG.error("Order at row {} of submission {} failed unexpectedly", origin.sourceRow(),
                    origin.submissionId(), cause);
        }
        // In the batch's transaction when there is one (the order's savepoint has rolled back what it wrote), or in
        // one of its own. An order that has its outcome already gets no second one, and no REJECTED entry.
        tx.executeWithoutResult(s -> {
            if (submissions.hasOutcome(origin.submissionId(), origin.sourceRow())) {
                return;
            }
            messageLog.recordOrder(origin, LogStage.REJECTED, errors.stream().map(RowError::rule).distinct()
                    .collect(java.util.stream.Collectors.joining(", ")));
            submissions.orderFailed(origin.submissionId(), origin.orderNo(), origin.sourceRow(), errors,
                    OffsetDateTime.now(clock));
        });
    }
}
