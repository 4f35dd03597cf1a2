package dev.customsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestFiles;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox answering as the e-port's exchange platform does: a {@code DxpRep} first (valid against the official
 * terminal-node schema), through the same receipt parser as everything else: 0000 puts "transport-accepted" ahead
 * of customs' receipts; a message whose signature fails gets 1001 and no customs receipt at all.
 */
class SandboxTransportResponseTest extends GatewayIntegrationTest {

    @Autowired
    private SandboxFaults faults;
    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void customsBehavesAgain() {
        faults.clear();
    }

    @Test
    void theSandboxsDxpRepIsValidAgainstTheTerminalNodeSchema() throws Exception {
        byte[] rep = SandboxTransportResponse.of("4CDE1D5C-1E1A-4F4B-A4D1-6B8F5C0C3C11", "CEB311", "1001", "签名无效");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("schemas/china-ceb/202205/dxp-terminal-202205.xsd").toFile()).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(rep)));
    }

    @Test
    void anAcceptedMessageIsTransportAcceptedBeforeCustomsAnswers() throws Exception {
        faults.transportResponses(true);
        GatewayClient client = new GatewayClient(baseUrl());
        String guid = client.submitAndAwait(demoApiKey(), TestFiles.freshSample().bytes(), "dxprep-loop.csv")
                .get("messages").get(0).get("guid").asString();

        JsonNode m = client.awaitMessage(demoApiKey(), guid, j -> "120".equals(j.path("customsStatus").asString()));

        assertThat(m.get("customs")).extracting(r -> r.get("status").asString()).containsExactly("0000", "2", "120");
        assertThat(m.get("customs").get(0).get("explanation").asString()).startsWith("transport-accepted");
        assertThat(jdbc.sql("select count(*) from message_log where guid = ? and stage = 'TRANSPORT_ACCEPTED'")
                .param(guid).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMessageWhoseSignatureFailsIsRefusedInTransportWith1001AndNothingElse() throws Exception {
        GatewayClient client = new GatewayClient(baseUrl());
        String guid = client.submitAndAwait(demoApiKey(), TestFiles.freshSample().bytes(), "dxprep-bad.csv")
                .get("messages").get(0).get("guid").asString();
        String signed = client.get(demoApiKey(), "/api/v1/messages/" + guid + "/xml", "application/xml").body();
        String forged = UUID.randomUUID().toString().toUpperCase();
        faults.transportResponses(true);

        // a new guid (customs has the original) under the old signature: schema-valid, signature broken
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/sandbox/ceb/messages")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(signed.replace(guid, forged), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        awaitReceipt(forged);
        assertThat(jdbc.sql("select receipt_type || ' ' || return_status || ' ' || explanation from customs_receipt "
                + "where guid = ?").param(forged).query(String.class).list())
                .singleElement().asString().startsWith("DxpRep 1001 transport-rejected (error): security error")
                .contains("invalid signature");
        Thread.sleep(500); // customs' receipts would come after a latency of 50 ms
        assertThat(jdbc.sql("select count(*) from customs_receipt where guid = ?").param(forged)
                .query(Integer.class).single()).as("no customs receipt follows").isEqualTo(1);
    }

    private void awaitReceipt(String guid) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && jdbc.sql("select count(*) from customs_receipt where guid = ?")
                .param(guid).query(Integer.class).single() == 0) {
            Thread.sleep(50);
        }
    }
}
