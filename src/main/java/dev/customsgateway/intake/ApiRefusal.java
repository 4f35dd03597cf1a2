package dev.customsgateway.intake;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refusal of an API request that is decided below the controller (a breached limit, a reused idempotency
 * key): carries the status, the gateway's stable code and, for 429 and 409-in-progress, how many seconds to wait.
 * {@link ApiExceptionHandler} turns it into {@code application/problem+json}.
 */
final class ApiRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    ApiRefusal(int status, String code, String detail) {
        this(status, code, detail, 0);
    }

    ApiRefusal(int status, String code, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    ResponseEntity<ProblemDetail> toResponse() {
        ResponseEntity<ProblemDetail> problem = ApiProblem.of(status, code, getMessage());
        if (retryAfterSeconds <= 0) {
            return problem;
        }
        return ResponseEntity.status(status).headers(problem.getHeaders())
                .header("Retry-After", Long.toString(retryAfterSeconds)).body(problem.getBody());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
