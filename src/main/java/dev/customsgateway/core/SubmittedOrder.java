package dev.customsgateway.core;

import java.util.List;

/**
 * What intake hands to the pipeline for one order: the canonical order, or, when the rows could not even be read
 * as an order, the errors that say why.
 */
public record SubmittedOrder(OrderOrigin origin, CanonicalOrder order, List<RowError> readErrors) {

    public SubmittedOrder {
        readErrors = List.copyOf(readErrors);
    }

    public static SubmittedOrder of(OrderOrigin origin, CanonicalOrder order) {
        return new SubmittedOrder(origin, order, List.of());
    }

    public boolean readable() {
        return readErrors.isEmpty();
    }
}
