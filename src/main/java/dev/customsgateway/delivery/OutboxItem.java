package dev.customsgateway.delivery;

/** A claimed outbox row: what to send, where, and how many attempts it has had (this one included). */
record OutboxItem(long id, String guid, String merchantId, String submissionId, String orderNo, String messageType,
        String destination, String contentSha256, String fileName, int attempt) {
}
