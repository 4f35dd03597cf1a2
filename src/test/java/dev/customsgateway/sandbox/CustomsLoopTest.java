package dev.customsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole loop against the sandbox behaving badly on purpose: customs down for a while, customs refusing for
 * good, receipts sent twice, a message re-sent after a crash. Nothing is lost and nothing is accepted twice.
 */
class CustomsLoopTest extends GatewayIntegrationTest {

    @Autowired
    private SandboxFaults faults;
    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void customsBehavesAgain() {
        faults.clear();
    }

    @Test
    void customsDownForAWhileEverythingIsDeliveredOnceAfterRecovery() throws Exception {
        faults.unavailableFor(5);
        JsonNode status = client().submitAndAwait(demoApiKey(), dev.customsgateway.TestFiles.freshSample().bytes(), "outage.csv");

        for (JsonNode message : status.get("messages")) {
            String guid = message.get("guid").asString();
            JsonNode m = client().awaitMessage(demoApiKey(), guid, j -> "120".equals(j.path("customsStatus").asString()));
            assertThat(m.at("/delivery/state").asString()).isEqualTo("DELIVERED");
            assertThat(jdbc.sql("select count(*) from sandbox_message where guid = ?").param(guid)
                    .query(Integer.class).single()).as("accepted once").isEqualTo(1);
        }
        assertThat(jdbc.sql("""
                select count(*) from delivery_attempt a join outbox_message m on m.id = a.outbox_id
                where m.submission_id = ? and a.outcome = 'RETRY' and a.status_code = 503""")
                .param(status.get("submissionId").asString()).query(Integer.class).single())
                .as("the outage was met and recorded").isPositive();
    }

    @Test
    void aPermanentRefusalDeadLettersTheMessageAndTheMerchantSeesWhy() throws Exception {
        faults.refuseNext(3);
        JsonNode status = client().submitAndAwait(demoApiKey(), dev.customsgateway.TestFiles.freshSample().bytes(), "refused.csv");

        for (JsonNode message : status.get("messages")) {
            JsonNode m = client().awaitMessage(demoApiKey(), message.get("guid").asString(),
                    j -> "DEAD".equals(j.at("/delivery/state").asString()));
            assertThat(m.at("/delivery/lastError").asString()).contains("refused: HTTP 422");
            assertThat(m.at("/delivery/attempts").asInt()).as("permanent: no retries").isEqualTo(1);
        }
    }

    @Test
    void duplicatedReceiptsGiveOneTimeline() throws Exception {
        faults.duplicateReceipts(true);
        JsonNode status = client().submitAndAwait(demoApiKey(), dev.customsgateway.TestFiles.freshSample().bytes(), "twice.csv");
        String guid = status.get("messages").get(0).get("guid").asString();

        JsonNode m = client().awaitMessage(demoApiKey(), guid, j -> "120".equals(j.path("customsStatus").asString()));
        Thread.sleep(300); // the duplicates of the last receipt arrive after it
        m = client().awaitMessage(demoApiKey(), guid, j -> true);

        assertThat(m.get("customs")).extracting(r -> r.get("status").asString()).containsExactly("2", "120");
    }

    @Test
    void aMessageResentAfterACrashIsAcknowledgedWithoutBeingAcceptedTwice() throws Exception {
        JsonNode status = client().submitAndAwait(demoApiKey(), dev.customsgateway.TestFiles.freshSample().bytes(), "crash.csv");
        String guid = status.get("messages").get(0).get("guid").asString();
        client().awaitMessage(demoApiKey(), guid, j -> "DELIVERED".equals(j.at("/delivery/state").asString()));

        // as if the gateway died after sending but before recording the answer: the lease runs out
        jdbc.sql("update outbox_message set state = 'SENDING', claimed_until = ? where guid = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), guid).update();

        client().awaitMessage(demoApiKey(), guid, j -> "DELIVERED".equals(j.at("/delivery/state").asString()));
        assertThat(jdbc.sql("""
                select outcome from delivery_attempt a join outbox_message m on m.id = a.outbox_id
                where m.guid = ? order by a.id""").param(guid).query(String.class).list())
                .containsExactly("DELIVERED", "DUPLICATE");
        assertThat(jdbc.sql("select count(*) from sandbox_message where guid = ?").param(guid)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void receiptsReachTheMerchantsSftpHomeAsXmlAndAReadableLine() throws Exception {
        Path home = DATA_DIR.resolve("sftp/demo");
        Files.createDirectories(home.resolve("inbox")); // the demo merchant has an SFTP account, hence a home
        JsonNode status = client().submitAndAwait(demoApiKey(), dev.customsgateway.TestFiles.freshSample().bytes(),
                "home.csv");
        String guid = status.get("messages").get(0).get("guid").asString();
        client().awaitMessage(demoApiKey(), guid, j -> "120".equals(j.path("customsStatus").asString()));

        Path receipts = home.resolve("receipts");
        Path xml = receipts.resolve("CEB312_" + status.get("messages").get(0).get("orderNo").asString() + "_" + guid
                + "_120.xml");
        // the merchant's copy is written after the receipt is committed (and shown on the API): wait for it
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(xml) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(xml).exists();
        assertThat(Files.readString(receipts.resolve("receipts.csv")))
                .startsWith("received_at,receipt,guid,order_no,status,explanation,return_info")
                .contains("\"" + guid + "\"").contains("accepted into the customs system");
    }

    @Test
    void receiptsWithoutAValidSignatureAreRefused() throws Exception {
        byte[] receipt = Files.readAllBytes(Path.of("src/test/resources/fixtures/receipts/CEB312Message.xml"));
        HttpClient http = HttpClient.newHttpClient();
        for (String signature : new String[] {null, "sha256=00", "sha256=" + "ab".repeat(32)}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/receipts/sandbox"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(receipt));
            if (signature != null) {
                request.header("X-Signature", signature);
            }
            assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }
        HttpRequest unknownSource = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/receipts/elsewhere"))
                .header("X-Signature", "sha256=00").POST(HttpRequest.BodyPublishers.ofByteArray(receipt)).build();
        assertThat(http.send(unknownSource, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private GatewayClient client() {
        return new GatewayClient(baseUrl());
    }
}
