package dev.customsgateway.intake;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds {@code application/problem+json} answers carrying the gateway's stable error code. */
final class ApiProblem {

    private ApiProblem() {
    }

    /** 401 with the header that says how to authenticate. */
    static ResponseEntity<ProblemDetail> unauthenticated(String detail) {
        ResponseEntity<ProblemDetail> problem = of(401, "UNAUTHENTICATED", detail);
        return ResponseEntity.status(401).header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }

    /** 401 for the bearer-token APIs (operator, metrics): a merchant's key does not open them. */
    static ResponseEntity<ProblemDetail> bearerRequired(String realm, String detail) {
        ResponseEntity<ProblemDetail> problem = of(401, "UNAUTHENTICATED", detail);
        return ResponseEntity.status(401).header("WWW-Authenticate", "Bearer realm=\"" + realm + "\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }

    static ResponseEntity<ProblemDetail> of(int status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("urn:customs-gateway:problem:" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
