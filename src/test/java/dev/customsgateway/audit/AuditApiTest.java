package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.core.GatewayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The compliance API and the {@code verify-log} command on the running gateway: a real upload goes through
 * the pipeline while the log is verified; the API opens only with the auditor token issued on first start.
 */
class AuditApiTest extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private List<GatewayCommand> commands;

    @Test
    void auditorTokenAndCheckpointKeyAreCreatedOwnerOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(DATA_DIR.resolve("auditor.token")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(DATA_DIR.resolve("keys/audit/checkpoint-key.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(DATA_DIR.resolve("keys/audit/checkpoint-public-key.pem")))
                .startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void verificationRefusesCallersWithoutTheAuditorToken() throws Exception {
        assertThat(get("/api/v1/audit/verification", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/audit/verification", "cga_not-the-token").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/audit/verification", demoApiKey()).statusCode())
                .as("a merchant key does not open the compliance API").isEqualTo(401);
        assertThat(get("/api/v1/audit/checkpoint-key", null).statusCode()).isEqualTo(401);
    }

    @Test
    void verifiesTheLogOfARealUploadOverHttpAndByCommand() throws Exception {
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/submissions"))
                .header("X-API-Key", demoApiKey()).header("X-File-Name", "sample-orders.csv")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/fixtures/orders/sample-orders.csv")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(202);

        // The pipeline may still be appending: verification covers the head it saw and must find nothing wrong.
        HttpResponse<String> report = get("/api/v1/audit/verification", auditorToken());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"intact\":true").contains("\"findings\":[]");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command("verify-log").run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INTACT");
        assertThat(status).isZero();
        assertThat(get("/api/v1/audit/checkpoint-key", auditorToken()).body())
                .startsWith("-----BEGIN PUBLIC KEY-----");
    }

    private GatewayCommand command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String auditorToken() throws Exception {
        return Files.readString(DATA_DIR.resolve("auditor.token")).strip();
    }
}
