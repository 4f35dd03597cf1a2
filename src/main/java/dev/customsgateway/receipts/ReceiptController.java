package dev.customsgateway.receipts;

import dev.customsgateway.core.SecretFiles;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/receipts/{source}}: the receipt callback. A source proves itself with
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>} under its own shared secret, compared in constant
 * time, or, for a source configured with a client-certificate subject, by mutual TLS on the callback's own HTTPS
 * port ({@link ReceiptTlsConnector}); anything else gets 401 before the body is looked at. A WCO DMS notification may bring the conversation id
 * of its declaration in {@code X-Conversation-ID} (HMRC style); it is then correlated by it as well as by its LRN.
 */
@RestController
class ReceiptController {

    private final ReceiptProperties properties;
    private final ReceiptIntake intake;

    ReceiptController(ReceiptProperties properties, ReceiptIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    @PostMapping("/api/v1/receipts/{source}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String source,
            @RequestHeader(name = "X-Signature", required = false) String signature,
            @RequestHeader(name = "X-Conversation-ID", required = false) String conversationId,
            @RequestBody byte[] body, HttpServletRequest request)
            throws IOException, GeneralSecurityException {
        ReceiptProperties.Source configured = properties.sources().get(source);
        if (configured == null || !authentic(configured, signature, body, request)) {
            return ResponseEntity.status(401).body(Map.of("code", "UNAUTHENTICATED",
                    "detail", configured != null && configured.clientCertificateSubject() != null
                            ? "this source must present its client certificate on the callback's TLS port"
                            : "a valid X-Signature for this source is required"));
        }
        try {
            return ResponseEntity.ok(Map.of("code", "ACCEPTED", "newEntries", intake.accept(body, source,
                    conversationId == null || conversationId.isBlank() ? null : conversationId.strip())));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("code", "NOT_A_RECEIPT", "detail", e.getMessage()));
        }
    }

    /**
     * A mutual-TLS source: the certificate Tomcat verified against the callback connector's trust store, with the
     * configured subject. Otherwise the HMAC of the body.
     */
    private static boolean authentic(ReceiptProperties.Source source, String signature, byte[] body,
            HttpServletRequest request) throws IOException, GeneralSecurityException {
        if (source.clientCertificateSubject() != null) {
            Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
            return chain instanceof X509Certificate[] certificates && certificates.length > 0
                    && new X500Principal(source.clientCertificateSubject())
                            .equals(certificates[0].getSubjectX500Principal());
        }
        return signature != null && signature.startsWith("sha256=")
                && MessageDigest.isEqual(hmac(source, body), hex(signature.substring(7)));
    }

    private static byte[] hmac(ReceiptProperties.Source source, byte[] body) throws IOException,
            GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SecretFiles.readOrCreate(source.hmacSecretFile()), "HmacSHA256"));
        return mac.doFinal(body);
    }

    private static byte[] hex(String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
