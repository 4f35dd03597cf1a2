package dev.customsgateway.intake;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * Opens a stored passthrough submission (a ready CEB message) as a customs message for the
 * {@code pipeline-passthrough} route: in the schema version in force for the merchant, and, when the merchant
 * signed it already, with its bytes as received so it is delivered unchanged.
 */
@Component("passthroughReader")
class PassthroughReader {

    private final SubmissionRepository submissions;
    private final ContentStore store;
    private final Clock clock;

    PassthroughReader(SubmissionRepository submissions, ContentStore store, Clock clock) {
        this.submissions = submissions;
        this.store = store;
        this.clock = clock;
    }

    public CustomsMessage read(String submissionId, Merchant merchant) throws IOException {
        Submission submission = submissions.find(submissionId)
                .orElseThrow(() -> new IllegalStateException("no submission " + submissionId));
        byte[] bytes;
        try (InputStream in = store.open(submission.contentSha256())) {
            bytes = in.readAllBytes();
        }
        Document document = CustomsXmlFile.read(new java.io.ByteArrayInputStream(bytes), merchant);
        String version = merchant.schemaVersionOn(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
        OrderOrigin origin = new OrderOrigin(merchant, submissionId, CustomsXmlFile.orderNo(document), 1);
        CustomsMessage message = new CustomsMessage(origin, merchant.family().name(),
                merchant.family().schemaSet(version), document.getDocumentElement().getAttribute("guid"), document);
        return message.isSigned()
                ? new CustomsMessage(origin, message.messageType(), message.schemaSet(), message.guid(), document, bytes)
                : message;
    }
}
