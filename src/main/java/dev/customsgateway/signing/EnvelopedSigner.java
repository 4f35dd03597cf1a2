package dev.customsgateway.signing;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML-DSig mechanics, free of Spring and of key stores: an enveloped signature over the whole document
 * ({@code Reference URI=""}), inclusive C14N without comments, {@code KeyName} = certificate serial and the
 * certificate in {@code X509Data} (GACC 202205 section 6). The signature goes where the schema expects it: last
 * in import messages, before {@code ExtendMessage} in export messages. Stateless and thread-safe; the documents
 * are not.
 */
final class EnvelopedSigner {

    static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String CEB_NS = "http://www.chinaport.gov.cn/ceb";

    static {
        Santuario.init();
    }

    private EnvelopedSigner() {
    }

    static void sign(Document document, SignatureProfile profile, SigningKeys.SigningKey key,
            SignatureOptions options, boolean beforeExtend) throws XMLSecurityException {
        profile.requireKey(key.certificate().getPublicKey(),
                "the key of " + key.certificate().getSubjectX500Principal().getName());
        Element root = document.getDocumentElement();
        if (root.getElementsByTagNameNS(DS_NS, "Signature").getLength() > 0) {
            throw new IllegalArgumentException("the document is signed already");
        }
        XMLSignature signature = profile.isSm2()
                ? new XMLSignature(document, "", profile.signatureUri, 0, SignatureProfile.C14N, null,
                        options.sm2Parameters())
                : new XMLSignature(document, "", profile.signatureUri, SignatureProfile.C14N);
        root.insertBefore(signature.getElement(), beforeExtend ? lastChild(root, "ExtendMessage") : null);
        Transforms transforms = new Transforms(document);
        transforms.addTransform(SignatureProfile.ENVELOPED);
        signature.addDocument("", transforms, profile.digestUri);
        signature.getKeyInfo().addKeyName(options.keyName().format(key.certificate().getSerialNumber()));
        X509Data x509 = new X509Data(document);
        x509.addCertificate(key.certificate());
        signature.getKeyInfo().add(x509);
        signature.sign(key.privateKey());
        if (profile.isSm2() && options.sm2Encoding() == Sm2SignatureEncoding.RAW) {
            // SignatureValue is outside SignedInfo, so re-encoding it after signing changes nothing signed
            Element value = XMLUtils.selectDsNode(signature.getElement().getFirstChild(), "SignatureValue", 0);
            value.setTextContent(XMLUtils.encodeToString(Sm2SignatureEncoding.toRaw(signature.getSignatureValue())));
        }
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
