package dev.customsgateway.sandbox;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.OfficialSchemas;
import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
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
 * guid it has, 503 while a fault says it is down. It sends no notifications (DMSACC, ...): those are later work.
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

    SandboxHmrcController(OfficialSchemas schemas, SandboxBooks books, ContentStore store, SandboxFaults faults,
            Clock clock) {
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
        try {
            schemas.get(OfficialSchemas.WCO_DECLARATION).newValidator().validate(new DOMSource(document));
        } catch (Exception e) {
            verdict = SandboxVerdict.schemaInvalid(e.getMessage() == null ? ""
                    : e.getMessage().replaceAll("'[^']*'", "'…'"));
        }
        String sha256 = store.put(body).sha256();
        if (!books.receive(conversationId, MESSAGE_TYPE, lrn(document), sha256, verdict, OffsetDateTime.now(clock))) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("code", "DUPLICATE_GUID", "guid", conversationId));
        }
        if (!verdict.accepted()) {
            return ResponseEntity.badRequest().body(Map.of("code", "SCHEMA_INVALID", "detail", verdict.returnInfo()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("X-Conversation-ID", conversationId)
                .body(Map.of("code", "RECEIVED", "conversationId", conversationId));
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
