package dev.customsgateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one verification run, up to a limit: a log rewritten from its first entry would
 * otherwise produce one finding per entry, and the first ones say where it breaks.
 */
final class Findings {

    static final int LIMIT = 1000;

    private final List<Finding> list = new ArrayList<>();
    private boolean truncated;

    void add(FindingKind kind, Long seq, String message) {
        if (list.size() < LIMIT) {
            list.add(new Finding(kind, seq, message));
        } else {
            truncated = true;
        }
    }

    /** Whether the search for the cause of an anomaly (extra queries) is still worth it. */
    boolean full() {
        return list.size() >= LIMIT;
    }

    List<Finding> list() {
        return List.copyOf(list);
    }

    boolean truncated() {
        return truncated;
    }
}
