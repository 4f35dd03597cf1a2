package dev.customsgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code Idempotency-Key} over real HTTP: replays, conflicts, concurrent duplicates, per-merchant scope. */
class IdempotencyTest extends GatewayIntegrationTest {

    private static final Path SAMPLE = Path.of("src/test/resources/fixtures/orders/sample-orders.csv");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aReplayWithTheSameKeyAndBodyReturnsTheFirstAnswerAndCreatesNothing() throws Exception {
        String merchant = TestMerchants.uniqueId("idem");
        String key = TestMerchants.create(jdbc, merchant, "default-csv");
        byte[] file = Files.readAllBytes(SAMPLE);

        HttpResponse<String> first = upload(key, "k-1", file);
        HttpResponse<String> again = upload(key, "k-1", file);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(submissionsOf(merchant)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from message_log where merchant_id = ? and stage = 'RECEIVED'")
                .param(merchant).query(Integer.class).single()).as("logged once").isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
        String merchant = TestMerchants.uniqueId("idem");
        String key = TestMerchants.create(jdbc, merchant, "default-csv");
        byte[] file = Files.readAllBytes(SAMPLE);
        byte[] other = (new String(file, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(upload(key, "k-2", file).statusCode()).isEqualTo(202);
        HttpResponse<String> conflict = upload(key, "k-2", other);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(GatewayClient.json(conflict.body()).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(submissionsOf(merchant)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesCreateOneSubmission() throws Exception {
        String merchant = TestMerchants.uniqueId("idem");
        String key = TestMerchants.create(jdbc, merchant, "default-csv");
        byte[] file = Files.readAllBytes(SAMPLE);
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(() -> {
                start.await();
                return upload(key, "k-race", file);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try {
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            List<String> accepted = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isIn(202, 409);
                if (r.statusCode() == 202) {
                    accepted.add(GatewayClient.json(r.body()).get("submissionId").asString());
                } else {
                    assertThat(GatewayClient.json(r.body()).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(accepted).isNotEmpty().allMatch(accepted.get(0)::equals);
        } finally {
            pool.shutdownNow();
        }
        assertThat(submissionsOf(merchant)).isEqualTo(1);
        // once the first has answered, a retry gets its answer
        assertThat(upload(key, "k-race", file).statusCode()).isEqualTo(202);
        assertThat(submissionsOf(merchant)).isEqualTo(1);
    }

    @Test
    void keysAreScopedPerMerchant() throws Exception {
        String a = TestMerchants.create(jdbc, TestMerchants.uniqueId("idem"), "default-csv");
        String b = TestMerchants.create(jdbc, TestMerchants.uniqueId("idem"), "default-csv");
        byte[] file = Files.readAllBytes(SAMPLE);

        HttpResponse<String> ofA = upload(a, "shared-key", file);
        HttpResponse<String> ofB = upload(b, "shared-key", file);

        assertThat(ofA.statusCode()).isEqualTo(202);
        assertThat(ofB.statusCode()).isEqualTo(202);
        assertThat(GatewayClient.json(ofB.body()).get("submissionId").asString())
                .isNotEqualTo(GatewayClient.json(ofA.body()).get("submissionId").asString());
    }

    @Test
    void aRefusalBeforeAnythingIsStoredFreesTheKey() {
        String merchant = TestMerchants.uniqueId("idem");
        String key = TestMerchants.create(jdbc, merchant, "default-csv");
        ApiCalls api = new ApiCalls(baseUrl());
        String orderNo = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> malformed = api.postJson("/api/v1/orders", "{\"orderNo\": ", "X-API-Key", key,
                "Idempotency-Key", "k-fix");
        HttpResponse<String> corrected = api.postJson("/api/v1/orders", ApiOrders.valid(orderNo), "X-API-Key", key,
                "Idempotency-Key", "k-fix");
        HttpResponse<String> replayed = api.postJson("/api/v1/orders", ApiOrders.valid(orderNo), "X-API-Key", key,
                "Idempotency-Key", "k-fix");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(corrected.statusCode()).isEqualTo(202);
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(replayed.body()).isEqualTo(corrected.body());
        assertThat(submissionsOf(merchant)).isEqualTo(1);
    }

    @Test
    void anInvalidKeyIsRefused() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("idem"), "default-csv");
        HttpResponse<String> r = upload(key, "x".repeat(256), Files.readAllBytes(SAMPLE));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(GatewayClient.json(r.body()).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
    }

    private HttpResponse<String> upload(String apiKey, String idempotencyKey, byte[] body) {
        return new ApiCalls(baseUrl()).send("POST", "/api/v1/submissions", body, "Content-Type", "text/csv",
                "X-API-Key", apiKey, "X-File-Name", "orders.csv", "Idempotency-Key", idempotencyKey);
    }

    private int submissionsOf(String merchant) {
        return jdbc.sql("select count(*) from submission where merchant_id = ?").param(merchant)
                .query(Integer.class).single();
    }
}
