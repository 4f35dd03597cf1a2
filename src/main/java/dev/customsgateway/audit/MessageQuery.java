package dev.customsgateway.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The query string of {@code GET /api/v1/audit/messages} (and its {@code /count} and {@code .csv}): the console's
 * search fields, checked strictly, since a program that misspells a status should hear so rather than get every
 * message. {@link #filter()} names the field at fault.
 */
record MessageQuery(
        @Schema(description = "A business key or the guid, matched exactly: orderNo, logisticsNo, invtNo, copNo,"
                + " preNo, billNo, LRN", example = "SO-2026-0001") String key,
        @Schema(description = "A merchant id", example = "demo") String merchant,
        @Schema(description = "Delivery status", allowableValues = {"PENDING", "SENDING", "DELIVERED", "DEAD"})
        String status,
        @Schema(description = "A customs receipt code any receipt of the message carries", example = "120")
        String receiptCode,
        @Schema(description = "First day of creation (UTC), YYYY-MM-DD", example = "2026-11-01") String from,
        @Schema(description = "Last day of creation (UTC), YYYY-MM-DD, included", example = "2026-11-30") String to) {

    private static final int MAX_TERM = 100;

    MessageFilter filter() {
        String state = blankToNull(status);
        if (state != null && !MessageFilter.STATES.contains(state)) {
            throw new Invalid("status", "status must be one of " + MessageFilter.STATES + ", not " + state);
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new Invalid("to", "to (" + last + ") is before from (" + first + ")");
        }
        return new MessageFilter(term("key", key), term("merchant", merchant), state, term("receiptCode", receiptCode),
                first, last);
    }

    private static LocalDate date(String field, String value) {
        String text = blankToNull(value);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(field, field + " must be a date YYYY-MM-DD, not " + text);
        }
    }

    private static String term(String field, String value) {
        String text = blankToNull(value);
        if (text != null && text.length() > MAX_TERM) {
            throw new Invalid(field, field + " is longer than " + MAX_TERM + " characters");
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A query parameter the API cannot use; {@code field} names it. */
    static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
