package dev.customsgateway.intake;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.SubmittedOrder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a stored order request for the {@code intake-orders} route: claims it (null when another consumer has
 * it or it is finished) and reads the stored bytes back as canonical orders; {@link #recordParsed} then records
 * each one read in the message log as canonical JSON (stage PARSED), as the file pipeline does for every order
 * of a file.
 */
@Component("apiOrderOpener")
class ApiOrderOpener {

    private final SubmissionRepository submissions;
    private final MerchantRepository merchants;
    private final SubmissionProgress progress;
    private final ApiOrderReader reader;
    private final ContentStore store;
    private final MessageLog messageLog;
    private final JsonMapper json;

    ApiOrderOpener(SubmissionRepository submissions, MerchantRepository merchants, SubmissionProgress progress,
            ApiOrderReader reader, ContentStore store, MessageLog messageLog, JsonMapper json) {
        this.submissions = submissions;
        this.merchants = merchants;
        this.progress = progress;
        this.reader = reader;
        this.store = store;
        this.messageLog = messageLog;
        this.json = json;
    }

    public List<SubmittedOrder> claim(String submissionId) throws IOException {
        if (!submissions.claim(submissionId)) {
            return null; // queued twice (sweep and hand-off): the other one has it
        }
        progress.opened(submissionId, submissions.ordersWithOutcome(submissionId));
        Submission submission = submissions.find(submissionId).orElseThrow();
        Merchant merchant = merchants.findEnabled(submission.merchantId()).orElseThrow(() -> new FileFault(403,
                "MERCHANT_DISABLED", "merchant " + submission.merchantId() + " is disabled"));
        byte[] body;
        try (InputStream in = store.open(submission.contentSha256())) {
            body = in.readAllBytes(); // at most gateway.intake.http.max-order-request-size
        }
        List<ApiOrder> orders = reader.read(body);
        List<SubmittedOrder> submitted = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            CanonicalOrder order = orders.get(i).toCanonical(i + 1);
            OrderOrigin origin = new OrderOrigin(merchant, submissionId, order.orderNo(), i + 1);
            submitted.add(SubmittedOrder.of(origin, order));
        }
        return submitted;
    }

    /**
     * Stores an order of the request as read (canonical JSON) and holds its PARSED entry until the order closes: in
     * the transaction of the request's orders ({@code intake-orders}), as for the orders of a file
     * ({@code OrderAssembler}).
     */
    public SubmittedOrder recordParsed(SubmittedOrder submitted) {
        OrderOrigin origin = submitted.origin();
        CanonicalOrder order = submitted.order();
        ContentStore.StoredContent stored = store.put(origin.merchant().id(), json.writeValueAsBytes(order));
        messageLog.defer(origin, new LogEntry(origin.submissionId(), origin.merchant().id(), origin.submissionId(),
                LogStage.PARSED, null, origin.orderNo(), null, "canonical-order", stored.sha256(), stored.size(),
                "order " + origin.sourceRow() + " of the request"));
        return submitted;
    }
}
