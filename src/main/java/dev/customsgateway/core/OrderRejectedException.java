package dev.customsgateway.core;

import java.util.List;

/**
 * An order that cannot be declared as it stands. Thrown by any stage; the pipeline route catches it, records the
 * errors against the submission and goes on with the next order.
 */
public class OrderRejectedException extends RuntimeException {

    private final transient List<RowError> errors;

    public OrderRejectedException(List<RowError> errors) {
        super(errors.size() + " error(s), first: " + errors.get(0).rule() + " at row " + errors.get(0).row()
                + " column " + errors.get(0).column());
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
