package dev.customsgateway.intake;

import java.time.OffsetDateTime;

/** A submission row: what was uploaded, by whom, and how far it got. */
public record Submission(
        String id,
        String merchantId,
        String channel,
        String format,
        String fileName,
        String contentSha256,
        long sizeBytes,
        SubmissionStatus status,
        int ordersSucceeded,
        int ordersFailed,
        String problem,
        OffsetDateTime receivedAt,
        OffsetDateTime completedAt) {

    public int ordersReceived() {
        return ordersSucceeded + ordersFailed;
    }
}
