package dev.customsgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestFiles;
import dev.customsgateway.sandbox.SandboxFaults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The exchange platform's {@code DxpRep} and WCO DMS notifications through the real receipt paths (the inbound
 * folder and the HMAC-authenticated callback) onto a delivered message's timeline: transport-accepted or the
 * transport failure's reason; DMS statuses in words, correlated by LRN or by conversation id, a rejection as an
 * error.
 */
class TransportAndDmsReceiptTest extends GatewayIntegrationTest {

    private static final Path INBOUND = DATA_DIR.resolve("inbound");
    private static final String SAMPLE_LRN = "3.1_P1_TT_1311RM41";

    @Autowired
    private SandboxFaults faults;
    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void customsBehavesAgain() {
        faults.clear();
    }

    @Test
    void dxpRepFromTheInboundFolderMarksTheMessageTransportAcceptedOrSaysWhyNot() throws Exception {
        List<JsonNode> messages = deliveredMessages("dxprep.csv");
        String accepted = messages.get(0).get("guid").asString();
        String refused = messages.get(1).get("guid").asString();

        drop("DxpRep_" + accepted + ".xml", TransportAndDmsParserTest.dxpRep("", accepted, "0000", "received"));
        drop("DxpRep_" + refused + ".xml", TransportAndDmsParserTest.dxpRep("dxp", refused, "1001", "bad signature"));

        JsonNode ok = client().awaitMessage(demoApiKey(), accepted, j -> j.get("customs").size() > 0);
        assertThat(ok.get("customs")).singleElement().satisfies(r -> {
            assertThat(r.get("receipt").asString()).isEqualTo("DxpRep");
            assertThat(r.get("status").asString()).isEqualTo("0000");
            assertThat(r.get("explanation").asString()).startsWith("transport-accepted");
        });
        JsonNode bad = client().awaitMessage(demoApiKey(), refused, j -> j.get("customs").size() > 0);
        assertThat(bad.get("customs").get(0).get("explanation").asString())
                .startsWith("transport-rejected (error)").contains("invalid signature");
        assertThat(bad.get("customs").get(0).get("info").asString()).contains("bad signature");
        assertThat(stages(accepted)).contains("TRANSPORT_ACCEPTED");
        assertThat(stages(refused)).contains("TRANSPORT_REJECTED");
    }

    @Test
    void dmsNotificationsReachTheTimelineByLrnAndByConversationId() throws Exception {
        List<JsonNode> messages = deliveredMessages("dms.csv");
        JsonNode cleared = messages.get(0);
        String clearedGuid = cleared.get("guid").asString();
        String lrn = cleared.get("orderNo").asString();
        String rejectedGuid = messages.get(1).get("guid").asString();

        // by LRN (DE 2/5): the HMRC examples with this message's order number as their declaration reference
        assertThat(callback(withLrn("02_DMSRCV.xml", lrn), null)).isEqualTo(200);
        drop("01_DMSACC.xml", withLrn("01_DMSACC.xml", lrn).getBytes(StandardCharsets.UTF_8));
        assertThat(callback(withLrn("09_DMSCLE.xml", lrn), null)).isEqualTo(200);
        // by conversation id: the rejection example names a declaration the gateway never sent
        assertThat(callback(Files.readString(TransportAndDmsParserTest.DMS.resolve("03_DMSREJ.xml")), rejectedGuid))
                .isEqualTo(200);

        JsonNode m = client().awaitMessage(demoApiKey(), clearedGuid, j -> j.get("customs").size() == 3);
        assertThat(m.get("customs")).extracting(r -> r.get("status").asString())
                .containsExactly("DMSRCV", "DMSACC", "DMSCLE");
        assertThat(m.get("customs").get(1).get("explanation").asString())
                .isEqualTo("DMSACC (function code 01): the declaration has been legally accepted");
        assertThat(m.get("customsStatus").asString()).isEqualTo("DMSCLE");

        JsonNode r = client().awaitMessage(demoApiKey(), rejectedGuid, j -> j.get("customs").size() == 1);
        JsonNode rejection = r.get("customs").get(0);
        assertThat(rejection.get("status").asString()).isEqualTo("DMSREJ");
        assertThat(rejection.get("explanation").asString()).startsWith("rejected (error)");
        assertThat(rejection.get("info").asString()).contains("CDS12005 at 42A");
    }

    @Test
    void theSameNotificationTwiceIsOneTimelineEntry() throws Exception {
        JsonNode message = deliveredMessages("dms-twice.csv").get(0);
        String xml = withLrn("01_DMSACC.xml", message.get("orderNo").asString());

        assertThat(callback(xml, null)).isEqualTo(200);
        assertThat(callback(xml, null)).isEqualTo(200);

        JsonNode m = client().awaitMessage(demoApiKey(), message.get("guid").asString(),
                j -> j.get("customs").size() > 0);
        assertThat(jdbc.sql("select count(*) from customs_receipt where guid = ?").param(message.get("guid").asString())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(m.get("customs")).hasSize(1);
    }

    /** A fresh sample submitted and delivered, customs answering nothing of its own (the test does). */
    private List<JsonNode> deliveredMessages(String file) throws Exception {
        faults.dropReceipts(true);
        JsonNode status = client().submitAndAwait(demoApiKey(), TestFiles.freshSample().bytes(), file);
        List<JsonNode> messages = StreamSupport.stream(status.get("messages").spliterator(), false).toList();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode message : messages) {
            client().awaitMessage(demoApiKey(), message.get("guid").asString(),
                    j -> "DELIVERED".equals(j.at("/delivery/state").asString()));
        }
        return messages;
    }

    private static String withLrn(String example, String lrn) throws Exception {
        String xml = Files.readString(TransportAndDmsParserTest.DMS.resolve(example));
        assertThat(xml).contains(SAMPLE_LRN);
        return xml.replace(SAMPLE_LRN, lrn);
    }

    private int callback(String xml, String conversationId) throws Exception {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(dev.customsgateway.core.SecretFiles.readOrCreate(
                DATA_DIR.resolve("keys/sandbox-receipts.secret")), "HmacSHA256"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/receipts/sandbox"))
                .header("Content-Type", "application/xml")
                .header("X-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (conversationId != null) {
            request.header("X-Conversation-ID", conversationId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<String> stages(String guid) {
        return jdbc.sql("select stage from message_log where guid = ? order by id").param(guid)
                .query(String.class).list();
    }

    private static void drop(String name, String xml) throws Exception {
        drop(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void drop(String name, byte[] bytes) throws Exception {
        Files.createDirectories(INBOUND);
        Path tmp = Files.createTempFile(DATA_DIR, "drop-", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, INBOUND.resolve(name));
    }

    private GatewayClient client() {
        return new GatewayClient(baseUrl());
    }
}
