package dev.customsgateway.intake;

import dev.customsgateway.core.Merchant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/orders}: one order (or a small array of them) as JSON in the canonical shape of
 * {@link ApiOrder}, for systems that call per order; {@code GET /api/v1/orders/{orderNo}}: what became of it. Answers 202 once the request is stored durably; the orders
 * then go through the same pipeline as the orders of a file, and the submission status tells what became of them.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "One order per call, for low-latency callers")
class OrderController {

    private final ApiKeyAuthenticator authenticator;
    private final ApiOrderReader reader;
    private final ApiOrderIntake intake;
    private final IdempotentRequests idempotency;
    private final HttpApiProperties properties;
    private final MessageRepository messages;

    OrderController(ApiKeyAuthenticator authenticator, ApiOrderReader reader, ApiOrderIntake intake,
            IdempotentRequests idempotency, HttpApiProperties properties, MessageRepository messages) {
        this.messages = messages;
        this.authenticator = authenticator;
        this.reader = reader;
        this.intake = intake;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Declare one order",
            description = "Body: one order object, or an array of at most gateway.intake.http.max-orders-per-request"
                    + " (default 100). Stored durably before 202; then checked against the customs rules, mapped,"
                    + " signed and delivered like the orders of a file. Errors per field appear in the submission"
                    + " status with the JSON field as column and the order's place in the request as row.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ApiOrder.class),
                            examples = @ExampleObject(name = "order", value = ApiExamples.ORDER))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Stored; being processed",
                        content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = SubmissionAccepted.class))),
                @ApiResponse(responseCode = "400", description = "ORDER_JSON_INVALID, IDEMPOTENCY_KEY_INVALID",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "413", description = "REQUEST_TOO_LARGE, TOO_MANY_ORDERS",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "429", description = "RATE_LIMITED (with Retry-After)",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class)))})
    ResponseEntity<?> submit(
            @Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @Parameter(description = "Makes retries safe: the same key and body return the first answer",
                    example = "order-ORD-20240501-0001")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request) throws ApiKeyAuthenticator.NotAuthenticated, IOException {
        Merchant merchant = authenticator.authenticate(apiKey);
        long limit = properties.maxOrderRequestSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            return tooLarge(limit);
        }
        return idempotency.execute(merchant, idempotencyKey, request.getInputStream(), limit,
                body -> accept(merchant, body, limit));
    }

    @GetMapping("/{orderNo}")
    @Operation(summary = "What became of an order, by its number",
            description = "The merchant's messages for this order number (newest first), each with its delivery"
                    + " state and customs receipt timeline, and the errors of its latest attempt if that failed.",
            responses = @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND (also another merchant's)",
                    content = @Content(mediaType = "application/problem+json",
                            schema = @Schema(implementation = ApiProblemBody.class))))
    ResponseEntity<?> status(
            @Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @PathVariable String orderNo) throws ApiKeyAuthenticator.NotAuthenticated {
        Merchant merchant = authenticator.authenticate(apiKey);
        List<MessageRepository.MessageView> declared = messages.forOrder(merchant.id(), orderNo);
        List<dev.customsgateway.core.RowError> errors = messages.latestErrors(merchant.id(), orderNo);
        if (declared.isEmpty() && errors.isEmpty()) {
            return ApiProblem.of(404, "ORDER_NOT_FOUND", "no order " + orderNo);
        }
        java.util.Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("orderNo", orderNo);
        view.put("messages", declared.stream().map(m -> {
            java.util.Map<String, Object> message = new java.util.LinkedHashMap<>();
            message.put("guid", m.guid());
            message.put("messageType", m.messageType());
            message.put("delivery", m.delivery());
            message.put("customsStatus", m.customs().isEmpty() ? null : m.customs().get(m.customs().size() - 1)
                    .status());
            message.put("customs", m.customs());
            message.put("url", "/api/v1/messages/" + m.guid());
            return message;
        }).toList());
        view.put("errors", errors);
        return ResponseEntity.ok(view);
    }

    private IdempotentRequests.Answer accept(Merchant merchant, InputStream body, long limit) throws IOException {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (SizeLimitedInputStream.TooLarge e) {
            return IdempotentRequests.Answer.notKept(tooLarge(limit));
        }
        List<ApiOrder> orders = reader.read(bytes); // a malformed body is refused before anything is stored
        Submission s = intake.accept(merchant, bytes, orders.size());
        URI location = URI.create("/api/v1/submissions/" + s.id());
        return IdempotentRequests.Answer.kept(ResponseEntity.accepted().location(location)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new SubmissionAccepted(s.id(), s.status().name(), s.contentSha256(), location.toString())));
    }

    private static ResponseEntity<?> tooLarge(long limit) {
        return ApiProblem.of(413, "REQUEST_TOO_LARGE", "the request body exceeds the limit of " + limit + " bytes");
    }
}
