package dev.customsgateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only compliance API's view of retention and access ({@code /api/v1/audit}, auditor token): who
 * accessed the compliance API ({@code /access}), what the retention job would do now ({@code /retention}, a dry
 * run) and the active legal holds ({@code /legal-holds}). Placing and releasing holds is the operator's
 * ({@code /api/v1/operator/legal-holds}).
 */
@RestController
@RequestMapping("/api/v1/audit")
class RetentionController {

    private final AuditorTokens tokens;
    private final ComplianceAccessLog accessLog;
    private final RetentionJob retention;
    private final LegalHolds holds;

    RetentionController(AuditorTokens tokens, ComplianceAccessLog accessLog, RetentionJob retention,
            LegalHolds holds) {
        this.tokens = tokens;
        this.accessLog = accessLog;
        this.retention = retention;
        this.holds = holds;
    }

    /** Access records, newest first; {@code credential} narrows to one credential id, {@code since} to a time. */
    @GetMapping("/access")
    ResponseEntity<?> access(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "credential", required = false) String credential,
            @RequestParam(name = "since", required = false) Instant since,
            @RequestParam(name = "limit", defaultValue = "1000") int limit) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        return ResponseEntity.ok(Map.of("access", accessLog.list(credential, since, limit)));
    }

    /** The retention job's decisions as of now, without acting on them. */
    @GetMapping("/retention")
    ResponseEntity<?> retention(@RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        List<Map<String, Object>> plan = retention.plan().stream().map(RetentionJob.Decision::view).toList();
        return ResponseEntity.ok(Map.of("dryRun", true, "keys", plan));
    }

    @GetMapping("/legal-holds")
    ResponseEntity<?> legalHolds(@RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        return ResponseEntity.ok(Map.of("holds", holds.active()));
    }

    private boolean authorised(String authorization) {
        return tokens.authorises(authorization);
    }

    private static ResponseEntity<?> unauthorised() {
        return AuditController.unauthorised();
    }
}
