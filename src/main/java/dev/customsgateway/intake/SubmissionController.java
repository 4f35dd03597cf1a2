package dev.customsgateway.intake;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.Merchant;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
class SubmissionController {

    private static final int MAX_ERRORS_SHOWN = 1000;
    private static final int MAX_ERRORS_EXPORTED = 1_000_000;

    private final ApiKeyAuthenticator authenticator;
    private final SubmissionIntake intake;
    private final SubmissionRepository submissions;
    private final IntakeProperties properties;

    SubmissionController(ApiKeyAuthenticator authenticator, SubmissionIntake intake,
            SubmissionRepository submissions, IntakeProperties properties) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.submissions = submissions;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<?> submit(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @RequestHeader(name = "X-File-Name", required = false) String fileName,
            HttpServletRequest request) throws ApiKeyAuthenticator.NotAuthenticated, IOException {
        Merchant merchant = authenticator.authenticate(apiKey);
        long limit = properties.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            return ApiProblem.of(413, "UPLOAD_TOO_LARGE", "the upload exceeds the limit of " + limit + " bytes");
        }
        try {
            Submission s = intake.accept(merchant, "HTTP", safeName(fileName),
                    new SizeLimitedInputStream(request.getInputStream(), limit));
            URI location = URI.create("/api/v1/submissions/" + s.id());
            return ResponseEntity.accepted().location(location).body(Map.of(
                    "submissionId", s.id(), "status", s.status().name(), "contentSha256", s.contentSha256(),
                    "statusUrl", location.toString()));
        } catch (SizeLimitedInputStream.TooLarge e) {
            return ApiProblem.of(413, "UPLOAD_TOO_LARGE", e.getMessage());
        } catch (FileFault fault) {
            return ApiProblem.of(fault.status(), fault.code(), fault.getMessage());
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<?> status(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @PathVariable String id) throws ApiKeyAuthenticator.NotAuthenticated {
        Merchant merchant = authenticator.authenticate(apiKey);
        return submissions.find(id)
                .filter(s -> s.merchantId().equals(merchant.id()))
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(view(s)))
                .orElseGet(() -> ApiProblem.of(404, "SUBMISSION_NOT_FOUND", "no submission " + id));
    }

    /** The submission's errors as CSV (formulas neutralised) or, with {@code Accept: application/json}, JSON. */
    @GetMapping(path = "/{id}/errors", produces = {"text/csv", "application/json"})
    ResponseEntity<?> errors(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
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

    @ExceptionHandler(ApiKeyAuthenticator.NotAuthenticated.class)
    ResponseEntity<?> unauthenticated(ApiKeyAuthenticator.NotAuthenticated e) {
        return ApiProblem.unauthenticated(e.getMessage());
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
