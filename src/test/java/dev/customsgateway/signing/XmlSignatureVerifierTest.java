package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.SecureXml;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The attacks on an enveloped customs signature, each by name, and the genuine case they are measured against. */
class XmlSignatureVerifierTest {

    private static final String DS = EnvelopedSigner.DS_NS;
    private static final Set<SignatureProfile> ALLOWED = XmlSignatureVerifier.DEFAULT_ALLOWED;

    private final XmlSignatureVerifier verifier = TestSigning.verifier();
    private final DevelopmentKeys.Issued declarant = TestKeys.valid(KeyType.SM2);

    @Test
    void acceptsTheGenuineSignature() {
        var verified = verifier.verify(signedBy(declarant), declarant.certificate(), ALLOWED);

        assertThat(verified.profile()).isEqualTo(SignatureProfile.CN_SM2_SM3);
    }

    @Test
    void rejectsContentChangedAfterSigning() {
        Document document = TestSigning.parse(signedBy(declarant));
        first(document, "http://www.chinaport.gov.cn/ceb", "acturalPaid").setTextContent("1");

        assertRejected(document, declarant.certificate(), "content changed after signing");
    }

    @Test
    void rejectsWrappedSignature() {
        // the signed message moved inside a new root, with its signature beside it
        Document wrapped = TestSigning.parse(signedBy(declarant));
        Element original = wrapped.getDocumentElement();
        Element evil = wrapped.createElementNS("urn:evil", "evil:Envelope");
        wrapped.replaceChild(evil, original);
        evil.appendChild(original);
        evil.appendChild(first(wrapped, DS, "Signature"));
        assertRejected(wrapped, declarant.certificate(), "content changed after signing");

        // the signature moved deeper: the enveloped digest still matches, the placement does not
        Document moved = TestSigning.parse(signedBy(declarant));
        first(moved, "http://www.chinaport.gov.cn/ceb", "OrderHead").appendChild(first(moved, DS, "Signature"));
        assertRejected(moved, declarant.certificate(), "not a child of the document root");

        // a second signature added beside the genuine one
        Document duplicated = TestSigning.parse(signedBy(declarant));
        Element copy = (Element) first(duplicated, DS, "Signature").cloneNode(true);
        duplicated.getDocumentElement().appendChild(copy);
        assertRejected(duplicated, declarant.certificate(), "exactly one ds:Signature, found 2");

        // a reference to a part of the document instead of the whole
        Document partial = TestSigning.parse(signedBy(declarant));
        first(partial, DS, "Reference").setAttribute("URI", "#order");
        assertRejected(partial, declarant.certificate(), "must cover the whole document");
    }

    @Test
    void rejectsUntrustedKey() {
        DevelopmentKeys.Issued attacker = TestKeys.valid(KeyType.SM2, "attacker");
        assertRejected(TestSigning.parse(signedBy(attacker)), declarant.certificate(),
                "KeyInfo names another certificate");

        // without a KeyInfo to give it away, the trusted key itself refuses the signature
        Document bare = TestSigning.parse(signedBy(attacker));
        Element keyInfo = first(bare, DS, "KeyInfo");
        keyInfo.getParentNode().removeChild(keyInfo);
        assertRejected(bare, declarant.certificate(), "signature value does not verify with the trusted key");
    }

    @Test
    void rejectsSwappedKeyInfo() {
        // the attacker signs with their key but shows the declarant's certificate
        DevelopmentKeys.Issued attacker = TestKeys.valid(KeyType.SM2, "attacker");
        Document forged = TestSigning.parse(signedBy(attacker));
        replaceKeyInfo(forged, declarant.certificate());
        assertRejected(forged, declarant.certificate(), "signature value does not verify with the trusted key");

        // a genuine signature whose (unsigned) KeyInfo now names another certificate
        Document swapped = TestSigning.parse(signedBy(declarant));
        replaceKeyInfo(swapped, attacker.certificate());
        assertRejected(swapped, declarant.certificate(), "KeyInfo");
    }

    @Test
    void rejectsExpiredCertificate() {
        DevelopmentKeys.Issued expired = TestKeys.expired(KeyType.SM2);
        Instant whenValid = expired.certificate().getNotAfter().toInstant().minusSeconds(86_400);
        byte[] signedThen = signedBy(expired);

        var thenVerifier = TestSigning.verifier(Clock.fixed(whenValid, ZoneOffset.UTC), SignatureOptions.DEFAULTS);
        assertThat(thenVerifier.verify(signedThen, expired.certificate(), ALLOWED)).isNotNull();
        assertThatThrownBy(() -> verifier.verify(signedThen, expired.certificate(), ALLOWED))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("certificate expired on");
    }

