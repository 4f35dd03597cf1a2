package dev.customsgateway.intake;

import dev.customsgateway.audit.LegalHolds;
import dev.customsgateway.audit.RetentionJob;
import dev.customsgateway.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal holds for operators ({@code /api/v1/operator/legal-holds}, operator token, checked by
 * {@link OperatorApiGuard} first): place one on a merchant or a message, release it, list them, and see the
 * retention job's dry run. The holds and the job live in {@code audit}; each change is a message-log entry naming
 * the operator credential's id (never the token).
 */
@RestController
@RequestMapping("/api/v1/operator")
class LegalHoldController {

    private final LegalHolds holds;
    private final RetentionJob retention;
    private final JdbcClient jdbc;

    LegalHoldController(LegalHolds holds, RetentionJob retention, JdbcClient jdbc) {
        this.holds = holds;
        this.retention = retention;
        this.jdbc = jdbc;
    }

    /** Body: {@code {"merchantId": "...", "guid": "..." (optional: the whole merchant without it), "reason": "..."}}. */
    @PostMapping("/legal-holds")
    ResponseEntity<?> place(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody HoldRequest request) {
        Optional<String> operator = operator(authorization);
        if (operator.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "an operator token is required");
        }
        if (request == null || request.merchantId() == null || request.merchantId().isBlank()
                || request.reason() == null || request.reason().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "FIELD_REQUIRED", "merchantId and reason are required");
        }
        if (jdbc.sql("select count(*) from merchant where id = ?").param(request.merchantId().strip())
                .query(Long.class).single() == 0) {
            return problem(HttpStatus.NOT_FOUND, "MERCHANT_UNKNOWN", "no merchant " + request.merchantId().strip());
        }
        if (request.guid() != null && !request.guid().isBlank() && jdbc.sql("select count(*) from message_log"
                + " where guid = ? and merchant_id = ?").params(request.guid().strip(), request.merchantId().strip())
                .query(Long.class).single() == 0) {
            return problem(HttpStatus.NOT_FOUND, "MESSAGE_UNKNOWN", "merchant " + request.merchantId().strip()
                    + " has no message " + request.guid().strip());
        }
        String id = holds.place(request.merchantId().strip(), request.guid() == null || request.guid().isBlank()
                ? null : request.guid().strip(), request.reason(), "operator-credential:" + operator.get());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @DeleteMapping("/legal-holds/{id}")
    ResponseEntity<?> release(@RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String id) {
        Optional<String> operator = operator(authorization);
        if (operator.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "an operator token is required");
        }
        return holds.release(id, "operator-credential:" + operator.get()) ? ResponseEntity.noContent().build()
                : problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "no active legal hold " + id);
    }

    @GetMapping("/legal-holds")
    ResponseEntity<?> list(@RequestHeader(name = "Authorization", required = false) String authorization) {
        if (operator(authorization).isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "an operator token is required");
        }
        return ResponseEntity.ok(Map.of("holds", holds.active()));
    }

    /** What the retention job would do now: a dry run, nothing changes. */
    @GetMapping("/retention")
    ResponseEntity<?> dryRun(@RequestHeader(name = "Authorization", required = false) String authorization) {
        if (operator(authorization).isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "an operator token is required");
        }
        return ResponseEntity.ok(Map.of("dryRun", true,
                "keys", retention.plan().stream().map(RetentionJob.Decision::view).toList()));
    }

    /** The id of the active operator credential behind the bearer token (the intake guard checked it first). */
    private Optional<String> operator(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer cgo_")) {
            return Optional.empty();
        }
        String digest = Sha256.hex(authorization.substring("Bearer ".length()).strip()
                .getBytes(StandardCharsets.US_ASCII));
        return jdbc.sql("select id from operator_credential where token_sha256 = ? and role = 'OPERATOR'"
                + " and revoked_at is null").param(digest).query(String.class).optional();
    }

    private static ResponseEntity<?> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A legal hold to place. */
    record HoldRequest(String merchantId, String guid, String reason) {
    }
}
