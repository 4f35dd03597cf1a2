package dev.customsgateway.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/** The 202 answer to an upload or an order request: stored durably, to be processed; poll {@code statusUrl}. */
@Schema(description = "Stored durably and queued for processing; poll statusUrl for the outcome")
record SubmissionAccepted(
        @Schema(description = "Id of the stored submission", example = "2d6862f8-5c3e-4c43-9a4b-3f0f7a1e6b10")
        String submissionId,
        @Schema(description = "Processing status at the time of the answer", example = "RECEIVED",
                allowableValues = {"RECEIVED", "PROCESSING", "COMPLETED", "REFUSED"})
        String status,
        @Schema(description = "SHA-256 (hex) of the request body as stored",
                example = "5393ec6d0b1f2e7a9c4d8e6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b")
        String contentSha256,
        @Schema(description = "Where to read what became of it", example = "/api/v1/submissions/2d6862f8-5c3e-4c43-9a4b-3f0f7a1e6b10")
        String statusUrl) {
}
