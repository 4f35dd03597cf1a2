package dev.customsgateway.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/audit}: the read-only compliance API. Every call needs an auditor token
 * ({@code Authorization: Bearer cga_...}); merchants' API keys do not open it. There are no write endpoints.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    /** What a guid may hold; it is echoed in a header. */
    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final AuditorTokens tokens;
    private final LogVerifier verifier;
    private final CheckpointKey key;
    private final EvidenceBundle evidence;

    AuditController(AuditorTokens tokens, LogVerifier verifier, CheckpointKey key, EvidenceBundle evidence) {
        this.evidence = evidence;
        this.tokens = tokens;
        this.verifier = verifier;
        this.key = key;
    }

    /**
     * Verifies the whole log now, as {@code verify-log} does. {@code artefacts=false} skips re-reading the
     * artefact bytes, for a quick check of the chain and checkpoints.
     */
    @GetMapping("/verification")
    ResponseEntity<?> verification(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "artefacts", defaultValue = "true") boolean artefacts) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        return ResponseEntity.ok(verifier.verify(new LogVerifier.Options(artefacts, java.util.List.of())));
    }

    /** A message's evidence bundle (zip), for a third party to verify offline. */
    @GetMapping("/messages/{guid}/evidence")
    ResponseEntity<?> evidence(@RequestHeader(name = "Authorization", required = false) String authorization,
            @org.springframework.web.bind.annotation.PathVariable String guid, HttpServletResponse response)
            throws IOException {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        if (!GUID.matcher(guid).matches() || !evidence.exists(guid)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no log entries for " + guid));
        }
        // Written straight to the response, not buffered: an upload's artefact may be hundreds of megabytes.
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"evidence-" + guid + ".zip\"");
        evidence.write(guid, response.getOutputStream());
        return null;
    }

    /** The public checkpoint key (PEM), for auditors to keep their own copy. */
    @GetMapping("/checkpoint-key")
    ResponseEntity<?> checkpointKey(@RequestHeader(name = "Authorization", required = false) String authorization)
            throws IOException {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        if (!Files.exists(key.publicKeyFile())) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no checkpoint key yet"));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(Files.readString(key.publicKeyFile()));
    }

    private boolean authorised(String authorization) {
        return tokens.authorises(authorization);
    }

    /** The answer to a call without a valid auditor token (shared by the controllers of the compliance API). */
    static ResponseEntity<?> unauthorised() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "an auditor token is required (Authorization: Bearer ...)");
        problem.setProperty("code", "UNAUTHENTICATED");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"audit\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
