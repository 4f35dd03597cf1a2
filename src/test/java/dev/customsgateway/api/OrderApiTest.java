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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/orders} over real HTTP: one order in, a signed message delivered; and its refusals. */
class OrderApiTest extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anOrderPostedAsJsonIsSignedAndDeliveredLikeTheOrdersOfAFile() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("orders"), "default-csv");
        String orderNo = orderNo();

        HttpResponse<String> accepted = api().postJson("/api/v1/orders", ApiOrders.valid(orderNo), "X-API-Key", key);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode body = GatewayClient.json(accepted.body());
        String submissionId = body.get("submissionId").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/submissions/" + submissionId);
        GatewayClient client = new GatewayClient(baseUrl());
        JsonNode status = client.awaitCompleted(key, submissionId);
        assertThat(status.get("channel").asString()).isEqualTo("HTTP");
        assertThat(status.at("/orders/succeeded").asInt()).as(status.toString()).isEqualTo(1);
        JsonNode message = status.get("messages").get(0);
        assertThat(message.get("orderNo").asString()).isEqualTo(orderNo);
        String guid = message.get("guid").asString();
        JsonNode delivered = client.awaitMessage(key, guid, m -> "DELIVERED".equals(m.at("/delivery/state").asString()));
        assertThat(delivered.get("orderNo").asString()).isEqualTo(orderNo);
        String xml = client.get(key, "/api/v1/messages/" + guid + "/xml", "application/xml").body();
        assertThat(xml).contains("<ceb:orderNo>" + orderNo + "</ceb:orderNo>").contains("ds:SignatureValue");
        // the request bytes are the logged artefact, and each order read is logged as canonical JSON
        assertThat(jdbc.sql("select stage from message_log where submission_id = ? order by seq").param(submissionId)
                .query(String.class).list()).startsWith("RECEIVED", "PARSED");
    }

    /**
     * The same orders arrive at the same time in a file and over the API: each is declared once. The file's orders
     * commit in batches, so without the order-number lock an API order checked while its twin's batch had not
     * committed yet found no declaration either, and customs got the order twice.
     */
    @Test
    void anOrderArrivingByFileAndByApiAtOnceIsDeclaredOnce() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("twice"), "default-csv");
        List<String> orderNos = IntStream.range(0, 64).mapToObj(i -> orderNo()).toList();
        GatewayClient client = new GatewayClient(baseUrl());

        ExecutorService api = Executors.newFixedThreadPool(4);
        try {
            String file = GatewayClient.json(client.submit(key, csvOf(orderNos),
                    "twins.csv").body()).get("submissionId").asString();
            List<Future<String>> posted = new ArrayList<>();
            for (String no : orderNos) {
                posted.add(api.submit(() -> GatewayClient.json(api().postJson("/api/v1/orders", ApiOrders.valid(no),
                        "X-API-Key", key).body()).get("submissionId").asString()));
            }
            int succeeded = client.awaitCompleted(key, file).at("/orders/succeeded").asInt();
            for (Future<String> submission : posted) {
                JsonNode status = client.awaitCompleted(key, submission.get());
                succeeded += status.at("/orders/succeeded").asInt();
                if (status.at("/orders/failed").asInt() > 0) {
                    assertThat(status.get("errors").get(0).get("rule").asString()).isEqualTo("ORDER_ALREADY_DECLARED");
                }
            }

            assertThat(jdbc.sql("select order_no from outbox_message where order_no in (:nos) group by order_no"
                    + " having count(*) > 1").param("nos", orderNos).query(String.class).list())
                    .as("orders declared twice").isEmpty();
            assertThat(succeeded).as("each order declared once, by the file or by the API").isEqualTo(orderNos.size());
        } finally {
            api.shutdownNow();
        }
    }

    @Test
    void aFileAndARequestCarryingTheSameOrdersInOppositeOrderAtOnceDoNotDeadlock() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("crossed"), "default-csv");
        List<String> orderNos = IntStream.range(0, 32).mapToObj(i -> orderNo()).toList();
        GatewayClient client = new GatewayClient(baseUrl());

        ExecutorService api = Executors.newFixedThreadPool(4);
        try {
            String file = GatewayClient.json(client.submit(key, csvOf(orderNos),
                    "pairs.csv").body()).get("submissionId").asString();
            List<Future<String>> posted = new ArrayList<>();
            for (int i = 0; i < orderNos.size(); i += 2) {
                // the file has A then B; the request B then A
                String request = "[" + ApiOrders.valid(orderNos.get(i + 1)) + "," + ApiOrders.valid(orderNos.get(i))
                        + "]";
                posted.add(api.submit(() -> GatewayClient.json(api().postJson("/api/v1/orders", request,
                        "X-API-Key", key).body()).get("submissionId").asString()));
            }
            JsonNode fileStatus = client.awaitCompleted(key, file);
            int succeeded = fileStatus.at("/orders/succeeded").asInt();
            List<String> rules = new ArrayList<>();
            fileStatus.get("errors").forEach(e -> rules.add(e.get("rule").asString()));
            for (Future<String> submission : posted) {
                JsonNode status = client.awaitCompleted(key, submission.get());
                succeeded += status.at("/orders/succeeded").asInt();
                status.get("errors").forEach(e -> rules.add(e.get("rule").asString()));
            }

            assertThat(rules).as("only refusals of the second declaration, no technical error")
                    .containsOnly("ORDER_ALREADY_DECLARED");
            assertThat(succeeded).as("each order declared once, by the file or by a request")
                    .isEqualTo(orderNos.size());
        } finally {
            api.shutdownNow();
        }
    }

    /** A file of the gateway's CSV with one single-line order per number, in the order given. */
    private static byte[] csvOf(List<String> orderNos) throws Exception {
        StringBuilder csv = new StringBuilder(Files.readAllLines(
                Path.of("src/test/resources/fixtures/orders/sample-orders.csv")).get(0)).append('\n');
        orderNos.forEach(no -> csv.append(no).append(",b1,赵六,110101199003071233,13800000009,赵六,13800000009,"
                + "北京市 1 号,,0,0,0,,,,,S1,茶叶,100g/袋,,011,1,50,50,142\n"));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCustomsResultStampedWithTheSameInstantAsTheEportStageIsTheCurrentStatus() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("ties"), "default-csv");
        HttpResponse<String> accepted = api().postJson("/api/v1/orders", ApiOrders.valid(orderNo()), "X-API-Key", key);
        GatewayClient client = new GatewayClient(baseUrl());
        String submissionId = GatewayClient.json(accepted.body()).get("submissionId").asString();
        String guid = client.awaitCompleted(key, submissionId).get("messages").get(0).get("guid").asString();
        client.awaitMessage(key, guid, m -> "120".equals(m.path("customsStatus").asString()));

        // customs' result arrives (and is stored) before the e-port's stage, both stamped with the same instant
        for (String status : new String[] {"399", "3"}) {
            jdbc.sql("""
                    insert into customs_receipt (guid, receipt_type, return_status, return_time, receipt_sha256,
                        received_at) values (?, 'CEB312', ?, '29991231235959999', ?, current_timestamp)""")
                    .params(guid, status, "%064d".formatted(Long.parseLong(status))).update();
        }

        JsonNode message = client.awaitMessage(key, guid, m -> m.path("customs").size() >= 4);
        assertThat(message.path("customsStatus").asString()).as(message.toString()).isEqualTo("399");
    }

    @Test
    void ruleErrorsNameTheJsonFieldAndTheOrdersPlaceInTheRequest() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("orders"), "default-csv");
        String good = orderNo();
        String bad = orderNo();
        String body = "[" + ApiOrders.valid(good) + "," + ApiOrders.withBuyerId(bad, "110101199003071234") + "]";

        HttpResponse<String> accepted = api().postJson("/api/v1/orders", body, "X-API-Key", key);

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode status = new GatewayClient(baseUrl())
                .awaitCompleted(key, GatewayClient.json(accepted.body()).get("submissionId").asString());
        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(1);
        assertThat(status.at("/orders/failed").asInt()).isEqualTo(1);
        JsonNode error = status.get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(2);
        assertThat(error.get("column").asString()).isEqualTo("buyer.idNumber");
        assertThat(error.get("rule").asString()).isEqualTo("BUYER_ID_NUMBER_INVALID");
        assertThat(error.get("value").asString()).as("masked").doesNotContain("11010119900307");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreRefusedBeforeAnythingIsStored() {
        String merchant = TestMerchants.uniqueId("orders");
        String key = TestMerchants.create(jdbc, merchant, "default-csv");

        HttpResponse<String> broken = api().postJson("/api/v1/orders", "{\"orderNo\": \"A\",", "X-API-Key", key);
        HttpResponse<String> typo = api().postJson("/api/v1/orders",
                ApiOrders.valid("T-1").replace("\"qty\": 1", "\"quantity\": 1"), "X-API-Key", key);
        HttpResponse<String> scalar = api().postJson("/api/v1/orders", "42", "X-API-Key", key);

        for (HttpResponse<String> r : java.util.List.of(broken, typo, scalar)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(GatewayClient.json(r.body()).get("code").asString()).isEqualTo("ORDER_JSON_INVALID");
        }
        assertThat(GatewayClient.json(typo.body()).get("detail").asString()).contains("quantity").contains("[1]");
        assertThat(jdbc.sql("select count(*) from submission where merchant_id = ?").param(merchant)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anOversizeRequestIs413() {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("orders"), "default-csv");
        String padded = ApiOrders.valid(orderNo()).replace("\"orderNo\"",
                "\"note\": \"" + "x".repeat(1024 * 1024) + "\", \"orderNo\"");

        HttpResponse<String> r = api().postJson("/api/v1/orders", padded, "X-API-Key", key);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(GatewayClient.json(r.body()).get("code").asString()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void tooManyOrdersInOneRequestIs413() {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("orders"), "default-csv");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            body.append(i == 0 ? "" : ",").append(ApiOrders.valid("MANY-" + i));
        }
        body.append("]");

        HttpResponse<String> r = api().send("POST", "/api/v1/orders",
                body.toString().getBytes(StandardCharsets.UTF_8), "X-API-Key", key);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(GatewayClient.json(r.body()).get("code").asString()).isEqualTo("TOO_MANY_ORDERS");
    }

    @Test
    void withoutAKeyIs401() {
        HttpResponse<String> r = api().postJson("/api/v1/orders", ApiOrders.valid(orderNo()));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("X-API-Key"));
    }

    private ApiCalls api() {
        return new ApiCalls(baseUrl());
    }

    private static String orderNo() {
        return "API-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
