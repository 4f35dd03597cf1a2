package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.Base64;
import java.util.EnumSet;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EnvelopedSignerTest {

    private static final String DS = EnvelopedSigner.DS_NS;

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void signsEveryProfileVerifiably(SignatureProfile profile) {
        DevelopmentKeys.Issued key = TestKeys.validFor(profile);
        byte[] signed = TestSigning.signed(profile);

        var verified = TestSigning.verifier().verify(signed, key.certificate(), EnumSet.allOf(SignatureProfile.class));

        assertThat(verified.profile()).isEqualTo(profile);
        Document document = TestSigning.parse(signed);
        assertThat(text(document, "SignatureMethod", "Algorithm")).isEqualTo(profile.signatureUri);
        assertThat(text(document, "DigestMethod", "Algorithm")).isEqualTo(profile.digestUri);
        assertThat(text(document, "CanonicalizationMethod", "Algorithm")).isEqualTo(SignatureProfile.C14N);
        assertThat(text(document, "Reference", "URI")).isEmpty();
    }

    @Test
    void signedMessageStaysSchemaValidWithSignatureLast() throws Exception {
        byte[] signed = TestSigning.signed(SignatureProfile.CN_SM2_SM3);

        Ceb311Fixture.importSchema().newValidator().validate(new StreamSource(new ByteArrayInputStream(signed)));
        Element root = TestSigning.parse(signed).getDocumentElement();
        Element last = (Element) root.getElementsByTagNameNS(DS, "Signature").item(0);
        assertThat(last.getParentNode()).isSameAs(root);
        assertThat(last.getNextSibling() == null || last.getNextSibling().getNodeType() != 1).isTrue();
    }

    @Test
    void keyNameIsCertificateSerialInHexByDefaultAndDecimalOnRequest() {
        DevelopmentKeys.Issued key = TestKeys.valid(KeyType.SM2);
        BigInteger serial = key.certificate().getSerialNumber();

        String hex = keyName(TestSigning.signed(SignatureProfile.CN_SM2_SM3, key, SignatureOptions.DEFAULTS));
        String decimal = keyName(TestSigning.signed(SignatureProfile.CN_SM2_SM3, key,
                new SignatureOptions(SignatureOptions.KeyNameFormat.DECIMAL, null, null)));

        assertThat(hex).isEqualTo(serial.toString(16));
        assertThat(decimal).isEqualTo(serial.toString());
    }

    @Test
    void sm2SignatureValueIsDerByDefaultAndRawOnRequest() {
        DevelopmentKeys.Issued key = TestKeys.valid(KeyType.SM2);
        byte[] der = signatureValue(TestSigning.signed(SignatureProfile.CN_SM2_SM3, key, SignatureOptions.DEFAULTS));
        byte[] rawSigned = TestSigning.signed(SignatureProfile.CN_SM2_SM3, key,
                new SignatureOptions(null, Sm2SignatureEncoding.RAW, null));

        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(der.length).isBetween(68, 72);
        assertThat(signatureValue(rawSigned)).hasSize(64);
        assertThat(TestSigning.verifier().verify(rawSigned, key.certificate(), XmlSignatureVerifier.DEFAULT_ALLOWED)
                .profile()).isEqualTo(SignatureProfile.CN_SM2_SM3);
    }

    @Test
    void sm2DistinguishingIdIsPartOfTheSignature() {
        DevelopmentKeys.Issued key = TestKeys.valid(KeyType.SM2);
        byte[] signed = TestSigning.signed(SignatureProfile.CN_SM2_SM3, key, SignatureOptions.DEFAULTS);
        var otherId = TestSigning.verifier(java.time.Clock.systemUTC(),
                new SignatureOptions(null, null, "ALICE123@YAHOO.COM"));

        assertThatThrownBy(() -> otherId.verify(signed, key.certificate(), XmlSignatureVerifier.DEFAULT_ALLOWED))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("signature value does not verify");
    }

    @Test
    void refusesKeyThatDoesNotFitTheProfile() {
        Document document = Ceb311Fixture.document();

        assertThatThrownBy(() -> EnvelopedSigner.sign(document, SignatureProfile.CN_SM2_SM3,
                TestKeys.valid(KeyType.RSA).signingKey(), SignatureOptions.DEFAULTS, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CN_SM2_SM3 needs a SM2 key")
                .hasMessageContaining("is RSA");
        assertThatThrownBy(() -> EnvelopedSigner.sign(document, SignatureProfile.ECDSA_P256_SHA256,
                TestKeys.valid(KeyType.SM2).signingKey(), SignatureOptions.DEFAULTS, false))
                .hasMessageContaining("needs a EC_P256 key");
    }

    @Test
    void refusesDocumentSignedAlready() {
        Document document = TestSigning.parse(TestSigning.signed(SignatureProfile.RSA_SHA256));

        assertThatThrownBy(() -> EnvelopedSigner.sign(document, SignatureProfile.RSA_SHA256,
                TestKeys.valid(KeyType.RSA).signingKey(), SignatureOptions.DEFAULTS, false))
                .hasMessageContaining("signed already");
    }

    private static String keyName(byte[] signed) {
        return TestSigning.parse(signed).getElementsByTagNameNS(DS, "KeyName").item(0).getTextContent();
    }

    private static byte[] signatureValue(byte[] signed) {
        return Base64.getMimeDecoder().decode(
                TestSigning.parse(signed).getElementsByTagNameNS(DS, "SignatureValue").item(0).getTextContent());
    }

    private static String text(Document document, String element, String attribute) {
        return ((Element) document.getElementsByTagNameNS(DS, element).item(0)).getAttribute(attribute);
    }
}
