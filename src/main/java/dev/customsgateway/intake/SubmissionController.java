package dev.customsgateway.intake;

import dev.customsgateway.core.FileFault;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/submissions}: merchants' systems post whole files here and read back what became of them. A
 * merchant's key reaches only that merchant's submissions.
 */
@RestController
@RequestMapping("/api/v1/submissions")
@Tag(name = "Submissions", description = "Whole merchant files, read with the merchant's mapping profile")
class SubmissionController {

    private static final int MAX_ERRORS_SHOWN = 1000;
    private static final int MAX_ERRORS_EXPORTED = 1_000_000;

    private final ApiKeyAuthenticator authenticator;
    private final SubmissionIntake intake;
    private final SubmissionRepository submissions;
    private final IntakeProperties properties;
    private final IdempotentRequests idempotency;

    SubmissionController(ApiKeyAuthenticator authenticator, SubmissionIntake intake,
            SubmissionRepository submissions, IntakeProperties properties, IdempotentRequests idempotency) {
        this.idempotency = idempotency;
        this.authenticator = authenticator;
        this.intake = intake;
        this.submissions = submissions;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Upload a merchant file",
            description = "The raw body is the file (CSV, JSON, XML or XLSX, as the merchant's mapping profile "
                    + "says), at most gateway.intake.max-upload-size. 202 once stored durably and read through "
                    + "once; a fault of the whole file is refused at once with its code and place.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"),
                        examples = @ExampleObject(value = "order_no,buyer_reg_no,buyer_name,...\nSO-1,buyer001,张三,...")),
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}),
            responses = {
                @ApiResponse(responseCode = "202", description = "Stored; being processed",
                        content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = SubmissionAccepted.class))),
                @ApiResponse(responseCode = "400", description = "FILE_ENCODING, FILE_NOT_TEXT, IDEMPOTENCY_KEY_INVALID",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "413", description = "UPLOAD_TOO_LARGE, TOO_MANY_RECORDS",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "422", description = "HEADER_MISSING_COLUMNS, CSV_MALFORMED, ... (see README)",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class))),
                @ApiResponse(responseCode = "429", description = "RATE_LIMITED (with Retry-After)",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class)))})
    ResponseEntity<?> submit(
            @Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @Parameter(description = "The file's name, for reports", example = "orders-2024-05-01.csv")
            @RequestHeader(name = "X-File-Name", required = false) String fileName,
            @Parameter(description = "Makes retries safe: the same key and body return the first answer",
                    example = "upload-2024-05-01-0001")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request) throws ApiKeyAuthenticator.NotAuthenticated, IOException {
        Merchant merchant = authenticator.authenticate(apiKey);
        long limit = properties.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            return ApiProblem.of(413, "UPLOAD_TOO_LARGE", "the upload exceeds the limit of " + limit + " bytes");
        }
        return idempotency.execute(merchant, idempotencyKey, request.getInputStream(), limit,
                body -> accept(merchant, safeName(fileName), body));
    }

    private IdempotentRequests.Answer accept(Merchant merchant, String fileName, InputStream body)
            throws IOException {
        try {
            Submission s = intake.accept(merchant, "HTTP", fileName, body);
            URI location = URI.create("/api/v1/submissions/" + s.id());
            return IdempotentRequests.Answer.kept(ResponseEntity.accepted().location(location)
                    .contentType(MediaType.APPLICATION_JSON).body(new SubmissionAccepted(s.id(),
                            s.status().name(), s.contentSha256(), location.toString())));
        } catch (SizeLimitedInputStream.TooLarge e) {
            return IdempotentRequests.Answer.notKept(ApiProblem.of(413, "UPLOAD_TOO_LARGE", e.getMessage()));
        } catch (FileFault fault) {
            // refused after it was stored and logged: a retry with the same key gets the same refusal
            return IdempotentRequests.Answer.kept(ApiProblem.of(fault.status(), fault.code(), fault.getMessage()));
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "What became of a submission: orders, row errors, messages",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = SubmissionView.class))),
                @ApiResponse(responseCode = "404", description = "SUBMISSION_NOT_FOUND (also another merchant's)",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ApiProblemBody.class)))})
    ResponseEntity<?> status(@Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @PathVariable String id) throws ApiKeyAuthenticator.NotAuthenticated {
        Merchant merchant = authenticator.authenticate(apiKey);
        return submissions.find(id)
                .filter(s -> s.merchantId().equals(merchant.id()))
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(view(s)))
                .orElseGet(() -> ApiProblem.of(404, "SUBMISSION_NOT_FOUND", "no submission " + id));
    }

    /** The submission's errors as CSV (formulas neutralised) or, with {@code Accept: application/json}, JSON. */
    @GetMapping(path = "/{id}/errors", produces = {"text/csv", "application/json"})
    @Operation(summary = "A submission's row errors as CSV (formulas neutralised) or JSON")
    ResponseEntity<?> errors(@Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @RequestHeader(name = "Accept", required = false) String accept,
            @PathVariable String id) throws ApiKeyAuthenticator.NotAuthenticated {
        Merchant merchant = authenticator.authenticate(apiKey);
        return submissions.find(id)
                .filter(s -> s.merchantId().equals(merchant.id()))
                .<ResponseEntity<?>>map(s -> {
                    List<dev.customsgateway.core.RowError> errors = submissions.errors(s.id(), MAX_ERRORS_EXPORTED);
                    String name = s.fileName() == null ? s.id() : s.fileName();
                    return accept != null && accept.contains("application/json")
                            ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                                    .body(ErrorReport.json(name, errors))
                            : ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                                    .header("Content-Disposition", "attachment; filename=\"" + s.id() + ".errors.csv\"")
                                    .body(ErrorReport.csv(name, errors));
                })
                .orElseGet(() -> ApiProblem.of(404, "SUBMISSION_NOT_FOUND", "no submission " + id));
    }

    private Map<String, Object> view(Submission s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("submissionId", s.id());
        view.put("status", s.status().name());
        view.put("channel", s.channel());
        view.put("fileName", s.fileName());
        view.put("contentSha256", s.contentSha256());
        view.put("receivedAt", s.receivedAt().toString());
        view.put("completedAt", s.completedAt() == null ? null : s.completedAt().toString());
        view.put("problem", s.problem());
        view.put("orders", Map.of("received", s.ordersReceived(), "succeeded", s.ordersSucceeded(),
                "failed", s.ordersFailed()));
        view.put("errors", submissions.errors(s.id(), MAX_ERRORS_SHOWN));
        view.put("messages", submissions.orders(s.id()).stream()
                .filter(o -> "SUCCEEDED".equals(o.status())).map(o -> Map.of(
                        "orderNo", o.orderNo(), "row", o.sourceRow(), "guid", o.guid(), "file", o.messageFile(),
                        "url", "/api/v1/messages/" + o.guid()))
                .toList());
        return view;
    }

    /** Keeps the last path segment of a client-supplied name, printable characters only. */
    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = last.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

}