    @Test
    void rejectsAlgorithmDowngrade() throws Exception {
        DevelopmentKeys.Issued rsa = TestKeys.valid(KeyType.RSA);
        DevelopmentKeys.Issued ec = TestKeys.valid(KeyType.EC_P256);
        String sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";

        // Santuario will not even sign with MD5, so the attacker edits the algorithm attributes
        Document md5 = signWith(rsa, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, sha1);
        first(md5, DS, "SignatureMethod").setAttribute("Algorithm",
                XMLSignature.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5);
        first(md5, DS, "DigestMethod").setAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#md5");
        assertRejected(md5, rsa.certificate(), "algorithms not allowed");
        assertRejected(signWith(ec, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA1, sha1), ec.certificate(),
                "algorithms not allowed");
        assertRejected(signWith(rsa, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, sha1), rsa.certificate(),
                "algorithms not allowed");
        // the tolerated legacy SM2 form (SHA-1 digest) passes only where explicitly allowed
        Document compat = TestSigning.parse(TestSigning.signed(SignatureProfile.CN_SM2_COMPAT));
        assertRejected(compat, TestKeys.valid(KeyType.SM2).certificate(), "CN_SM2_COMPAT is not allowed here");
        // and a destination that wants SM2 only does not take the RSA profile
        Document rsaSha1 = TestSigning.parse(TestSigning.signed(SignatureProfile.CN_RSA_SHA1));
        assertThatThrownBy(() -> verifier.verify(rsaSha1, rsa.certificate(), EnumSet.of(SignatureProfile.CN_SM2_SM3)))
                .hasMessageContaining("CN_RSA_SHA1 is not allowed here");
        assertThat(verifier.verify(TestSigning.parse(TestSigning.signed(SignatureProfile.CN_RSA_SHA1)),
                rsa.certificate(), ALLOWED).profile()).isEqualTo(SignatureProfile.CN_RSA_SHA1);
    }

    @Test
    void rejectsDoctype() {
        String signed = new String(signedBy(declarant), StandardCharsets.UTF_8);
        int rootStart = signed.indexOf("<ns2:CEB311Message") >= 0 ? signed.indexOf("<ns2:CEB311Message")
                : signed.indexOf("<", signed.indexOf("?>"));
        String withDoctype = signed.substring(0, rootStart)
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + signed.substring(rootStart);

        assertThatThrownBy(() -> verifier.verify(withDoctype.getBytes(StandardCharsets.UTF_8),
                declarant.certificate(), ALLOWED))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("DOCTYPE");
    }

    private void assertRejected(Document document, X509Certificate trusted, String reason) {
        assertThatThrownBy(() -> verifier.verify(document, trusted, ALLOWED))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining(reason);
    }

    private static byte[] signedBy(DevelopmentKeys.Issued key) {
        return TestSigning.signed(SignatureProfile.CN_SM2_SM3, key, SignatureOptions.DEFAULTS);
    }

    /** Signs with any algorithm pair, as an attacker's tool would; the gateway's signer refuses these. */
    private static Document signWith(DevelopmentKeys.Issued key, String signatureUri, String digestUri)
            throws Exception {
        Document document = Ceb311Fixture.document();
        XMLSignature signature = new XMLSignature(document, "", signatureUri, SignatureProfile.C14N);
        document.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(SignatureProfile.ENVELOPED);
        signature.addDocument("", transforms, digestUri);
        signature.addKeyInfo(key.certificate());
        signature.sign(key.pair().getPrivate());
        return TestSigning.parse(SecureXml.serialize(document));
    }

    private static void replaceKeyInfo(Document document, X509Certificate certificate) {
        try {
            Element keyName = first(document, DS, "KeyName");
            keyName.setTextContent(certificate.getSerialNumber().toString(16));
            first(document, DS, "X509Certificate").setTextContent(
                    java.util.Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element first(Document document, String namespace, String localName) {
        Node node = document.getElementsByTagNameNS(namespace, localName).item(0);
        assertThat(node).as(localName).isNotNull();
        return (Element) node;
    }
}
