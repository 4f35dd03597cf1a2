package dev.customsgateway.signing;

import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.utils.XMLUtils;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The one verifier of customs signatures: our own output before delivery, passthrough documents, the command
 * line. The key is always the trusted certificate the caller expects for that declarant, never one found in the
 * document; KeyInfo must name that same certificate. Structure and algorithms are checked first
 * ({@link SignatureShape}), then Santuario verifies with secure validation on. SHA-1 passes only inside
 * {@code CN_RSA_SHA1} and an explicitly allowed {@code CN_SM2_COMPAT}.
 */
@Component("xmlSignatureVerifier")
class XmlSignatureVerifier {

    /** Every profile but the tolerated legacy SM2 form, which must be allowed explicitly. */
    static final Set<SignatureProfile> DEFAULT_ALLOWED =
            EnumSet.complementOf(EnumSet.of(SignatureProfile.CN_SM2_COMPAT));

    static {
        Santuario.init();
    }

    private final Clock clock;
    private final SignatureOptions options;
    private final SigningKeys keys;

    XmlSignatureVerifier(Clock clock, SigningProperties properties, SigningKeys keys) {
        this.clock = clock;
        this.options = properties.signatureOptions();
        this.keys = keys;
    }

    /**
     * Checks a message the gateway signed against the merchant's own certificate, before it leaves; a message of
     * an unsigned family (the UK declarations) passes.
     */
    public CustomsMessage verify(CustomsMessage message) {
        if (!message.requiresSignature()) {
            return message; // nothing to verify: the family is not signed
        }
        try {
            verify(message.document(), keys.get(message.origin().merchant().signingKeyAlias()).certificate(),
                    DEFAULT_ALLOWED);
        } catch (SignatureRejectedException e) {
            // in the pipeline a bad signature (a merchant's own, in passthrough) rejects the order, saying why
            throw new dev.customsgateway.core.OrderRejectedException(java.util.List.of(new dev.customsgateway.core
                    .RowError(message.origin().sourceRow(), "Signature", null, "SIGNATURE_INVALID",
                            "the signature does not verify against the merchant's registered certificate: "
                                    + e.getMessage())));
        }
        return message;
    }

    /** Parses untrusted bytes (no DOCTYPE, no external entities) and verifies them. */
    VerifiedSignature verify(byte[] xml, X509Certificate trusted, Set<SignatureProfile> allowed) {
        Document document;
        try {
            document = SecureXml.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new SignatureRejectedException("not acceptable XML: " + e.getMessage(), e);
        }
        return verify(document, trusted, allowed);
    }

    VerifiedSignature verify(Document document, X509Certificate trusted, Set<SignatureProfile> allowed) {
        Element element = SignatureShape.signatureOf(document);
        SignatureProfile profile = SignatureShape.profile(element, allowed);
        try {
            profile.requireKey(trusted.getPublicKey(), "the trusted certificate's key");
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(e.getMessage(), e);
        }
        requireValid(trusted, clock.instant());
        KeyInfoCheck.requireNames(element, trusted);
        try {
            XMLSignature signature = new XMLSignature(element, "", true);
            if (profile.isSm2()) {
                signature.getSignedInfo().getSignatureAlgorithm().setParameter(options.sm2Parameters());
            }
            if (!signature.checkSignatureValue(trusted.getPublicKey())) {
                throw new SignatureRejectedException(signature.getSignedInfo().item(0).verify()
                        ? "the signature value does not verify with the trusted key"
                        : "the content changed after signing (digest does not match)");
            }
        } catch (XMLSecurityException e) {
            throw new SignatureRejectedException("the signature cannot be verified: " + e.getMessage(), e);
        }
        return new VerifiedSignature(profile, trusted);
    }

    private static void requireValid(X509Certificate trusted, Instant now) {
        if (now.isAfter(trusted.getNotAfter().toInstant())) {
            throw new SignatureRejectedException("the signer's certificate expired on "
                    + trusted.getNotAfter().toInstant());
        }
        if (now.isBefore(trusted.getNotBefore().toInstant())) {
            throw new SignatureRejectedException("the signer's certificate is not valid before "
                    + trusted.getNotBefore().toInstant());
        }
    }

    /** A signature that verified: which profile, with which trusted certificate. */
    record VerifiedSignature(SignatureProfile profile, X509Certificate certificate) {
        @Override
        public String toString() {
            return profile + " by " + certificate.getSubjectX500Principal().getName() + " (serial "
                    + certificate.getSerialNumber().toString(16) + ")";
        }
    }

    /** KeyInfo is not signed: it may only repeat the trusted certificate, never point elsewhere. */
    static final class KeyInfoCheck {
        private KeyInfoCheck() {
        }

        static void requireNames(Element signature, X509Certificate trusted) {
            for (Element keyInfo : SignatureShape.children(signature, "KeyInfo")) {
                for (Element name : SignatureShape.children(keyInfo, "KeyName")) {
                    if (!SignatureOptions.KeyNameFormat.names(name.getTextContent(), trusted.getSerialNumber())) {
                        throw new SignatureRejectedException("KeyInfo names another certificate (KeyName "
                                + name.getTextContent().strip() + ") than the trusted one");
                    }
                }
                for (Element data : SignatureShape.children(keyInfo, "X509Data")) {
                    for (Element certificate : SignatureShape.children(data, "X509Certificate")) {
                        requireSame(certificate, trusted);
                    }
                }
            }
        }

        private static void requireSame(Element certificate, X509Certificate trusted) {
            try {
                byte[] encoded = XMLUtils.decode(certificate.getTextContent());
                if (!Arrays.equals(encoded, trusted.getEncoded())) {
                    X509Certificate other = Certificates.parse(encoded);
                    throw new SignatureRejectedException("KeyInfo carries another certificate ("
                            + other.getSubjectX500Principal().getName() + ", serial "
                            + other.getSerialNumber().toString(16) + ") than the trusted one");
                }
            } catch (CertificateEncodingException e) {
                throw new SignatureRejectedException("the trusted certificate cannot be encoded", e);
            } catch (CertificateException | IllegalArgumentException e) {
                throw new SignatureRejectedException("KeyInfo carries a certificate that cannot be read", e);
            }
        }
    }
}
