package dev.customsgateway.signing;

import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.SecureXml;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs a customs message in place with the merchant's key: enveloped XML-DSig over the whole document
 * ({@code Reference URI=""}), inclusive C14N without comments, {@code KeyName} = certificate serial in hex and
 * the certificate in {@code X509Data} (GACC 202205 section 6). The signature goes where the schema expects it:
 * last in import messages, before {@code ExtendMessage} in export messages. Used by the {@code pipeline-order}
 * route after mapping; records the signed XML in the message log.
 */
@Component("xmlSigner")
class XmlSigner {

    private static final String CEB_NS = "http://www.chinaport.gov.cn/ceb";

    static {
        Santuario.init();
    }

    private final SigningKeys keys;
    private final MessageLog messageLog;

    XmlSigner(SigningKeys keys, MessageLog messageLog) {
        this.keys = keys;
        this.messageLog = messageLog;
    }

    public CustomsMessage sign(CustomsMessage message) throws XMLSecurityException {
        Merchant merchant = message.origin().merchant();
        SignatureProfile profile = SignatureProfile.valueOf(merchant.signatureProfile());
        SigningKeys.SigningKey key = keys.get(merchant.signingKeyAlias());
        sign(message.document(), profile, key, message.schemaSet().endsWith("-export"));
        messageLog.recordMessage(message, LogStage.SIGNED, "signed-xml", SecureXml.serialize(message.document()));
        return message;
    }

    static void sign(Document document, SignatureProfile profile, SigningKeys.SigningKey key, boolean beforeExtend)
            throws XMLSecurityException {
        XMLSignature signature = new XMLSignature(document, "", profile.signatureUri, SignatureProfile.C14N);
        place(document.getDocumentElement(), signature.getElement(), beforeExtend);
        Transforms transforms = new Transforms(document);
        transforms.addTransform(SignatureProfile.ENVELOPED);
        signature.addDocument("", transforms, profile.digestUri);
        signature.getKeyInfo().addKeyName(key.certificate().getSerialNumber().toString(16));
        X509Data x509 = new X509Data(document);
        x509.addCertificate(key.certificate());
        signature.getKeyInfo().add(x509);
        signature.sign(key.privateKey());
    }

    private static void place(Element root, Element signature, boolean beforeExtend) {
        Node extend = beforeExtend ? lastChild(root, "ExtendMessage") : null;
        root.insertBefore(signature, extend);
    }

    private static Node lastChild(Element root, String localName) {
        for (Node n = root.getLastChild(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && CEB_NS.equals(e.getNamespaceURI())) {
                return n;
            }
        }
        return null;
    }
}
