package dev.customsgateway.receipts;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one receipt in, whatever brought it (callback or inbound folder; bare or in a DXP envelope; a CEB receipt,
 * a {@code DxpRep} transport response or a WCO DMS notification): stores the
 * bytes, parses the entries, correlates each to its
 * message, records it (once) with its explanation, and logs RECEIPT in the message log of that message.
 */
@Component
class ReceiptIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptIntake.class);

    private final ContentStore store;
    private final ReceiptRepository receipts;
    private final ReceiptCodes codes;
    private final MessageLog messageLog;
    private final MerchantReceiptFolder folders;
    private final MerchantWebhook webhook;
    private final Clock clock;

    ReceiptIntake(ContentStore store, ReceiptRepository receipts, ReceiptCodes codes, MessageLog messageLog,
            MerchantReceiptFolder folders, MerchantWebhook webhook, Clock clock) {
        this.folders = folders;
        this.webhook = webhook;
        this.store = store;
        this.receipts = receipts;
        this.codes = codes;
        this.messageLog = messageLog;
        this.clock = clock;
    }

    /** Returns how many entries were new. Throws {@link IllegalArgumentException} for what is not a receipt. */
    int accept(byte[] receipt, String source) {
        return accept(receipt, source, null);
    }

    /**
     * As {@link #accept(byte[], String)}, with the conversation id the callback brought (a WCO DMS notification
     * names the declaration only by its LRN; HMRC-style callbacks add {@code X-Conversation-ID}).
     */
    int accept(byte[] receipt, String source, String conversationId) {
        ContentStore.StoredContent stored = store.put(receipt); // as received, envelope and all
        byte[] ceb = DxpEnvelope.unwrap(receipt);
        List<ReceiptEntry> entries = ReceiptParser.parse(ceb, conversationId, codes);
        int fresh = 0;
        for (ReceiptEntry parsed : entries) {
            ReceiptEntry entry = parsed;
            ReceiptRepository.Correlated message = receipts.correlate(entry).orElse(null);
            if (message != null && !message.guid().equals(entry.guid())) { // found by LRN / order number
                entry = new ReceiptEntry(entry.receiptType(), message.guid(), entry.orderNo(), entry.returnStatus(),
                        entry.returnTime(), entry.returnInfo());
            }
            String explanation = codes.explain(entry.receiptType(), entry.returnStatus());
            if (!receipts.store(entry, message, explanation, stored.sha256(), OffsetDateTime.now(clock))) {
                continue; // the same entry again
            }
            fresh++;
            if (message == null) {
                LOG.warn("{} receipt from {} matches no message (guid {}, order {})", entry.receiptType(), source,
                        entry.guid(), entry.orderNo());
                continue;
            }
            store.put(message.merchantId(), receipt); // now sealed with the merchant's key, for its retention
            messageLog.record(new LogEntry(message.guid(), message.merchantId(), message.submissionId(),
                    stage(entry), entry.receiptType(), entry.orderNo(), message.guid(), "receipt",
                    stored.sha256(), stored.size(), entry.returnStatus() + " " + explanation));
            folders.deliver(message.merchantId(), entry, explanation, ceb, OffsetDateTime.now(clock).toString());
            webhook.enqueue(message.merchantId(), message.guid(), entry, explanation);
        }
        return fresh;
    }

    /** The exchange platform's response is its own stage: transport-accepted, or refused in transport. */
    private static LogStage stage(ReceiptEntry entry) {
        if (!DxpResponseParser.TYPE.equals(entry.receiptType())) {
            return LogStage.RECEIPT;
        }
        return ReceiptCodes.transportAccepted(entry.returnStatus()) ? LogStage.TRANSPORT_ACCEPTED
                : LogStage.TRANSPORT_REJECTED;
    }
}
