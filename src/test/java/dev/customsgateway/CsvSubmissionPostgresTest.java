package dev.customsgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same end-to-end path on the production profile, against a real PostgreSQL: the one the test command
 * ({@code .ci/test.sh}) starts on loopback and names in {@code GATEWAY_TEST_POSTGRES_URL}, so both databases
 * stay supported with one set of migrations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class CsvSubmissionPostgresTest implements CsvSubmissionScenarios {

    private static final Path DATA = tempDir();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> required("GATEWAY_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> required("GATEWAY_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> required("GATEWAY_TEST_POSTGRES_PASSWORD"));
        registry.add("gateway.data-dir", DATA::toString);
        registry.add("gateway.signing.development-keys", () -> "true");
        registry.add("gateway.sandbox.enabled", () -> "true");
        registry.add("gateway.intake.sftp.port", () -> "0"); // a free port: never a fixed one in tests
        registry.add("gateway.intake.recovery-delay-ms", () -> "0");
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Path dataDir() {
        return DATA;
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run the tests with `bash .ci/test.sh`, "
                    + "which starts PostgreSQL on loopback and sets it");
        }
        return value;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gateway-pg-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
