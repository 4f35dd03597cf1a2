package dev.customsgateway.audit;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compliance API answers about messages, as JSON. Personal data appears only as the buyer's masked name
 * (masked when it was indexed); everything else is business keys, codes, digests and times.
 */
final class ComplianceViews {

    private ComplianceViews() {
    }

    /** One page of {@code GET /api/v1/audit/messages}; {@code nextOffset} is null on the last page. */
    record MessagePage(int limit, int offset, Integer nextOffset, List<MessageSummary> messages) {
    }

    /** One message in a list. {@code businessKeys} maps a key name (orderNo, logisticsNo, ...) to its values. */
    record MessageSummary(String guid, String merchantId, String messageType, String orderNo,
            Map<String, List<String>> businessKeys, String buyerMasked, String deliveryStatus,
            LatestReceipt latestReceipt, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {

        static MessageSummary of(MessageQueries.MessageRow row, List<MessageQueries.BusinessKey> keys) {
            Map<String, List<String>> byName = new LinkedHashMap<>();
            for (MessageQueries.BusinessKey k : keys) {
                byName.computeIfAbsent(k.name(), n -> new java.util.ArrayList<>()).add(k.value());
            }
            return new MessageSummary(row.guid(), row.merchantId(), row.messageType(), row.orderNo(), byName,
                    row.buyerMasked(), row.state(), row.customsStatus() == null ? null
                            : new LatestReceipt(row.customsStatus(), row.customsExplanation(), row.customsAnsweredAt()),
                    row.createdAt(), row.deliveredAt());
        }
    }

    /** The customs receipt code a message stands at, in words, and when the gateway received it. */
    record LatestReceipt(String code, String explanation, OffsetDateTime receivedAt) {
    }

    record Count(long count) {
    }

    /** {@code GET /api/v1/audit/messages/{guid}/timeline}: log entries in chain order, receipts oldest first. */
    record Timeline(String guid, String merchantId, String messageType, String orderNo, String deliveryStatus,
            String submissionId, List<Entry> entries, List<Receipt> receipts) {
    }

    /** A message-log entry; {@code artefact} is null for a stage that produced none. */
    record Entry(Long seq, String stage, OffsetDateTime recordedAt, String messageType, Artefact artefact,
            String detail) {

        static Entry of(MessageQueries.TimelineEntry e) {
            return new Entry(e.seq(), e.stage(), e.recordedAt(), e.messageType(), e.artefactSha256() == null ? null
                    : new Artefact(e.artefactKind(), e.artefactSha256(), e.artefactSize()), e.detail());
        }
    }

    record Artefact(String kind, String sha256, Long size) {
    }

    /** A customs receipt: its code, the code in words, customs' own note, and the digest of its bytes. */
    record Receipt(String receiptType, String code, String explanation, String info, String returnTime,
            OffsetDateTime receivedAt, String sha256) {

        static Receipt of(MessageQueries.Receipt r) {
            return new Receipt(r.receiptType(), r.status(), r.explanation(), r.info(), r.returnTime(), r.receivedAt(),
                    r.receiptSha256());
        }
    }
}
