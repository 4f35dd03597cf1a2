package dev.customsgateway.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer ({@code application/problem+json}, RFC 9457) as documented in the OpenAPI
 * contract; answers are built as {@link org.springframework.http.ProblemDetail} by {@link ApiProblem}.
 */
@Schema(name = "Problem", description = "An error: RFC 9457 problem details with the gateway's stable code")
record ApiProblemBody(
        @Schema(example = "urn:customs-gateway:problem:RATE_LIMITED") String type,
        @Schema(example = "Too Many Requests") String title,
        @Schema(example = "429") int status,
        @Schema(example = "more than 300 requests per second (burst 600); retry after 1 s") String detail,
        @Schema(description = "The gateway's stable error code", example = "RATE_LIMITED",
                requiredMode = Schema.RequiredMode.REQUIRED) String code) {
}
