package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.ExternalTool;
import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.w3c.dom.Document;

/**
 * A declarant's key life cycle as an operator runs it: generate a key and a certificate request, have a
 * certificate authority (OpenSSL here) issue the certificate, import it, sign with it, and let xmlsec1 verify the
 * signature up to the authority's root. A certificate for another key, or a second generate, changes nothing.
 */
class KeysCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private SigningProperties properties;
    private KeysCommand keys;

    @BeforeEach
    void emptyStore() {
        properties = new SigningProperties(dir.resolve("signing.p12"), dir.resolve("signing.p12.password"), false,
                Map.of(), dir, null, null, null, null, Duration.ofSeconds(10), null);
        keys = new KeysCommand(properties, new MockEnvironment());
    }

    @Test
    void generatesARequestImportsTheIssuedCertificateAndSignsWithIt() throws Exception {
        assertThat(run("generate", "declarant", "--type=RSA", "--subject=CN=Declarant Ltd,O=Shop,C=CN")).isZero();
        Path request = dir.resolve("declarant.csr");
        tool("openssl", "req", "-in", request.toString(), "-verify", "-noout");
        tool("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", file("ca.key"), "-out",
                file("ca.pem"), "-subj", "/CN=Test Customs CA", "-days", "2");
        tool("openssl", "x509", "-req", "-in", request.toString(), "-CA", file("ca.pem"), "-CAkey", file("ca.key"),
                "-CAcreateserial", "-out", file("issued.pem"), "-days", "30");

        assertThat(run("import-cert", "declarant", file("issued.pem"))).isZero();
        assertThat(run("list")).isZero();
        assertThat(output()).contains("declarant", "RSA", "CN=Declarant Ltd,O=Shop,C=CN");

        SigningKeys signingKeys = new SigningKeys(properties, Clock.systemUTC());
        XmlSigner signer = new XmlSigner(signingKeys, new CertificateValidity(Clock.systemUTC(), properties, entry -> { }),
                properties, null);
        Document document = Ceb311Fixture.document();
        signer.sign(document, "declarant", SignatureProfile.RSA_SHA256, false);
        Files.write(dir.resolve("signed.xml"), SecureXml.serialize(document));
        tool("xmlsec1", "--verify", "--trusted-pem", file("ca.pem"), file("signed.xml"));
    }

    @Test
    void listingWithoutAKeyStoreCreatesNothing() throws Exception {
        assertThat(run("list")).isEqualTo(1);
        assertThat(output()).contains("no key store at");
        assertThat(dir.resolve("signing.p12.password")).doesNotExist();
        assertThat(dir.resolve("signing.p12")).doesNotExist();
    }

    @Test
    void refusesACertificateForAnotherKeyAndLeavesTheStoreAsItWas() throws Exception {
        run("generate", "declarant", "--type=RSA", "--subject=CN=Declarant Ltd");
        tool("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", file("other.key"), "-out",
                file("other.pem"), "-subj", "/CN=Someone Else", "-days", "2");
        byte[] before = Files.readAllBytes(dir.resolve("signing.p12"));

        assertThatThrownBy(() -> run("import-cert", "declarant", file("other.pem")))
                .hasMessageContaining("certifies another key").hasMessageContaining("nothing changed");
        assertThatThrownBy(() -> run("generate", "declarant", "--type=SM2", "--subject=CN=Again"))
                .hasMessageContaining("already has a key 'declarant'");
        assertThat(Arrays.equals(before, Files.readAllBytes(dir.resolve("signing.p12")))).isTrue();
    }

    @Test
    void anSm2RequestIsSignedWithSm3AndItsOwnKey() throws Exception {
        assertThat(run("generate", "sm2-declarant", "--type=SM2", "--subject=CN=SM2 Declarant,C=CN",
                "--out", file("sm2.csr"))).isZero();
        try (Reader reader = Files.newBufferedReader(dir.resolve("sm2.csr"), StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(reader)) {
            PKCS10CertificationRequest request = (PKCS10CertificationRequest) pem.readObject();
            assertThat(request.getSubject().toString()).isEqualTo("CN=SM2 Declarant,C=CN");
            assertThat(request.getSignatureAlgorithm().getAlgorithm().getId()).as("SM3withSM2")
                    .isEqualTo("1.2.156.10197.1.501");
            assertThat(request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.provider()).build(request.getSubjectPublicKeyInfo()))).isTrue();
        }
    }

    private int run(String... args) throws Exception {
        return keys.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void tool(String... command) throws Exception {
        ExternalTool.Result result = ExternalTool.run(List.of(command));
        assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
    }
}
