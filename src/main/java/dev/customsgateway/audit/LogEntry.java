package dev.customsgateway.audit;

/**
 * One message-log entry. {@code correlationId} links every entry of one message (its guid) or of one
 * submission (its id) when no message exists yet.
 */
public record LogEntry(
        String correlationId,
        String merchantId,
        String submissionId,
        LogStage stage,
        String messageType,
        String orderNo,
        String guid,
        String artefactKind,
        String artefactSha256,
        Long artefactSize,
        String detail) {

    /** Starts an entry for a submission-level stage. */
    public static LogEntry forSubmission(String merchantId, String submissionId, LogStage stage) {
        return new LogEntry(submissionId, merchantId, submissionId, stage, null, null, null, null, null, null, null);
    }

    public LogEntry withArtefact(String kind, String sha256, long size) {
        return new LogEntry(correlationId, merchantId, submissionId, stage, messageType, orderNo, guid,
                kind, sha256, size, detail);
    }

    public LogEntry withDetail(String text) {
        return new LogEntry(correlationId, merchantId, submissionId, stage, messageType, orderNo, guid,
                artefactKind, artefactSha256, artefactSize, text);
    }
}
