package dev.customsgateway.intake;

import dev.customsgateway.core.SubmittedOrder;
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

    void opened(String submissionId, Set<Integer> rowsWithOutcome) {
        done.put(submissionId, Set.copyOf(rowsWithOutcome));
    }

    void closed(String submissionId) {
        done.remove(submissionId);
    }

    public boolean pending(SubmittedOrder order) {
        Set<Integer> rows = done.get(order.origin().submissionId());
        return rows == null || !rows.contains(order.origin().sourceRow());
    }
}
