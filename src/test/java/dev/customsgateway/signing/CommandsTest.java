package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** {@code sign} and {@code verify} as an operator runs them, on the development keys. */
class CommandsTest {

    @TempDir
    Path dir;

    private final MockEnvironment environment = new MockEnvironment();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private SignCommand sign;
    private VerifyCommand verify;

    @BeforeEach
    void commands() throws Exception {
        SigningProperties properties = new SigningProperties(dir.resolve("signing.p12"),
                dir.resolve("signing.p12.password"), true, Map.of("demo-sm2", KeyType.SM2, "demo-ec", KeyType.EC_P256),
                dir, null, null, null, null, Duration.ofSeconds(10), null);
        SigningKeys keys = new SigningKeys(properties, Clock.systemUTC());
        XmlSigner signer = new XmlSigner(keys, new CertificateValidity(Clock.systemUTC(), properties, entry -> { }), properties,
                null);
        sign = new SignCommand(signer, environment);
        verify = new VerifyCommand(new XmlSignatureVerifier(Clock.systemUTC(), properties, keys), environment);
        Files.write(dir.resolve("order.xml"), Ceb311Fixture.bytes());
    }

    @Test
    void signsWithTheDefaultSm2ProfileAndVerifiesWithThePem() throws Exception {
        assertThat(run(sign, file("order.xml"), "--alias", "demo-sm2")).isZero();
        assertThat(output()).contains("with CN_SM2_SM3");

        assertThat(run(verify, file("order.xml.signed.xml"), "--cert", file("demo-sm2.pem"))).isZero();
        assertThat(output()).startsWith("OK CN_SM2_SM3");
    }

    @Test
    void takesOptionsTheEntryPointGaveToSpring() throws Exception {
        environment.setProperty("alias", "demo-ec");
        environment.setProperty("profile", "ECDSA_P256_SHA256");

        assertThat(run(sign, file("order.xml"), "--out", file("ec.xml"))).isZero();
        assertThat(run(verify, file("ec.xml"), "--cert=" + file("demo-ec.pem"))).isZero();
        assertThat(output()).contains("OK ECDSA_P256_SHA256");
    }

    @Test
    void verifyPrintsTheReasonAndExitsOneForATamperedFile() throws Exception {
        run(sign, file("order.xml"), "--alias", "demo-sm2");
        Path signed = dir.resolve("order.xml.signed.xml");
        Files.writeString(signed, Files.readString(signed).replace("张三", "李四"));

        assertThat(run(verify, file("order.xml.signed.xml"), "--cert", file("demo-sm2.pem"))).isEqualTo(1);
        assertThat(output()).contains("REJECTED the content changed after signing");
        assertThat(run(verify, file("order.xml.signed.xml"), "--cert", file("demo-ec.pem"))).isEqualTo(1);
        assertThat(output()).contains("needs a SM2 key");
    }

    private int run(dev.customsgateway.core.GatewayCommand command, String... args) throws Exception {
        out.reset();
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
