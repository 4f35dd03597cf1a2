package dev.customsgateway.sandbox;

import dev.customsgateway.core.SecretFiles;
import dev.customsgateway.core.SecureXml;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Answers accepted and rejected messages later, as the authority does: an order (CEB311) gets CEB312 receipts 2
 * then 120; a rejection gets one receipt 100 with the GACC error code in returnInfo. Receipts are in the default
 * namespace like the official samples, and POSTed to the gateway's receipt callback with an HMAC-SHA256 of the
 * body ({@code X-Signature: sha256=<hex>}). Sending is retried for about two minutes (a gateway restarting); faults can duplicate or drop them.
 * The HMRC stand-in's WCO DMS notifications travel the same way ({@link #sendNotifications}).
 */
@Component
class SandboxReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxReceipts.class);
    private static final String CEB = "http://www.chinaport.gov.cn/ceb";
    private static final DateTimeFormatter RETURN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    /** Return entry element and its identifying fields, per receipt type (the 202205 XSDs). */
    private static final Map<String, String[]> RETURN_ENTRIES = Map.of(
            "CEB312", new String[] {"OrderReturn", "guid", "ebpCode", "ebcCode", "orderNo"},
            "CEB304", new String[] {"OrderReturn", "guid", "ebpCode", "ebcCode", "orderNo"},
            "CEB412", new String[] {"PaymentReturn", "guid", "payCode", "payTransactionId"},
            "CEB512", new String[] {"LogisticsReturn", "guid", "logisticsCode", "logisticsNo"},
            "CEB622", new String[] {"InventoryReturn", "guid", "customsCode", "ebpCode", "ebcCode", "agentCode",
                "copNo", "preNo"},
            "CEB506", new String[] {"LogisticsReturn", "guid", "logisticsCode", "logisticsNo"},
            "CEB604", new String[] {"InventoryReturn", "guid", "agentCode", "copNo", "preNo", "invtNo", "ebcCode",
                "ebpCode", "orderNo", "statisticsFlag"});
    /** Attempts per receipt before the sandbox gives up on the gateway (about two minutes). */
    private static final int MAX_ATTEMPTS = 15;
    private static final Set<String> OPTIONAL = Set.of("customsCode", "ebpCode", "ebcCode", "agentCode");

    private final SandboxProperties properties;
    private final SandboxFaults faults;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-receipts");
        t.setDaemon(true);
        return t;
    });

    SandboxReceipts(SandboxProperties properties, SandboxFaults faults, Environment environment) {
        this.properties = properties;
        this.faults = faults;
        this.environment = environment;
    }

    /** Schedules the receipts for one message: its code sequence, one step per latency period. */
    void answer(String messageType, Element businessHead, SandboxVerdict verdict) {
        if (faults.dropReceipts()) {
            return;
        }
        long delay = properties.latency().toMillis();
        if (faults.transportResponses()) {
            byte[] response = SandboxTransportResponse.of(text(businessHead, "guid"), messageType,
                    verdict.signatureFailed() ? "1001" : "0000",
                    verdict.signatureFailed() ? "签名无效 " + verdict.returnInfo() : "OK");
            scheduler.schedule(() -> post(response, null, 1), delay / 2, TimeUnit.MILLISECONDS);
            if (verdict.signatureFailed()) {
                return; // refused in transport: customs never sees it
            }
        }
        List<String[]> sequence = verdict.accepted() ? acceptedSequence(messageType, verdict)
                : List.<String[]>of(step(verdict.returnStatus(), verdict.returnInfo()));
        for (int i = 0; i < sequence.size(); i++) {
            String[] step = sequence.get(i);
            byte[] receipt = receipt(messageType, businessHead, step[0], step[1]);
            int copies = faults.duplicateReceipts() ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                scheduler.schedule(() -> post(receipt, null, 1), delay * (i + 1), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Schedules WCO DMS notifications for one declaration, in order, one latency period apart, each POSTed with
     * the declaration's conversation id in {@code X-Conversation-ID} as HMRC's push notifications carry it. The
     * dropped and duplicated receipt faults apply as to CEB receipts.
     */
    void sendNotifications(String conversationId, List<byte[]> notifications) {
        if (faults.dropReceipts()) {
            return;
        }
        long delay = properties.latency().toMillis();
        for (int i = 0; i < notifications.size(); i++) {
            byte[] notification = notifications.get(i);
            int copies = faults.duplicateReceipts() ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                scheduler.schedule(() -> post(notification, conversationId, 1), delay * (i + 1),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The real sequences: 2 then 120 for most messages; an inventory list goes on to 800 (放行) and 899 (结关). */
    private static List<String[]> acceptedSequence(String messageType, SandboxVerdict verdict) {
        List<String[]> steps = new ArrayList<>(List.of(step("2", verdict.returnInfo()),
                step("120", "[Code:1800;Desc:逻辑校验通过]")));
        if ("CEB621".equals(messageType)) {
            steps.add(step("800", "[Code:2600;Desc:放行]"));
            steps.add(step("899", "[Code:2800;Desc:结关]"));
        }
        return steps;
    }

    private static String[] step(String status, String info) {
        return new String[] {status, info};
    }

    /**
     * The receipt for a request type (CEB311 gets CEB312, ...), with the return entry the schema defines for it
     * and the identifying fields copied from the request's head.
     */
    static byte[] receipt(String messageType, Element head, String status, String info) {
        Document doc = SecureXml.newDocument();
        String type = "CEB" + (Integer.parseInt(messageType.substring(3)) + 1);
        Element message = doc.createElementNS(CEB, type + "Message");
        message.setAttribute("guid", text(head, "guid"));
        message.setAttribute("version", "1.0");
        doc.appendChild(message);
        String[] entry = RETURN_ENTRIES.getOrDefault(type, RETURN_ENTRIES.get("CEB312"));
        Element ret = doc.createElementNS(CEB, entry[0]);
        message.appendChild(ret);
        for (int i = 1; i < entry.length; i++) {
            String field = entry[i];
            String value = switch (field) {
                case "preNo" -> "B" + digits(head, 17);
                case "invtNo" -> text(head, "portCode") + java.time.Year.now(ZoneId.of("Asia/Shanghai")) + "E"
                        + digits(head, 9); // customs' own inventory number: port, year, E, serial
                default -> text(head, field);
            };
            if (!(value.isEmpty() && OPTIONAL.contains(field))) {
                add(ret, field, value);
            }
        }
        add(ret, "returnStatus", status);
        add(ret, "returnTime", RETURN_TIME.format(ZonedDateTime.now(ZoneId.of("Asia/Shanghai"))));
        add(ret, "returnInfo", info.length() > 1000 ? info.substring(0, 1000) : info);
        doc.setXmlStandalone(true);
        return SecureXml.serialize(doc);
    }

    /** A stable pseudo number from the guid, standing for the e-port's pre-entry number. */
    private static String digits(Element head, int length) {
        String source = Integer.toUnsignedString(text(head, "guid").hashCode()) + "0000000000000000000";
        return source.substring(0, length);
    }

    private void post(byte[] receipt, String conversationId, int attempt) {
        try {
            String url = properties.receiptUrl().replace("{local-port}",
                    environment.getProperty("local.server.port", "8080"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .header("X-Signature", "sha256=" + hmac(receipt))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(receipt));
            if (conversationId != null) {
                request.header("X-Conversation-ID", conversationId);
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 500 && attempt < MAX_ATTEMPTS) {
                retry(receipt, conversationId, attempt);
            } else if (status >= 300) {
                LOG.warn("Sandbox receipt refused by the gateway: HTTP {}", status);
            }
        } catch (IOException | GeneralSecurityException e) {
            if (attempt < MAX_ATTEMPTS) {
                retry(receipt, conversationId, attempt);
            } else {
                LOG.warn("Sandbox receipt could not be sent: {}", e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tries again later: 2, 4, 8 s, then every 10 s, for about two minutes in all, so receipts outlive a gateway
     * that is down or restarting (customs keeps answering when the declarant is away).
     */
    private void retry(byte[] receipt, String conversationId, int attempt) {
        long seconds = Math.min(1L << attempt, 10);
        scheduler.schedule(() -> post(receipt, conversationId, attempt + 1), seconds, TimeUnit.SECONDS);
    }

    private String hmac(byte[] body) throws IOException, GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SecretFiles.readOrCreate(properties.receiptSecretFile()), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static void add(Element parent, String name, String value) {
        Element e = parent.getOwnerDocument().createElementNS(CEB, name);
        e.setTextContent(value);
        parent.appendChild(e);
    }

    private static String text(Element head, String name) {
        var nodes = head.getElementsByTagNameNS(CEB, name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
