package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.ExternalTool;
import dev.customsgateway.core.SecureXml;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/**
 * Keys in an HSM: a SoftHSM2 token (installed by the test command) holds an RSA and an ECDSA key that never leave
 * it; the gateway, pointed at the token by label, signs a CEB311 with them through SunPKCS11, and xmlsec1 verifies
 * the result with the certificate read from the token. SoftHSM2 reads its configuration from
 * {@code SOFTHSM2_CONF}, which the build sets for the test JVM to a folder under {@code target/}.
 */
class HsmSigningTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "31415926";
    private static SigningKeys keys;
    private static Path dir;
    private static String label;

    @BeforeAll
    static void tokenWithKeys() throws Exception {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        dir = conf.getParent();
        label = "gw-" + UUID.randomUUID().toString().substring(0, 8);
        // a token folder per run: earlier runs' tokens do not pile up in the slot list
        Path tokens = Files.createDirectories(dir.resolve("tokens-" + label));
        Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath()
                + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        ExternalTool.Result init = ExternalTool.run(List.of("softhsm2-util", "--init-token", "--free", "--label", label,
                "--pin", PIN, "--so-pin", "27182818"));
        assertThat(init.exitCode()).as(init.output()).isZero();
        Matcher slotLine = Pattern.compile("reassigned to slot (\\d+)").matcher(init.output());
        assertThat(slotLine.find()).as(init.output()).isTrue();
        long slot = Long.parseLong(slotLine.group(1));
        Path p11 = dir.resolve(label + ".cfg");
        Files.writeString(p11, "name = test\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n");
        // keytool cannot load SunPKCS11 by name on every JDK build, so the keys are generated on the token here.
        Provider token = Security.getProvider("SunPKCS11").configure(p11.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", token);
        store.load(null, PIN.toCharArray());
        generate(store, token, "hsm-rsa", "RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4),
                "SHA256withRSA");
        generate(store, token, "hsm-ec", "EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA");
        Path pinFile = dir.resolve(label + ".pin");
        Files.writeString(pinFile, PIN);
        Path keyFolder = Files.createTempDirectory("hsm-test-");
        keys = new SigningKeys(new SigningProperties(keyFolder.resolve("signing.p12"), keyFolder.resolve("signing.p12.password"),
                true, Map.of("demo-rsa", KeyType.RSA), keyFolder, null, null, null, null, null,
                new SigningProperties.Hsm(LIBRARY, label, null, pinFile)), Clock.systemUTC());
    }

    @Test
    void anUnknownTokenLabelNamesTheTokensThatExist() {
        assertThatThrownBy(() -> TokenSlots.slotOf(LIBRARY, "no-such-token"))
                .hasMessageContaining("no token labelled 'no-such-token'").hasMessageContaining(label);
    }

    @ParameterizedTest
    @CsvSource({"hsm:hsm-rsa, RSA_SHA256", "hsm:hsm-rsa, CN_RSA_SHA1", "hsm:hsm-ec, ECDSA_P256_SHA256"})
    void signsWithAKeyThatNeverLeavesTheToken(String alias, SignatureProfile profile) throws Exception {
        SigningKeys.SigningKey key = keys.get(alias);
        assertThat(key.privateKey().getEncoded()).as("the private key cannot be read out of the token").isNull();

        Document document = Ceb311Fixture.document();
        EnvelopedSigner.sign(document, profile, key, SignatureOptions.DEFAULTS, false);
        Path signed = dir.resolve(alias.substring(4) + "-" + profile + ".xml");
        Files.write(signed, SecureXml.serialize(document));
        Path certificate = dir.resolve(alias.substring(4) + ".pem");
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(certificate))) {
            pem.writeObject(key.certificate());
        }

        ExternalTool.Result result = ExternalTool.run(List.of("xmlsec1", "--verify", "--trusted-pem",
                certificate.toString(), signed.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static void generate(KeyStore store, Provider token, String alias, String algorithm,
            AlgorithmParameterSpec spec, String signatureAlgorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, token);
        generator.initialize(spec);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + alias + " test HSM key");
        Instant now = Instant.now();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(token).build(pair.getPrivate()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        store.setKeyEntry(alias, pair.getPrivate(), PIN.toCharArray(), new Certificate[] {certificate});
    }

}
