package dev.customsgateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A profile that says {@code all-or-nothing: true}: a file with one bad order declares none of its orders, and
 * says why for each; a clean file is declared whole. The profile is written into the profiles folder, as an
 * operator would, and loaded by the registry's reload.
 */
class AllOrNothingTest extends GatewayIntegrationTest {

    @Autowired
    private ProfileRegistry profiles;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void oneBadOrderKeepsTheWholeFileFromBeingDeclared() throws Exception {
        String key = merchantWithAllOrNothingProfile();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String header = Files.readString(Path.of("src/test/resources/fixtures/orders/sample-orders.csv")).lines()
                .findFirst().orElseThrow();
        String good = "AON-" + run + "-1,b1,赵六,110101199003071233,13800000009,赵六,13800000009,北京市 1 号,,0,0,0,,,,,"
                + "S1,茶叶,100g/袋,,011,1,50,50,142";
        String bad = "AON-" + run + "-2,b2,钱七,110101199003071234,13800000008,钱七,13800000008,北京市 2 号,,0,0,0,,,,,"
                + "S2,茶叶,100g/袋,,011,1,50,50,142";

        JsonNode status = new GatewayClient(baseUrl()).submitAndAwait(key,
                (header + "\n" + good + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8), "aon.csv");

        assertThat(status.at("/orders/succeeded").asInt()).isZero();
        assertThat(status.at("/orders/failed").asInt()).isEqualTo(2);
        assertThat(status.get("errors")).extracting(e -> e.get("row").asInt() + ":" + e.get("rule").asString())
                .containsExactlyInAnyOrder("2:ALL_OR_NOTHING", "3:BUYER_ID_NUMBER_INVALID");
        assertThat(jdbc.sql("select count(*) from outbox_message where order_no like ?").param("AON-" + run + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select order_no from message_log where stage = 'PARSED' and order_no like ?")
                .param("AON-" + run + "%").query(String.class).list())
                .as("the pre-check reads the file without logging it: one PARSED entry per order")
                .containsExactlyInAnyOrder("AON-" + run + "-1", "AON-" + run + "-2");

        JsonNode clean = new GatewayClient(baseUrl()).submitAndAwait(key,
                (header + "\n" + good.replace("-1,", "-3,") + "\n").getBytes(StandardCharsets.UTF_8), "clean.csv");
        assertThat(clean.at("/orders/succeeded").asInt()).isEqualTo(1);
    }

    private String merchantWithAllOrNothingProfile() throws Exception {
        Path folder = DATA_DIR.resolve("profiles");
        Files.createDirectories(folder);
        String yaml = new String(getClass().getResourceAsStream("/profiles/default-csv.yaml").readAllBytes(),
                StandardCharsets.UTF_8).replace("source:", "all-or-nothing: true\nsource:");
        Files.writeString(folder.resolve("aon-csv.yaml"), yaml);
        profiles.reload();
        return TestMerchants.create(jdbc, TestMerchants.uniqueId("aon"), "aon-csv");
    }
}
