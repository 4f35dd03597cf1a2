package dev.customsgateway.intake;

import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import dev.customsgateway.core.SubmittedOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which orders of a submission in progress already have an outcome, so that a submission read again after a
 * restart declares nothing twice. Loaded once when the submission is opened; {@link #pending} filters the
 * order stream in the {@code pipeline-submission} route.
 */
@Component("submissionProgress")
class SubmissionProgress {

    private final Map<String, Set<Integer>> done = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    void opened(String submissionId, Set<Integer> rowsWithOutcome) {
        done.put(submissionId, Set.copyOf(rowsWithOutcome));
    }

    void closed(String submissionId) {
        done.remove(submissionId);
        failing.remove(submissionId);
    }

    /** The all-or-nothing check found a failing order in this submission ({@code pipeline-precheck} route). */
    public void markFailing(String submissionId) {
        failing.add(submissionId);
    }

    /**
     * For an all-or-nothing profile: refuses an order that passed its own checks when another order of the same
     * file failed, so the file declares nothing.
     */
    public SubmittedOrder holdIfFileFailed(SubmittedOrder order, Boolean allOrNothing) {
        if (Boolean.TRUE.equals(allOrNothing) && failing.contains(order.origin().submissionId())) {
            throw new OrderRejectedException(List.of(new RowError(order.origin().sourceRow(), null, null,
                    "ALL_OR_NOTHING", "not declared: other orders of this file failed, and the merchant's profile "
                            + "declares a file all or nothing")));
        }
        return order;
    }

    public boolean pending(SubmittedOrder order) {
        Set<Integer> rows = done.get(order.origin().submissionId());
        return rows == null || !rows.contains(order.origin().sourceRow());
    }
}
