package dev.customsgateway.signing;

/** A signature that does not verify, with the reason in words an operator can act on. */
final class SignatureRejectedException extends RuntimeException {

    SignatureRejectedException(String reason) {
        super(reason);
    }

    SignatureRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
