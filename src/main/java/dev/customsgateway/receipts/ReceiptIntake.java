package dev.customsgateway.receipts;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate tx;

    ReceiptIntake(ContentStore store, ReceiptRepository receipts, ReceiptCodes codes, MessageLog messageLog,
            MerchantReceiptFolder folders, MerchantWebhook webhook, Clock clock, TransactionTemplate tx) {
        this.tx = tx;
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
        // One transaction for the receipt: should the merchant's copy fail to be written, no entry is recorded
        // either, so the sender's retry (or the file left in failed/) brings it again instead of it being skipped
        // as "the same entry again" with the merchant never told.
        Integer fresh = tx.execute(s -> record(entries, receipt, stored, ceb, source));
        return fresh == null ? 0 : fresh;
    }

    private int record(List<ReceiptEntry> entries, byte[] receipt, ContentStore.StoredContent stored, byte[] ceb,
            String source) {
        List<Correlated> correlated = new ArrayList<>();
        for (ReceiptEntry parsed : entries) {
            ReceiptEntry entry = parsed;
            ReceiptRepository.Correlated message = receipts.correlate(entry).orElse(null);
            if (message != null && !message.guid().equals(entry.guid())) { // found by LRN / order number
                entry = new ReceiptEntry(entry.receiptType(), message.guid(), entry.orderNo(), entry.returnStatus(),
                        entry.returnTime(), entry.returnInfo());
            }
            correlated.add(new Correlated(entry, message));
        }
        // a receipt whose entries concern several merchants goes to each as its CSV line only, not as the whole XML
        boolean oneMerchant = correlated.stream().map(c -> c.message() == null ? null : c.message().merchantId())
                .filter(java.util.Objects::nonNull).distinct().count() <= 1;
        Set<String> sealedFor = new HashSet<>();
        int fresh = 0;
        for (Correlated c : correlated) {
            ReceiptEntry entry = c.entry();
            ReceiptRepository.Correlated message = c.message();
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
            if (sealedFor.add(message.merchantId())) {
                store.put(message.merchantId(), receipt); // now sealed with the merchant's key, for its retention
            }
            messageLog.record(new LogEntry(message.guid(), message.merchantId(), message.submissionId(),
                    stage(entry), entry.receiptType(), entry.orderNo(), message.guid(), "receipt",
                    stored.sha256(), stored.size(), entry.returnStatus() + " " + explanation));
            webhook.enqueue(message.merchantId(), message.guid(), entry, explanation);
            folders.deliver(message.merchantId(), entry, explanation, oneMerchant ? ceb : null,
                    OffsetDateTime.now(clock).toString());
        }
        return fresh;
    }

    private record Correlated(ReceiptEntry entry, ReceiptRepository.Correlated message) {
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
