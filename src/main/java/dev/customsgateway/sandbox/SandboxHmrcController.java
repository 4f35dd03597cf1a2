package dev.customsgateway.sandbox;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.OfficialSchemas;
import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code POST /sandbox/hmrc/declarations}: a minimal stand-in for HMRC's declaration intake, so UK declarations
 * have somewhere to go on a development machine. It checks what HMRC checks synchronously, the schema (MetaData
 * and Declaration together), and books the declaration under the sender's message guid: 202 with
 * {@code X-Conversation-ID} when taken, 400 when it is not a valid declaration, 409 {@code DUPLICATE_GUID} for a
 * guid it has, 503 while a fault says it is down. A declaration it has taken is then answered asynchronously with
 * WCO DMS notifications to the gateway's receipt callback: DMSRCV (received, MRN given), then DMSACC and DMSCLE,
 * or DMSREJ with its error when {@link SandboxHmrcRules} reject it.
 */
@RestController
@RequestMapping("/sandbox/hmrc")
@ConditionalOnProperty(name = "gateway.sandbox.enabled", havingValue = "true")
class SandboxHmrcController {

    static final String MESSAGE_TYPE = "UK_SRDS";
    private static final String METADATA = "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2";
    private static final String DECLARATION = "urn:wco:datamodel:WCO:DEC-DMS:2";

    private final OfficialSchemas schemas;
    private final SandboxBooks books;
    private final ContentStore store;
    private final SandboxFaults faults;
    private final Clock clock;
    private final SandboxHmrcRules rules;
    private final SandboxReceipts receipts;

    SandboxHmrcController(OfficialSchemas schemas, SandboxBooks books, ContentStore store, SandboxFaults faults,
            Clock clock, SandboxHmrcRules rules, SandboxReceipts receipts) {
        this.rules = rules;
        this.receipts = receipts;
        this.schemas = schemas;
        this.books = books;
        this.store = store;
        this.faults = faults;
        this.clock = clock;
    }

    @PostMapping("/declarations")
    ResponseEntity<Map<String, String>> receive(@RequestBody byte[] body,
            @RequestHeader(name = "X-Message-Guid", required = false) String messageGuid) {
        if (faults.takeUnavailable()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .body(Map.of("code", "UNAVAILABLE"));
        }
        Document document;
        try {
            document = SecureXml.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            return ResponseEntity.badRequest().body(Map.of("code", "NOT_XML", "detail", "not well-formed XML"));
        }
        Element root = document.getDocumentElement();
        if (!METADATA.equals(root.getNamespaceURI()) || !"MetaData".equals(root.getLocalName())) {
            return ResponseEntity.badRequest().body(Map.of("code", "NOT_WCO_DECLARATION",
                    "detail", "not a WCO MetaData-wrapped declaration"));
        }
        String conversationId = messageGuid == null || messageGuid.isBlank() || messageGuid.strip().length() > 36
                ? UUID.randomUUID().toString() : messageGuid.strip();
        SandboxVerdict verdict = SandboxVerdict.accepted(conversationId);
        boolean schemaValid = true;
        try {
            schemas.get(OfficialSchemas.WCO_DECLARATION).newValidator().validate(new DOMSource(document));
        } catch (Exception e) {
            schemaValid = false;
            verdict = SandboxVerdict.schemaInvalid(e.getMessage() == null ? ""
                    : e.getMessage().replaceAll("'[^']*'", "'…'"));
        }
        Optional<DmsNotification.Error> refusal = schemaValid ? rules.check(declarant(document)) : Optional.empty();
        if (refusal.isPresent()) {
            verdict = new SandboxVerdict(false, "DMSREJ", refusal.get().validationCode() + " "
                    + refusal.get().description());
        }
        String lrn = lrn(document);
        String sha256 = store.put(body).sha256();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!books.receive(conversationId, MESSAGE_TYPE, lrn, sha256, verdict, now)) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("code", "DUPLICATE_GUID", "guid", conversationId));
        }
        if (!schemaValid) {
            return ResponseEntity.badRequest().body(Map.of("code", "SCHEMA_INVALID", "detail", verdict.returnInfo()));
        }
        receipts.sendNotifications(conversationId, notifications(lrn, mrn(conversationId, now), now.toInstant(),
                refusal.orElse(null)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("X-Conversation-ID", conversationId)
                .body(Map.of("code", "RECEIVED", "conversationId", conversationId));
    }

    /**
     * The notifications for a declaration taken: DMSRCV, then DMSACC and DMSCLE, or DMSREJ with the error. Their
     * issue times are one second apart (format 304 has no finer unit), so their order is plain to whoever reads
     * them, whatever order they arrive in.
     */
    static List<byte[]> notifications(String lrn, String mrn, Instant taken, DmsNotification.Error refusal) {
        List<String> names = refusal == null ? List.of("DMSRCV", "DMSACC", "DMSCLE") : List.of("DMSRCV", "DMSREJ");
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            documents.add(new DmsNotification(name, lrn, mrn, taken.plusSeconds(i),
                    "DMSREJ".equals(name) ? refusal : null).toXml());
        }
        return documents;
    }

    /**
     * A movement reference number in the shape of HMRC's (two-digit year, GB, 14 letters and digits), derived from
     * the conversation id so the same declaration keeps it; the sandbox's own, not a registered one.
     */
    static String mrn(String conversationId, OffsetDateTime taken) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        byte[] digest = dev.customsgateway.core.Sha256.newDigest().digest(conversationId.getBytes(StandardCharsets.UTF_8));
        StringBuilder mrn = new StringBuilder(String.format("%02dGB", taken.getYear() % 100));
        for (int i = 0; i < 14; i++) {
            mrn.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
        }
        return mrn.toString();
    }

    /** The declarant's EORI ({@code Declaration/Declarant/ID}), which the rules look at. */
    private static String declarant(Document document) {
        var declarants = document.getElementsByTagNameNS(DECLARATION, "Declarant");
        if (declarants.getLength() == 0) {
            return null;
        }
        for (var n = declarants.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DECLARATION.equals(e.getNamespaceURI()) && "ID".equals(e.getLocalName())) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    /** The declaration's LRN (DE 2/5), its business number in the books. */
    private static String lrn(Document document) {
        var nodes = document.getElementsByTagNameNS(DECLARATION, "FunctionalReferenceID");
        if (nodes.getLength() == 0) {
            return null;
        }
        String value = nodes.item(0).getTextContent().strip();
        return value.length() > 60 ? value.substring(0, 60) : value;
    }
}
