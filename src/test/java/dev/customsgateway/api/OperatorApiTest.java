package dev.customsgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import dev.customsgateway.sandbox.SandboxFaults;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The operator API over real HTTP: key rotation and revocation, dead-letter replay, and that nothing but the
 * operator token opens it.
 */
class OperatorApiTest extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private SandboxFaults faults;

    @AfterEach
    void customsBehavesAgain() {
        faults.clear();
    }

    @Test
    void theOperatorTokenIsGeneratedOwnerOnlyAndStoredHashed() throws Exception {
        var file = DATA_DIR.resolve("operator.token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = operatorToken();
        assertThat(token).startsWith("cgo_");
        assertThat(jdbc.sql("select count(*) from operator_credential where token_sha256 = ?")
                .param(dev.customsgateway.core.Sha256.hex(token.getBytes())).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void keysRotateAndARevokedKeyStopsWorkingAtOnce() {
        String merchant = TestMerchants.uniqueId("ops");
        String oldKey = TestMerchants.create(jdbc, merchant, "default-csv");
        String path = "/api/v1/operator/merchants/" + merchant + "/api-keys";

        HttpResponse<String> issued = api().postJson(path, "{\"label\": \"erp-2025\"}", "Authorization", operator());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode newKey = GatewayClient.json(issued.body());
        String fresh = newKey.get("key").asString();
        assertThat(fresh).startsWith("cgw_").startsWith(newKey.get("prefix").asString());

        // both keys work during the rotation
        assertThat(api().get("/api/v1/submissions/none", "X-API-Key", oldKey).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/v1/submissions/none", "X-API-Key", fresh).statusCode()).isEqualTo(404);

        HttpResponse<String> list = api().get(path, "Authorization", operator());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(fresh).doesNotContain(oldKey).contains("erp-2025");
        JsonNode keys = GatewayClient.json(list.body());
        assertThat(keys).hasSize(2);
        String oldId = null;
        for (JsonNode k : keys) {
            assertThat(k.has("key")).isFalse();
            if (!k.get("id").asString().equals(newKey.get("id").asString())) {
                oldId = k.get("id").asString();
            }
        }

        HttpResponse<String> revoked = api().send("DELETE", path + "/" + oldId, null, "Authorization", operator());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(api().get("/api/v1/submissions/none", "X-API-Key", oldKey).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/v1/submissions/none", "X-API-Key", fresh).statusCode()).isEqualTo(404);
        JsonNode after = GatewayClient.json(api().get(path, "Authorization", operator()).body());
        assertThat(after).anySatisfy(k -> {
            assertThat(k.get("id").asString()).isNotEqualTo(newKey.get("id").asString());
            assertThat(k.get("revokedAt").isNull()).isFalse();
        });
        assertThat(api().send("DELETE", path + "/" + UUID.randomUUID(), null, "Authorization", operator())
                .statusCode()).isEqualTo(404);
        assertThat(api().get("/api/v1/operator/merchants/no-such-merchant/api-keys", "Authorization", operator())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void operatorEndpointsRefuseMerchantKeysAndOtherTokens() throws Exception {
        String merchant = TestMerchants.uniqueId("ops");
        String key = TestMerchants.create(jdbc, merchant, "default-csv");
        String path = "/api/v1/operator/merchants/" + merchant + "/api-keys";
        String auditor = ApiCalls.readToken(DATA_DIR.resolve("auditor.token"));
        String metrics = ApiCalls.readToken(DATA_DIR.resolve("metrics.token"));

        for (String[] credential : new String[][] {{"X-API-Key", key}, {"Authorization", ApiCalls.bearer(key)},
                {"Authorization", ApiCalls.bearer(auditor)}, {"Authorization", ApiCalls.bearer(metrics)},
                {"Authorization", ApiCalls.bearer("cgo_forged")}, {"Authorization", null}}) {
            HttpResponse<String> list = api().get(path, credential);
            HttpResponse<String> issue = api().postJson(path, "{}", credential);
            HttpResponse<String> replay = api().send("POST", "/api/v1/operator/messages/x/replay", null, credential);
            for (HttpResponse<String> r : java.util.List.of(list, issue, replay)) {
                assertThat(r.statusCode()).as(credential[0] + " on " + r.uri()).isEqualTo(401);
                assertThat(GatewayClient.json(r.body()).get("code").asString()).isEqualTo("UNAUTHENTICATED");
            }
        }
        assertThat(jdbc.sql("select count(*) from merchant_api_key where merchant_id = ?").param(merchant)
                .query(Integer.class).single()).as("no key was issued").isEqualTo(1);
    }

    @Test
    void aDeadLetteredMessageIsReplayedAndDelivered() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("ops"), "default-csv");
        GatewayClient client = new GatewayClient(baseUrl());
        faults.refuseNext(1);
        HttpResponse<String> accepted = api().postJson("/api/v1/orders", ApiOrders.valid("DLQ-" + UUID.randomUUID()
                .toString().substring(0, 8)), "X-API-Key", key);
        JsonNode status = client.awaitCompleted(key, GatewayClient.json(accepted.body()).get("submissionId").asString());
        String guid = status.get("messages").get(0).get("guid").asString();
        client.awaitMessage(key, guid, m -> "DEAD".equals(m.at("/delivery/state").asString()));

        HttpResponse<String> replay = api().send("POST", "/api/v1/operator/messages/" + guid + "/replay", null,
                "Authorization", operator());

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(GatewayClient.json(replay.body()).get("state").asString()).isEqualTo("PENDING");
        JsonNode delivered = client.awaitMessage(key, guid, m -> "DELIVERED".equals(m.at("/delivery/state").asString()));
        assertThat(delivered.at("/delivery/attempts").asInt()).as("attempts were reset").isEqualTo(1);
        assertThat(jdbc.sql("select stage from message_log where correlation_id = ? order by seq").param(guid)
                .query(String.class).list()).containsSubsequence("DEAD_LETTERED", "REPLAYED", "DELIVERED");
        HttpResponse<String> again = api().send("POST", "/api/v1/operator/messages/" + guid + "/replay", null,
                "Authorization", operator());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(GatewayClient.json(again.body()).get("code").asString()).isEqualTo("MESSAGE_NOT_DEAD");
        assertThat(api().send("POST", "/api/v1/operator/messages/" + UUID.randomUUID() + "/replay", null,
                "Authorization", operator()).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeadLetteredMessageWhoseOrderWasDeclaredAgainIsNotReplayed() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("ops"), "default-csv");
        String orderNo = "DLQ-" + UUID.randomUUID().toString().substring(0, 8);
        GatewayClient client = new GatewayClient(baseUrl());
        faults.refuseNext(1);
        JsonNode first = client.awaitCompleted(key, GatewayClient.json(api().postJson("/api/v1/orders",
                ApiOrders.valid(orderNo), "X-API-Key", key).body()).get("submissionId").asString());
        String dead = first.get("messages").get(0).get("guid").asString();
        client.awaitMessage(key, dead, m -> "DEAD".equals(m.at("/delivery/state").asString()));
        // Dead, it no longer stands for the order: the merchant declares the order again, in a new message.
        JsonNode second = client.awaitCompleted(key, GatewayClient.json(api().postJson("/api/v1/orders",
                ApiOrders.valid(orderNo), "X-API-Key", key).body()).get("submissionId").asString());
        String standing = second.get("messages").get(0).get("guid").asString();

        HttpResponse<String> replay = api().send("POST", "/api/v1/operator/messages/" + dead + "/replay", null,
                "Authorization", operator());

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(409);
        JsonNode problem = GatewayClient.json(replay.body());
        assertThat(problem.get("code").asString()).isEqualTo("ORDER_DECLARED_AGAIN");
        assertThat(problem.get("detail").asString()).contains(orderNo).contains(standing);
        assertThat(jdbc.sql("select state from outbox_message where guid = ?").param(dead).query(String.class)
                .single()).isEqualTo("DEAD");
    }

    private String operator() {
        return ApiCalls.bearer(operatorToken());
    }

    private static String operatorToken() {
        return ApiCalls.readToken(DATA_DIR.resolve("operator.token"));
    }

    private ApiCalls api() {
        return new ApiCalls(baseUrl());
    }
}
