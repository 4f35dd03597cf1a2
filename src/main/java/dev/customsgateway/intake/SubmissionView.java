package dev.customsgateway.intake;

import dev.customsgateway.core.RowError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The documented shape of {@code GET /api/v1/submissions/{id}} in the OpenAPI contract (the controller builds
 * the same fields as a map, in this order).
 */
@Schema(name = "SubmissionStatus", description = "What became of a submission")
record SubmissionView(
        @Schema(example = "2d6862f8-5c3e-4c43-9a4b-3f0f7a1e6b10") String submissionId,
        @Schema(allowableValues = {"RECEIVED", "PROCESSING", "COMPLETED", "REFUSED"}, example = "COMPLETED")
        String status,
        @Schema(example = "HTTP") String channel,
        @Schema(example = "sample-orders.csv") String fileName,
        String contentSha256,
        @Schema(example = "2024-05-01T02:15:00Z") String receivedAt,
        String completedAt,
        @Schema(description = "Why the file as a whole was refused, with its code") String problem,
        Orders orders,
        @Schema(description = "Row errors (first 1000; all of them at .../errors)") List<RowError> errors,
        List<Message> messages) {

    /** Order counts. */
    @Schema(name = "SubmissionOrders")
    record Orders(int received, int succeeded, int failed) {
    }

    /** A message made for one order. */
    @Schema(name = "SubmissionMessage")
    record Message(String orderNo, int row, String guid, String file, String url) {
    }
}
