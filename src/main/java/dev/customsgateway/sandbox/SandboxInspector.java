package dev.customsgateway.sandbox;

import dev.customsgateway.core.OfficialSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.transform.dom.DOMSource;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a message as the authority would: the official schema first, then the signature, which must verify
 * with one of the registered declarant certificates (the one in KeyInfo counts only if it is registered).
 */
@Component
class SandboxInspector {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    static {
        // In its own process (SandboxServer) nothing else initialises Santuario; inside the gateway this is a
        // no-op beside the signing capability's own set-up (same settings). SM2 needs that set-up: see README.
        System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        org.apache.xml.security.Init.init();
    }

    private final OfficialSchemas schemas;
    private final SandboxProperties properties;
    private final SandboxFaults faults;

    SandboxInspector(OfficialSchemas schemas, SandboxProperties properties, SandboxFaults faults) {
        this.schemas = schemas;
        this.properties = properties;
        this.faults = faults;
    }

    SandboxVerdict inspect(Document document, String messageType, String guid) {
        try {
            schemas.get(schemaSet(messageType)).newValidator().validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            return SandboxVerdict.schemaInvalid(e.getMessage() == null ? "" : e.getMessage().replaceAll("'[^']*'", "'…'"));
        }
        NodeList signatures = document.getElementsByTagNameNS(DSIG, "Signature");
        if (signatures.getLength() != 1) {
            return SandboxVerdict.signatureInvalid("expected one signature, found " + signatures.getLength());
        }
        try {
            XMLSignature signature = new XMLSignature((Element) signatures.item(0), "", true);
            X509Certificate presented = certificateOf(signature.getKeyInfo());
            X509Certificate registered = registered().stream()
                    .filter(c -> presented != null && Arrays.equals(encoded(c), encoded(presented)))
                    .findFirst().orElse(null);
            if (registered == null) {
                return SandboxVerdict.signatureInvalid("the certificate is not registered with customs");
            }
            if (!signature.checkSignatureValue(registered)) {
                return SandboxVerdict.signatureInvalid("the signature does not verify");
            }
        } catch (Exception e) {
            return SandboxVerdict.signatureInvalid(e.getClass().getSimpleName());
        }
        return faults.rejectAll() ? SandboxVerdict.rejected("rejected by the sandbox's fault setting")
                : SandboxVerdict.accepted(guid);
    }

    static String schemaSet(String messageType) {
        return switch (messageType) {
            case "CEB303", "CEB403", "CEB505", "CEB507", "CEB509", "CEB603", "CEB605", "CEB607", "CEB701", "CEB213",
                    "CEB215" -> "ceb-202205-export";
            default -> "ceb-202205-import";
        };
    }

    /** The certificate in KeyInfo, parsed with BouncyCastle (the JDK cannot parse SM2 certificates). */
    private static X509Certificate certificateOf(KeyInfo keyInfo) throws Exception {
        if (keyInfo == null || keyInfo.lengthX509Data() == 0 || keyInfo.itemX509Data(0).lengthCertificate() == 0) {
            return null;
        }
        byte[] der = keyInfo.itemX509Data(0).itemCertificate(0).getCertificateBytes();
        return (X509Certificate) CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    private List<X509Certificate> registered() throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        Path dir = properties.certificatesDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return certificates;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509", new BouncyCastleProvider());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path pem : files.filter(f -> f.toString().endsWith(".pem")).toList()) {
                try (InputStream in = Files.newInputStream(pem)) {
                    for (var c : factory.generateCertificates(in)) {
                        certificates.add((X509Certificate) c);
                    }
                } catch (GeneralSecurityException e) {
                    // not a certificate (a key file beside them): skip
                }
            }
        }
        return certificates;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            return new byte[0];
        }
    }
}
