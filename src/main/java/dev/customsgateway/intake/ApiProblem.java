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

    static ResponseEntity<ProblemDetail> of(int status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("urn:customs-gateway:problem:" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
