package dev.customsgateway.intake;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * One place that turns the refusals of intake's API controllers (merchant and operator) into
 * {@code application/problem+json} with a stable code, so every controller answers the same way.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    @ExceptionHandler(ApiKeyAuthenticator.NotAuthenticated.class)
    ResponseEntity<ProblemDetail> unauthenticated(ApiKeyAuthenticator.NotAuthenticated e) {
        return ApiProblem.unauthenticated(e.getMessage());
    }

    @ExceptionHandler(OperatorAuthenticator.NotOperator.class)
    ResponseEntity<ProblemDetail> notOperator(OperatorAuthenticator.NotOperator e) {
        return ApiProblem.bearerRequired("operator", e.getMessage());
    }

    /** An artefact deleted by retention (crypto-shredding): gone for good, not an error of the gateway. */
    @ExceptionHandler(dev.customsgateway.audit.ArtefactShreddedException.class)
    ResponseEntity<ProblemDetail> shredded(dev.customsgateway.audit.ArtefactShreddedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.GONE,
                "deleted by retention (crypto-shredding); its digest stays in the message log");
        problem.setProperty("code", "ARTEFACT_SHREDDED");
        return ResponseEntity.status(org.springframework.http.HttpStatus.GONE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<ProblemDetail> refused(ApiRefusal e) {
        return e.toResponse();
    }
}
