package dev.customsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import dev.customsgateway.UkMerchants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The UK loop closed through the real gateway: a UK merchant's order is declared, delivered with an OAuth2 bearer
 * token to the sandbox's HMRC stand-in, which answers with namespaced WCO DMS notifications on the HMAC-signed
 * receipt callback; the gateway correlates them by conversation id and LRN and the merchant sees the statuses in
 * words (status API by message and by order; SFTP {@code receipts/} folder). A refused declarant's declaration
 * ends in DMSREJ with the error's code, words and pointers.
 */
class HmrcNotificationLoopTest extends GatewayIntegrationTest {

    private static final Path ORDERS = Path.of("src/test/resources/fixtures/uk/uk-sample-orders.csv");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private SandboxHmrcRules rules;
    @Autowired
    private SandboxFaults faults;

    @Test
    void aClearedDeclarationShowsReceivedAcceptedClearedOnceEachEvenWhenNotificationsComeTwice() throws Exception {
        String merchant = TestMerchants.uniqueId("uk-dms");
        String apiKey = UkMerchants.create(jdbc, merchant, UkMerchants.DECLARANT_EORI);
        Path home = DATA_DIR.resolve("sftp").resolve(merchant);
        Files.createDirectories(home.resolve("inbox")); // the merchant has an SFTP account, hence a home
        String orderNo = "UKC-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        GatewayClient client = new GatewayClient(baseUrl());

        faults.duplicateReceipts(true);
        JsonNode message;
        try {
            JsonNode status = client.submitAndAwait(apiKey, orders(orderNo), "uk-dms.csv");
            assertThat(status.get("errors").size()).as(status.toString()).isZero();
            String guid = guidOf(status, orderNo);
            message = client.awaitMessage(apiKey, guid, m -> "DMSCLE".equals(m.path("customsStatus").asString()));
            Thread.sleep(500); // the second copies, and anything out of place, would have arrived by now
            message = client.awaitMessage(apiKey, guid, m -> true);
        } finally {
            faults.duplicateReceipts(false);
        }

        assertThat(message.at("/delivery/state").asString()).isEqualTo("DELIVERED");
        assertThat(statuses(message.get("customs"))).containsExactly("DMSRCV", "DMSACC", "DMSCLE");
        JsonNode cleared = message.get("customs").get(2);
        assertThat(cleared.get("explanation").asString())
                .isEqualTo("DMSCLE (function code 09): the submitter is informed about the clearance for the "
                        + "procedure and therefore also about the release of the goods");
        assertThat(cleared.get("info").asString()).matches("declaration \\d\\dGB[A-Z0-9]{14} version 1");
        assertThat(message.get("customs").get(0).get("explanation").asString()).startsWith("DMSRCV (function code 02)");

        HttpOrder order = order(client, apiKey, orderNo);
        assertThat(order.customsStatus()).isEqualTo("DMSCLE");
        assertThat(order.statuses()).containsExactly("DMSRCV", "DMSACC", "DMSCLE");

        String csv = Files.readString(home.resolve("receipts/receipts.csv"));
        assertThat(csv).contains("\"DMSCLE\"").contains("clearance for the procedure").contains(orderNo);
        assertThat(jdbc.sql("select verdict from sandbox_message where business_no = ?").param(orderNo)
                .query(String.class).single()).isEqualTo("ACCEPTED");
    }

    @Test
    void aRefusedDeclarantsDeclarationEndsRejectedWithTheReasonTheMerchantSees() throws Exception {
        String merchant = TestMerchants.uniqueId("uk-rej");
        String eori = "XI" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        String apiKey = UkMerchants.create(jdbc, merchant, eori);
        Path home = DATA_DIR.resolve("sftp").resolve(merchant);
        Files.createDirectories(home.resolve("inbox"));
        String orderNo = "UKR-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        GatewayClient client = new GatewayClient(baseUrl());
        rules.refuseDeclarant(eori);
        JsonNode message;
        String guid;
        try {
            JsonNode status = client.submitAndAwait(apiKey, orders(orderNo), "uk-rej.csv");
            assertThat(status.get("errors").size()).as(status.toString()).isZero();
            guid = guidOf(status, orderNo);
            message = client.awaitMessage(apiKey, guid, m -> "DMSREJ".equals(m.path("customsStatus").asString()));
        } finally {
            rules.allowDeclarant(eori);
        }

        assertThat(message.at("/delivery/state").asString()).as("HMRC took it (202); the rejection came later")
                .isEqualTo("DELIVERED");
        assertThat(statuses(message.get("customs"))).containsExactly("DMSRCV", "DMSREJ");
        JsonNode rejection = message.get("customs").get(1);
        assertThat(rejection.get("explanation").asString())
                .isEqualTo("rejected (error): DMSREJ (function code 03): the declaration has been rejected");
        assertThat(rejection.get("info").asString())
                .startsWith("SBX00001 (declarant " + eori + " may not declare")
                .contains(" at 42A at 57B/R123");

        HttpOrder order = order(client, apiKey, orderNo);
        assertThat(order.customsStatus()).isEqualTo("DMSREJ");

        Path receipts = home.resolve("receipts");
        assertThat(receipts.resolve("DMS_" + orderNo + "_" + guid + "_DMSREJ.xml"))
                .content(StandardCharsets.UTF_8)
                .contains("urn:wco:datamodel:WCO:RES-DMS:2").contains("SBX00001");
        assertThat(Files.readString(receipts.resolve("receipts.csv"))).contains("\"DMSREJ\"")
                .contains("may not declare").contains("57B/R123");
        assertThat(jdbc.sql("select verdict from sandbox_message where guid = ?").param(guid)
                .query(String.class).single()).isEqualTo("REJECTED");
    }

    /** HMRC's sample orders, the first under a fresh order number (order numbers are the LRNs). */
    private static byte[] orders(String orderNo) throws Exception {
        String csv = Files.readString(ORDERS, StandardCharsets.UTF_8);
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        String first = csv.lines().skip(1).findFirst().orElseThrow();
        return (header + first.replaceFirst("^UK-1001,", orderNo + ",") + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String guidOf(JsonNode status, String orderNo) {
        for (JsonNode m : status.get("messages")) {
            if (orderNo.equals(m.get("orderNo").asString())) {
                return m.get("guid").asString();
            }
        }
        throw new AssertionError("no message for " + orderNo + ": " + status);
    }

    private static List<String> statuses(JsonNode customs) {
        List<String> statuses = new ArrayList<>();
        customs.forEach(r -> statuses.add(r.get("status").asString()));
        return statuses;
    }

    private static HttpOrder order(GatewayClient client, String apiKey, String orderNo) throws Exception {
        var response = client.get(apiKey, "/api/v1/orders/" + orderNo, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode message = GatewayClient.json(response.body()).get("messages").get(0);
        return new HttpOrder(message.path("customsStatus").asString(), statuses(message.get("customs")));
    }

    private record HttpOrder(String customsStatus, List<String> statuses) {
    }
}
