package dev.customsgateway.intake;

/**
 * A fault of the file as a whole (not decodable, not CSV, required columns missing): the submission is refused
 * and none of it is processed. {@code status} is the HTTP status the API answers with.
 */
class FileProblem extends Exception {

    private final int status;
    private final String code;

    FileProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
