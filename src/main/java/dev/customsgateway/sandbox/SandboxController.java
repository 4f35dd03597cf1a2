package dev.customsgateway.sandbox;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.SecureXml;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code POST /sandbox/ceb/messages}: the sandbox authority's intake. 200 when taken (receipts follow), 409
 * {@code DUPLICATE_GUID} for a guid it already has, 400 for what is not a CEB message, 503 while a fault says
 * it is down.
 */
@RestController
@RequestMapping("/sandbox/ceb")
@ConditionalOnProperty(name = "gateway.sandbox.enabled", havingValue = "true")
class SandboxController {

    private static final String CEB = "http://www.chinaport.gov.cn/ceb";

    private final SandboxInspector inspector;
    private final SandboxBooks books;
    private final SandboxReceipts receipts;
    private final ContentStore store;
    private final Clock clock;
    private final SandboxFaults faults;

    SandboxController(SandboxInspector inspector, SandboxBooks books, SandboxReceipts receipts, ContentStore store,
            SandboxFaults faults, Clock clock) {
        this.inspector = inspector;
        this.books = books;
        this.receipts = receipts;
        this.store = store;
        this.clock = clock;
        this.faults = faults;
    }

    @PostMapping("/messages")
    ResponseEntity<Map<String, String>> receive(@RequestBody byte[] body) {
        if (faults.takeUnavailable()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .body(Map.of("code", "UNAVAILABLE"));
        }
        if (faults.takeRefusal()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("code", "REFUSED",
                    "detail", "refused by the sandbox's fault setting"));
        }
        Document document;
        try {
            document = SecureXml.parse(new java.io.ByteArrayInputStream(body));
        } catch (Exception e) {
            return ResponseEntity.badRequest().body(Map.of("code", "NOT_XML", "detail", "not well-formed XML"));
        }
        Element root = document.getDocumentElement();
        String name = root.getLocalName();
        if (!CEB.equals(root.getNamespaceURI()) || name == null || !name.matches("CEB\\d{3}Message")) {
            return ResponseEntity.badRequest().body(Map.of("code", "NOT_CEB", "detail", "not a CEB message"));
        }
        String type = name.substring(0, 6);
        String guid = root.getAttribute("guid");
        SandboxVerdict verdict = inspector.inspect(document, type, guid);
        String sha256 = store.put(body).sha256();
        if (!books.receive(guid, type, sha256, verdict.accepted() ? "ACCEPTED" : "REJECTED",
                OffsetDateTime.now(clock))) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("code", "DUPLICATE_GUID", "guid", guid));
        }
        receipts.answer(type, businessHead(root), verdict);
        return ResponseEntity.ok(Map.of("code", "RECEIVED", "guid", guid));
    }

    /** The head of the first business record (OrderHead, PaymentHead, LogisticsHead, InventoryHead, ...). */
    private static Element businessHead(Element root) {
        var all = root.getElementsByTagNameNS(CEB, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getLocalName().endsWith("Head")) {
                return e;
            }
        }
        return root;
    }
}
