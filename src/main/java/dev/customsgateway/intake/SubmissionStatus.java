package dev.customsgateway.intake;

/** Where a submission is; {@code REFUSED} means the file as a whole could not be read. */
public enum SubmissionStatus {
    RECEIVED, PROCESSING, COMPLETED, REFUSED
}
