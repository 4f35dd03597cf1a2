package dev.customsgateway.sandbox;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.SecureXml;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code POST /sandbox/ceb/messages}: the sandbox authority's intake. 200 when taken (receipts follow), 409
 * {@code DUPLICATE_GUID} for a guid it already has, 400 for what is not a CEB message, 503 while a fault says
 * it is down. The same intake answers at {@code /sandbox/ceb/bearer/messages} behind an OAuth2 bearer token
 * ({@link SandboxBearerFilter}), for destinations that authenticate UK style.
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

    @PostMapping({"/messages", "/bearer/messages"})
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
        Element head = businessHead(root);
        if (!books.receive(guid, type, businessNo(head), sha256, verdict, OffsetDateTime.now(clock))) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("code", "DUPLICATE_GUID", "guid", guid));
        }
        receipts.answer(type, head, verdict);
        return ResponseEntity.ok(Map.of("code", "RECEIVED", "guid", guid));
    }

    /**
     * {@code GET /sandbox/ceb/books}: what customs has booked (guid, type, business number, verdict) and how
     * many re-sends of a booked guid it answered with 409. Read-only; the crash test judges the gateway by it.
     */
    @GetMapping("/books")
    Map<String, Object> books() {
        List<SandboxBooks.Booked> booked = books.all();
        return Map.of("messages", booked, "count", booked.size(), "duplicateGuids", books.duplicateGuids());
    }

    /** The number the head declares: orderNo (orders, payments), copNo (inventory lists), else logisticsNo. */
    private static String businessNo(Element head) {
        for (String name : new String[] {"orderNo", "copNo", "logisticsNo"}) {
            var nodes = head.getElementsByTagNameNS(CEB, name);
            if (nodes.getLength() > 0) {
                String value = nodes.item(0).getTextContent().strip();
                return value.length() > 60 ? value.substring(0, 60) : value;
            }
        }
        return null;
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
