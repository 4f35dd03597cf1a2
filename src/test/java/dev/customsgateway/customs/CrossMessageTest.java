package dev.customsgateway.customs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The messages of one order must agree as customs compares them: a platform declares the order (CEB311), then a
 * logistics company's waybill (CEB511) and a broker's inventory list (CEB621) for the same order are checked
 * against it before they go out.
 */
class CrossMessageTest extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void waybillAndInventoryListMustAgreeWithTheDeclaredOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> csv = Files.readAllLines(Path.of("src/test/resources/fixtures/orders/family-sample-orders.csv"))
                .stream().map(l -> l.replace("INV-000", "X" + run + "-")).toList();
        GatewayClient client = new GatewayClient(baseUrl());
        String platform = create("PLATFORM");
        assertThat(client.submitAndAwait(platform, join(csv), "orders.csv").at("/orders/succeeded").asInt())
                .isEqualTo(2);

        // the waybill of order 1 names another phone; order 2 agrees
        List<String> waybills = List.of(csv.get(0), csv.get(1).replace(",13800000001,北京", ",13800009999,北京"),
                csv.get(2));
        JsonNode status = client.submitAndAwait(create("LOGISTICS"), join(waybills), "waybills.csv");
        assertThat(status.get("errors")).extracting(e -> e.get("column").asString() + ":" + e.get("rule").asString())
                .containsExactly("consignee_phone:CONSIGNEE_MISMATCH");
        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(1);

        // the inventory list of order 2 declares another item than the order did
        List<String> inventory = List.of(csv.get(0), csv.get(1), csv.get(2).replace("保湿面霜", "洗面奶"));
        JsonNode listed = client.submitAndAwait(create("BROKER"), join(inventory), "inventory.csv");
        assertThat(listed.get("errors")).extracting(e -> e.get("row").asInt() + ":" + e.get("rule").asString())
                .containsExactly("3:ORDER_LINES_MISMATCH");
    }

    private String create(String role) {
        return TestMerchants.create(jdbc, TestMerchants.uniqueId(role.toLowerCase()), "default-csv", role, "IMPORT",
                "demo-rsa", "CN_RSA_SHA1", "202205");
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
