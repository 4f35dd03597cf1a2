package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proof by tools that share no code with the gateway: {@code xmlsec1} for RSA and ECDSA, OpenSSL 3 with
 * {@code xmlstarlet} for SM2-SM3 (xmlsec1 has no SM2). The commands are the ones the README gives operators.
 * The test script installs {@code xmlsec1} and {@code xmlstarlet}; OpenSSL 3 is part of the base image.
 */
class IndependentVerificationTest {

    /** SignedInfo with its attributes and inherited namespace nodes, selected without the quadratic //. */
    private static final String SIGNED_INFO_XPATH = """
            <XPath xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
            (/*/ds:Signature/ds:SignedInfo/descendant-or-self::node()
             | /*/ds:Signature/ds:SignedInfo/descendant-or-self::*/@*
             | /*/ds:Signature/ds:SignedInfo/descendant-or-self::*/namespace::*)
            </XPath>
            """;

    /** The README recipe: digest of the document without its signature, then the SignedInfo signature. */
    private static final String SM2_RECIPE = """
            set -e
            DS=http://www.w3.org/2000/09/xmldsig#
            openssl x509 -in cert.pem -pubkey -noout > pub.pem
            xmlstarlet ed -P -N ds=$DS -d /*/ds:Signature signed.xml > unsigned.xml
            digest=$(xmlstarlet c14n --without-comments unsigned.xml | openssl dgst -sm3 -binary | openssl base64 -A)
            expected=$(xmlstarlet sel -T -N ds=$DS -t -v //ds:Reference/ds:DigestValue signed.xml)
            [ "$digest" = "$expected" ] || { echo "digest mismatch: $digest vs $expected"; exit 3; }
            xmlstarlet c14n --without-comments signed.xml signedinfo.xpath > si.c14n
            xmlstarlet sel -T -N ds=$DS -t -v //ds:SignatureValue signed.xml | openssl base64 -d -A > sig.der
            openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -digest sm3 \\
                -pkeyopt distid:${DISTID:-1234567812345678} -in si.c14n -sigfile sig.der
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SignatureProfile.class, names = {"CN_RSA_SHA1", "RSA_SHA256", "ECDSA_P256_SHA256"})
    void xmlsec1VerifiesRsaAndEcdsaSignatures(SignatureProfile profile) throws Exception {
        write(profile, TestSigning.signed(profile));

        Result genuine = run("xmlsec1 --verify --trusted-pem cert.pem signed.xml");
        assertThat(genuine.exit()).as(genuine.output()).isZero();
        assertThat(genuine.output()).contains("OK");

        tamper();
        Result tampered = run("xmlsec1 --verify --trusted-pem cert.pem signed.xml");
        assertThat(tampered.exit()).as(tampered.output()).isNotZero();
    }

    @Test
    void openSslAndXmlstarletVerifySm2Sm3Signatures() throws Exception {
        write(SignatureProfile.CN_SM2_SM3, TestSigning.signed(SignatureProfile.CN_SM2_SM3));

        Result genuine = run(SM2_RECIPE);
        assertThat(genuine.exit()).as(genuine.output()).isZero();
        assertThat(genuine.output()).contains("Signature Verified Successfully");

        Result wrongId = run("DISTID=1234567812345679\n" + SM2_RECIPE);
        assertThat(wrongId.exit()).as(wrongId.output()).isNotZero();
        assertThat(wrongId.output()).doesNotContain("digest mismatch");

        tamper();
        Result tampered = run(SM2_RECIPE);
        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(3);
    }

    @Test
    void openSslRejectsSm2SignatureByAnotherKey() throws Exception {
        DevelopmentKeys.Issued other = TestKeys.valid(KeyType.SM2, "other");
        write(SignatureProfile.CN_SM2_SM3,
                TestSigning.signed(SignatureProfile.CN_SM2_SM3, other, SignatureOptions.DEFAULTS));

        Result result = run(SM2_RECIPE);

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).doesNotContain("digest mismatch");
    }

    /**
     * Signing reuses a signature object initialised for the key and distinguishing id on each thread: signatures
     * made one after another on one thread, switching ids and keys, must each verify with its own id and key.
     */
    @Test
    void openSslVerifiesSm2SignaturesMadeInARowWithSwitchingIdsAndKeys() throws Exception {
        DevelopmentKeys.Issued usual = TestKeys.validFor(SignatureProfile.CN_SM2_SM3);
        DevelopmentKeys.Issued other = TestKeys.valid(KeyType.SM2, "other");
        SignatureOptions otherId = new SignatureOptions(SignatureOptions.DEFAULTS.keyName(),
                SignatureOptions.DEFAULTS.sm2Encoding(), "ALICE123@YAHOO.COM");
        record Case(DevelopmentKeys.Issued key, SignatureOptions options) {
        }
        List<Case> cases = List.of(new Case(usual, SignatureOptions.DEFAULTS), new Case(usual, SignatureOptions.DEFAULTS),
                new Case(usual, otherId), new Case(usual, SignatureOptions.DEFAULTS), new Case(other, otherId),
                new Case(other, SignatureOptions.DEFAULTS), new Case(usual, otherId));
        for (Case c : cases) {
            Files.write(dir.resolve("signed.xml"), TestSigning.signed(SignatureProfile.CN_SM2_SM3, c.key(), c.options()));
            DevelopmentKeys.writePem(dir.resolve("cert.pem"), c.key().certificate());
            Files.writeString(dir.resolve("signedinfo.xpath"), SIGNED_INFO_XPATH);

            Result result = run("DISTID=" + c.options().sm2DistinguishingId() + "\n" + SM2_RECIPE);

            assertThat(result.exit()).as(c + ": " + result.output()).isZero();
        }
    }

    private void write(SignatureProfile profile, byte[] signed) throws IOException {
        Files.write(dir.resolve("signed.xml"), signed);
        DevelopmentKeys.writePem(dir.resolve("cert.pem"), TestKeys.validFor(profile).certificate());
        Files.writeString(dir.resolve("signedinfo.xpath"), SIGNED_INFO_XPATH);
    }

    /** Changes the amount paid, as a tampering intermediary would. */
    private void tamper() throws IOException {
        Path file = dir.resolve("signed.xml");
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        String changed = xml.replace("<ns2:acturalPaid>19050</ns2:acturalPaid>", "<ns2:acturalPaid>1</ns2:acturalPaid>")
                .replace(">19050<", ">1<");
        assertThat(changed).isNotEqualTo(xml);
        Files.writeString(file, changed, StandardCharsets.UTF_8);
    }

    private Result run(String script) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished: " + script).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
