package dev.customsgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestFiles;
import dev.customsgateway.sandbox.SandboxFaults;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The receipt callback authenticated by mutual TLS instead of an HMAC: on the callback's own HTTPS port a source
 * with the configured certificate subject gets its receipt onto the timeline; no certificate, or one from a CA
 * the port does not trust, gets no connection; the same source over the plain port, or an HMAC source with a
 * certificate but no signature, is 401; the TLS port serves nothing but the callback.
 */
class ReceiptCallbackMutualTlsTest extends GatewayIntegrationTest {

    @Autowired
    private ReceiptTlsConnector connector;
    @Autowired
    private SandboxFaults faults;

    @AfterEach
    void customsBehavesAgain() {
        faults.clear();
    }

    @Test
    void aSourceWithItsClientCertificateDeliversReceiptsOntoTheTimeline() throws Exception {
        faults.dropReceipts(true);
        GatewayClient client = new GatewayClient(baseUrl());
        JsonNode message = client.submitAndAwait(demoApiKey(), TestFiles.freshSample().bytes(), "mtls-callback.csv")
                .get("messages").get(0);
        String guid = message.get("guid").asString();
        client.awaitMessage(demoApiKey(), guid, j -> "DELIVERED".equals(j.at("/delivery/state").asString()));

        HttpResponse<String> answer = post(tls(CALLBACK_TLS.clientKeyStore), "customs-mtls",
                receipt(guid, message.get("orderNo").asString()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode m = client.awaitMessage(demoApiKey(), guid, j -> "120".equals(j.path("customsStatus").asString()));
        assertThat(m.get("customs").get(0).get("info").asString()).isEqualTo("by mutual TLS");
    }

    @Test
    void withoutATrustedClientCertificateThereIsNoConnection() throws Exception {
        byte[] receipt = receipt("G", "O");
        assertThatThrownBy(() -> post(tls(null), "customs-mtls", receipt)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> post(tls(CALLBACK_TLS.strangerKeyStore), "customs-mtls", receipt))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theCertificateSourceOverThePlainPortAndAnHmacSourceWithoutSignatureAreRefused() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/v1/receipts/customs-mtls"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(receipt("G", "O"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(plain.body()).contains("client certificate");

        SSLContext client = tls(CALLBACK_TLS.clientKeyStore);
        assertThat(post(client, "sandbox", receipt("G", "O")).statusCode()).as("HMAC source: certificate is not enough")
                .isEqualTo(401);
        HttpResponse<String> other = HttpClient.newBuilder().sslContext(client).build().send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + connector.port() + "/api/v1/messages/G")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).as("the TLS port serves only the callback").isEqualTo(404);
    }

    private HttpResponse<String> post(SSLContext tls, String source, byte[] body) throws Exception {
        return HttpClient.newBuilder().sslContext(tls).build().send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + connector.port() + "/api/v1/receipts/" + source))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Trusting the test CA, presenting the key store's certificate (none when null). */
    private static SSLContext tls(Path keyStore) throws Exception {
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), CALLBACK_TLS.password);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(CALLBACK_TLS.trustStore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, CALLBACK_TLS.password);
        }
        return store;
    }

    private static byte[] receipt(String guid, String orderNo) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB312Message guid="%s" version="1.0" xmlns="http://www.chinaport.gov.cn/ceb">
                  <OrderReturn><guid>%s</guid><ebpCode>1105910159</ebpCode><ebcCode>1105910159</ebcCode>
                    <orderNo>%s</orderNo><returnStatus>120</returnStatus><returnTime>20261129120001000</returnTime>
                    <returnInfo>by mutual TLS</returnInfo></OrderReturn>
                </CEB312Message>
                """).formatted(guid, guid, orderNo).getBytes(StandardCharsets.UTF_8);
    }
}
