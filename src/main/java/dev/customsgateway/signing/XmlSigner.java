package dev.customsgateway.signing;

import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.SecureXml;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * Signs a customs message in place with the merchant's key and signature profile ({@link EnvelopedSigner} does
 * the XML-DSig). Refuses keys whose certificate is out of its validity period and keys that do not fit the
 * profile. Used by the {@code pipeline-order} route after mapping; records the signed XML in the message log.
 * Messages of a family that is not signed (the UK declarations) pass through unchanged.
 */
@Component("xmlSigner")
class XmlSigner {

    private final SigningKeys keys;
    private final CertificateValidity validity;
    private final SignatureOptions options;
    private final MessageLog messageLog;

    XmlSigner(SigningKeys keys, CertificateValidity validity, SigningProperties properties, MessageLog messageLog) {
        this.keys = keys;
        this.validity = validity;
        this.options = properties.signatureOptions();
        this.messageLog = messageLog;
    }

    public CustomsMessage sign(CustomsMessage message) throws XMLSecurityException {
        if (!message.requiresSignature()) {
            return message; // HMRC declarations are not XML-signed: passed through as mapped
        }
        Merchant merchant = message.origin().merchant();
        sign(message.document(), merchant.signingKeyAlias(), SignatureProfile.named(merchant.signatureProfile()),
                message.schemaSet().endsWith("-export"));
        byte[] signed = SecureXml.serialize(message.document());
        messageLog.recordMessage(message, LogStage.SIGNED, "signed-xml", signed);
        return message.withSerialized(signed); // the outbox stores and sends these very bytes
    }

    /** Signs a document with the key under an alias; also used by the {@code sign} command. */
    void sign(Document document, String alias, SignatureProfile profile, boolean export) throws XMLSecurityException {
        SigningKeys.SigningKey key = keys.get(alias);
        validity.requireUsable(alias, key.certificate());
        EnvelopedSigner.sign(document, profile, key, options, export);
    }
}
