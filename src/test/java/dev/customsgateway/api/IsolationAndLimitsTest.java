package dev.customsgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A merchant's key reaches only its own data; a merchant over its request rate gets 429 with Retry-After. */
class IsolationAndLimitsTest extends GatewayIntegrationTest {

    private static final Path SAMPLE = Path.of("src/test/resources/fixtures/orders/sample-orders.csv");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aMerchantKeyCannotReadAnotherMerchantsSubmissionOrMessages() throws Exception {
        String owner = TestMerchants.create(jdbc, TestMerchants.uniqueId("iso"), "default-csv");
        String other = TestMerchants.create(jdbc, TestMerchants.uniqueId("iso"), "default-csv");
        JsonNode status = new GatewayClient(baseUrl()).submitAndAwait(owner, Files.readAllBytes(SAMPLE), "mine.csv");
        String id = status.get("submissionId").asString();
        String guid = status.get("messages").get(0).get("guid").asString();
        ApiCalls api = new ApiCalls(baseUrl());

        for (String path : List.of("/api/v1/submissions/" + id, "/api/v1/submissions/" + id + "/errors",
                "/api/v1/messages/" + guid, "/api/v1/messages/" + guid + "/xml")) {
            HttpResponse<String> r = api.get(path, "X-API-Key", other, "Accept", "application/json");
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as("nothing of the owner's orders").doesNotContain("SO-2026");
            assertThat(api.get(path, "X-API-Key", owner, "Accept", "application/json").statusCode()).as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void overTheRateAMerchantGets429WithRetryAfterAndOthersAreUnaffected() {
        String merchant = TestMerchants.uniqueId("rate");
        String limited = TestMerchants.create(jdbc, merchant, "default-csv");
        jdbc.sql("update merchant set requests_per_second = 1, request_burst = 3 where id = ?").param(merchant).update();
        String unaffected = TestMerchants.create(jdbc, TestMerchants.uniqueId("rate"), "default-csv");
        ApiCalls api = new ApiCalls(baseUrl());

        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(api.get("/api/v1/submissions/none", "X-API-Key", limited));
        }

        assertThat(burst.subList(0, 3)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
        HttpResponse<String> refused = burst.get(4);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(GatewayClient.json(refused.body()).get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(api.get("/api/v1/submissions/none", "X-API-Key", unaffected).statusCode()).isEqualTo(404);
        HttpResponse<String> upload = api.send("POST", "/api/v1/orders", ApiOrders.valid("R-1").getBytes(),
                "X-API-Key", limited);
        assertThat(upload.statusCode()).as("POSTs share the budget").isEqualTo(429);
    }
}
