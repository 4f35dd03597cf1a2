package dev.customsgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestFiles;
import dev.customsgateway.sandbox.SandboxFaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Receipts dropped into the transfer client's inbound folder ({@code receipts-folder} route): taken in like
 * callbacks, bare or in a DXP envelope, then moved to {@code processed/}; what is not a receipt goes to
 * {@code failed/} with the reason beside it.
 */
class ReceiptFolderTest extends GatewayIntegrationTest {

    private static final Path INBOUND = DATA_DIR.resolve("inbound");

    @Autowired
    private SandboxFaults faults;

    @AfterEach
    void customsBehavesAgain() {
        faults.clear();
    }

    @Test
    void receiptFilesBareAndInADxpEnvelopeReachTheTimelineAndMoveToProcessed() throws Exception {
        faults.dropReceipts(true); // customs answers only through the folder
        GatewayClient client = new GatewayClient(baseUrl());
        JsonNode message = client.submitAndAwait(demoApiKey(), TestFiles.freshSample().bytes(), "folder.csv")
                .get("messages").get(0);
        String guid = message.get("guid").asString();
        String orderNo = message.get("orderNo").asString();
        client.awaitMessage(demoApiKey(), guid, j -> "DELIVERED".equals(j.at("/delivery/state").asString()));

        drop("CEB312_" + guid + "_2.xml", receipt(guid, orderNo, "2", "20260101120000000"));
        drop("CEB312_" + guid + "_120.XML", dxp(receipt(guid, orderNo, "120", "20260101120001000")));

        // the folder may be read in either order (…_120.XML sorts before …_2.xml): wait for both receipts
        JsonNode m = client.awaitMessage(demoApiKey(), guid, j -> "120".equals(j.path("customsStatus").asString())
                && j.path("customs").size() == 2);
        assertThat(m.get("customs")).extracting(r -> r.get("status").asString()).containsExactly("2", "120");
        awaitFile(INBOUND.resolve("processed/CEB312_" + guid + "_2.xml"));
        awaitFile(INBOUND.resolve("processed/CEB312_" + guid + "_120.XML"));
        assertThat(INBOUND.resolve("CEB312_" + guid + "_2.xml")).doesNotExist();
    }

    @Test
    void aFileThatIsNotAReceiptMovesToFailedWithTheReason() throws Exception {
        drop("not-a-receipt.xml", "<order xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8));
        drop("doctype.xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8));

        awaitFile(INBOUND.resolve("failed/not-a-receipt.xml"));
        assertThat(Files.readString(INBOUND.resolve("failed/not-a-receipt.xml.reason.txt")))
                .contains("not a CEB receipt");
        awaitFile(INBOUND.resolve("failed/doctype.xml"));
        assertThat(Files.readString(INBOUND.resolve("failed/doctype.xml.reason.txt")))
                .contains("without DOCTYPE").doesNotContain("root:");
    }

    /** Written beside, then renamed in, as a transfer client does. */
    private static void drop(String name, byte[] bytes) throws Exception {
        Files.createDirectories(INBOUND);
        Path tmp = Files.createTempFile(DATA_DIR, "drop-", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, INBOUND.resolve(name));
    }

    private static void awaitFile(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(file).exists();
    }

    private static byte[] receipt(String guid, String orderNo, String status, String time) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB312Message guid="%s" version="1.0" xmlns="http://www.chinaport.gov.cn/ceb">
                  <OrderReturn><guid>%s</guid><ebpCode>1105910159</ebpCode><ebcCode>1105910159</ebcCode>
                    <orderNo>%s</orderNo><returnStatus>%s</returnStatus><returnTime>%s</returnTime>
                    <returnInfo>from the folder</returnInfo></OrderReturn>
                </CEB312Message>
                """).formatted(guid, guid, orderNo, status, time).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] dxp(byte[] ceb) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <DxpMsg ver="1.0" xmlns="http://www.chinaport.gov.cn/dxp">
                  <TransInfo><CopMsgId>%s</CopMsgId><SenderId>DXPEDCCEB0000002</SenderId>
                    <ReceiverIds><ReceiverId>EXP2016522002580001</ReceiverId></ReceiverIds>
                    <CreatTime>2026-01-01T12:00:01</CreatTime><MsgType>CEB312Message</MsgType></TransInfo>
                  <Data>%s</Data>
                </DxpMsg>
                """).formatted(java.util.UUID.randomUUID(), Base64.getEncoder().encodeToString(ceb))
                .getBytes(StandardCharsets.UTF_8);
    }
}
