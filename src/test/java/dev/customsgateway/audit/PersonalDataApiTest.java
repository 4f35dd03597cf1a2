package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Personal data at rest and the access record on the running gateway: a real upload through the pipeline leaves
 * no buyer data readable on disk, while the API and the evidence bundle give the plaintext back; every call of the
 * compliance API is recorded with the credential's id (never the token); operators place and release legal holds.
 */
class PersonalDataApiTest extends GatewayIntegrationTest {

    private static final List<String> PERSONAL = List.of("张三", "李四", "13800000001", "110101199003071233",
            "北京市东城区");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private JdbcClient jdbc;

    @Test
    void storedArtefactsHoldNoBuyerDataYetTheApiAndEvidenceGiveItBack() throws Exception {
        GatewayClient client = new GatewayClient(baseUrl());
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("privacy"), "default-csv");
        JsonNode status = client.submitAndAwait(key,
                Files.readAllBytes(Path.of("src/test/resources/fixtures/orders/sample-orders.csv")), "sample-orders.csv");
        String guid = status.get("messages").get(0).get("guid").asString();

        Path store = DATA_DIR.resolve("store");
        try (Stream<Path> files = Files.walk(store)) {
            List<Path> stored = files.filter(Files::isRegularFile).filter(f -> !store.relativize(f).startsWith("tmp"))
                    .toList();
            assertThat(stored).isNotEmpty();
            for (Path file : stored) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1)).as(file.toString()).isEqualTo("CGWE");
                for (String personal : PERSONAL) {
                    assertThat(indexOf(bytes, personal.getBytes(StandardCharsets.UTF_8))).as(file + " holds " + personal)
                            .isNegative();
                }
            }
        }
        assertThat(java.nio.file.Files.getPosixFilePermissions(DATA_DIR.resolve("keys/master.key")))
                .as("the master key is created owner-only on first start, outside the database")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        HttpResponse<String> xml = client.get(key, "/api/v1/messages/" + guid + "/xml", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("张三");

        HttpResponse<byte[]> zip = http.send(auditor("/api/v1/audit/messages/" + guid + "/evidence").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        boolean plaintextInBundle = false;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                plaintextInBundle |= e.getName().startsWith("artefacts/")
                        && indexOf(bytes, "张三".getBytes(StandardCharsets.UTF_8)) >= 0;
            }
        }
        assertThat(plaintextInBundle).as("the bundle's artefacts are decrypted").isTrue();
        assertThat(EvidenceVerifier.verify(new ByteArrayInputStream(zip.body()), null)).isEmpty();
    }

    @Test
    void everyComplianceApiCallIsRecordedWithTheCredentialIdNeverTheToken() throws Exception {
        String token = Files.readString(DATA_DIR.resolve("auditor.token")).strip();
        String credential = jdbc.sql("select id from audit_credential where token_sha256 = ?")
                .param(dev.customsgateway.core.Sha256.hex(token.getBytes(StandardCharsets.US_ASCII)))
                .query(String.class).single();
        assertThat(send(auditor("/api/v1/audit/verification?artefacts=false")).statusCode()).isEqualTo(200);
        assertThat(send(auditor("/api/v1/audit/messages/no-such-guid/evidence")).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/audit/verification"))
                .header("Authorization", "Bearer cga_wrong")).statusCode()).isEqualTo(401);

        HttpResponse<String> access = send(auditor("/api/v1/audit/access?since=2020-01-01T00:00:00Z&credential=" + credential));
        assertThat(access.statusCode()).isEqualTo(200);
        JsonNode records = GatewayClient.json(access.body()).get("access");
        assertThat(records.toString()).contains("GET /api/v1/audit/verification?artefacts=false")
                .contains("GET /api/v1/audit/messages/no-such-guid/evidence").contains(credential)
                .doesNotContain(token);
        assertThat(jdbc.sql("select count(*) from message_log where detail like ?").param("%" + token + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from message_log where stage = 'COMPLIANCE_ACCESS' and correlation_id = ?")
                .param("access:" + credential).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void operatorsPlaceAndReleaseLegalHoldsAndSeeTheRetentionDryRun() throws Exception {
        String operator = Files.readString(DATA_DIR.resolve("operator.token")).strip();
        HttpResponse<String> placed = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/operator/legal-holds"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"merchantId\":\"demo\",\"reason\":\"customs inquiry 2026-301\"}")));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = GatewayClient.json(placed.body()).get("id").asString();
        assertThat(send(auditor("/api/v1/audit/legal-holds")).body()).contains(id).contains("customs inquiry 2026-301");
        HttpResponse<String> plan = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/operator/retention"))
                .header("Authorization", "Bearer " + operator));
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(plan.body()).contains("\"dryRun\":true");

        assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/operator/legal-holds/" + id))
                .header("Authorization", "Bearer " + operator).DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/operator/legal-holds/" + id))
                .header("Authorization", "Bearer " + operator).DELETE()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select detail from message_log where stage in ('LEGAL_HOLD_SET', 'LEGAL_HOLD_RELEASED')"
                + " and detail like ? order by seq").param("hold " + id + "%").query(String.class).list())
                .hasSize(2).allMatch(d -> d.contains("operator-credential:")).noneMatch(d -> d.contains(operator));
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/operator/legal-holds")).header("Authorization", "Bearer " + operator)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"merchantId\":\"demo\",\"guid\":\"no-such-guid\",\"reason\":\"x\"}")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("MESSAGE_UNKNOWN");
        assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/operator/legal-holds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isIn(401, 403);
    }

    private HttpRequest.Builder auditor(String path) throws Exception {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + Files.readString(DATA_DIR.resolve("auditor.token")).strip());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
