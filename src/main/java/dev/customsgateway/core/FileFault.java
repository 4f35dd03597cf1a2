package dev.customsgateway.core;

/**
 * A fault of a merchant file as a whole (undecodable, not the declared format, a limit exceeded, a required
 * column missing): the file is refused and none of it is processed. Carries the gateway's stable code, the
 * HTTP status an API answers with, and where in the file the fault is.
 */
public class FileFault extends RuntimeException {

    private final int status;
    private final String code;

    public FileFault(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
