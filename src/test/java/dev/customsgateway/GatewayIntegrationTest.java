package dev.customsgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the running gateway: the real application on a random HTTP port, H2 and the
 * content store under one temporary data folder. All subclasses share this one configuration, so Spring starts
 * one context for the whole suite (a second one would start a second set of servers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    /** The data folder of the shared test gateway. */
    protected static final Path DATA_DIR = createDataDir();
    /** Certificates of the receipt callback's mutual-TLS port (a source presents the client one). */
    protected static final TestCertificates CALLBACK_TLS = createCertificates();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", DATA_DIR::toString);
        registry.add("gateway.intake.recovery-delay-ms", () -> "0");
        // customs outages in tests last seconds, not minutes
        registry.add("gateway.delivery.poll-interval-ms", () -> "100");
        registry.add("gateway.delivery.destinations.sandbox.initial-backoff", () -> "200ms");
        registry.add("gateway.delivery.destinations.sandbox.circuit-open-for", () -> "1s");
        registry.add("gateway.delivery.destinations.sandbox.max-attempts", () -> "4");
        registry.add("gateway.sandbox.latency", () -> "50ms");
        registry.add("gateway.intake.sftp.port", () -> "0"); // 0: the SFTP server binds a free port
        // the receipt callback's mutual-TLS port, and a source that authenticates with its client certificate
        registry.add("gateway.receipts.callback-tls.port", () -> "0");
        registry.add("gateway.receipts.callback-tls.key-store", CALLBACK_TLS.serverKeyStore::toString);
        registry.add("gateway.receipts.callback-tls.key-store-password-file", CALLBACK_TLS.passwordFile::toString);
        registry.add("gateway.receipts.callback-tls.trust-store", CALLBACK_TLS.trustStore::toString);
        registry.add("gateway.receipts.callback-tls.trust-store-password-file", CALLBACK_TLS.passwordFile::toString);
        registry.add("gateway.receipts.sources.customs-mtls.client-certificate-subject",
                () -> "O=Customs Gateway,CN=gateway-client"); // RFC 2253 order (the certificate was built CN first)
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The demo merchant's API key, issued on first start of the test gateway. */
    protected static String demoApiKey() {
        try {
            return Files.readString(DATA_DIR.resolve("demo-merchant.api-key")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestCertificates createCertificates() {
        try {
            return new TestCertificates(Files.createTempDirectory(DATA_DIR, "callback-tls-"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("gateway-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
