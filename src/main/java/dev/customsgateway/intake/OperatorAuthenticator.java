package dev.customsgateway.intake;

import org.springframework.stereotype.Component;

/** Lets only the operator token ({@code Authorization: Bearer cgo_...}) through to the operator API. */
@Component
class OperatorAuthenticator {

    private final OperatorTokens tokens;

    OperatorAuthenticator(OperatorTokens tokens) {
        this.tokens = tokens;
    }

    void authenticate(String authorization) throws NotOperator {
        if (!tokens.valid(OperatorTokens.Role.OPERATOR, authorization)) {
            throw new NotOperator();
        }
    }

    /** No token, another kind of credential (a merchant's key, the auditor's token) or a revoked one. */
    static final class NotOperator extends Exception {
        NotOperator() {
            super("an operator token is required (Authorization: Bearer cgo_...)", null, false, false);
        }
    }
}
