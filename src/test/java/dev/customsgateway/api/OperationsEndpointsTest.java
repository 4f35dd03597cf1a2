package dev.customsgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Health and probes are open; metrics and the rest of Actuator need the metrics token and nothing else opens them. */
class OperationsEndpointsTest extends GatewayIntegrationTest {

    @Test
    void healthAndProbesAreOpenWithDatabaseKeyStoreAndCustomsInTheDetails() {
        ApiCalls api = new ApiCalls(baseUrl());

        HttpResponse<String> health = api.get("/actuator/health");

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode components = GatewayClient.json(health.body()).get("components");
        assertThat(components.at("/db/status").asString()).isEqualTo("UP");
        assertThat(components.at("/keyStore/status").asString()).isEqualTo("UP");
        assertThat(components.at("/keyStore/details/keys/demo-rsa/valid").asBoolean()).isTrue();
        assertThat(components.at("/customs/status").asString()).isIn("UP", "DEGRADED");
        assertThat(components.at("/customs/details").has("outboxWaiting")).isTrue();
        for (String probe : new String[] {"/livez", "/readyz", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(api.get(probe).statusCode()).as(probe).isEqualTo(200);
        }
        JsonNode readiness = GatewayClient.json(api.get("/actuator/health/readiness").body());
        assertThat(readiness.get("components").has("customs")).as("customs never makes us unready").isFalse();
        assertThat(readiness.get("components").has("keyStore")).isTrue();
    }

    @Test
    void metricsAreNotOpenAndOnlyTheMetricsTokenOpensThem() throws Exception {
        ApiCalls api = new ApiCalls(baseUrl());
        String metrics = ApiCalls.readToken(DATA_DIR.resolve("metrics.token"));
        String operator = ApiCalls.readToken(DATA_DIR.resolve("operator.token"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve("metrics.token"))))
                .isEqualTo("rw-------");

        assertThat(api.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "X-API-Key", demoApiKey()).statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "Authorization", ApiCalls.bearer(operator)).statusCode())
                .isEqualTo(401);
        assertThat(api.get("/actuator").statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/health/../prometheus").statusCode()).isIn(400, 401, 404);

        HttpResponse<String> scrape = api.get("/actuator/prometheus", "Authorization", ApiCalls.bearer(metrics));

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("gateway_outbox_depth")
                .contains("gateway_outbox_dead_letters")
                .contains("gateway_messages_logged_total{")
                .contains("gateway_delivery_attempts_total{")
                .contains("gateway_delivery_latency_recent_seconds{")
                .contains("gateway_signing_certificate_expiry_days{")
                .contains("alias=\"demo-rsa\"")
                .contains("gateway_database_h2_file_bytes")
                .contains("gateway_database_h2_live_percent")
                .contains("http_server_requests_seconds");
        assertThat(api.get("/actuator/env", "Authorization", ApiCalls.bearer(metrics)).statusCode())
                .as("nothing but health and metrics is exposed").isEqualTo(404);
    }
}
