package dev.customsgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestFiles;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A merchant with a webhook gets every receipt entry POSTed as JSON with an HMAC-SHA256 signature under its
 * secret; a merchant endpoint that fails at first is retried until it takes them.
 */
class MerchantWebhookTest extends GatewayIntegrationTest {

    private static final String SECRET = "webhook-test-secret-" + System.nanoTime();

    @Autowired
    private JdbcClient jdbc;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(2);

    @BeforeEach
    void merchantEndpoint() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/receipts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = failuresLeft.getAndDecrement() > 0;
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Signature"), fail));
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        jdbc.sql("delete from merchant_webhook where merchant_id = 'demo'").update();
        jdbc.sql("insert into merchant_webhook (merchant_id, url, secret, created_at) values ('demo', ?, ?, ?)")
                .params("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/receipts", SECRET,
                        OffsetDateTime.now()).update();
    }

    @AfterEach
    void noMoreWebhook() {
        jdbc.sql("delete from merchant_webhook where merchant_id = 'demo'").update();
        server.stop(0);
    }

    @Test
    void everyReceiptEntryIsPushedSignedAndRetriedUntilTheMerchantTakesIt() throws Exception {
        GatewayClient client = new GatewayClient(baseUrl());
        JsonNode message = client.submitAndAwait(demoApiKey(), TestFiles.freshSample().bytes(), "hook.csv")
                .get("messages").get(0);
        String guid = message.get("guid").asString();
        client.awaitMessage(demoApiKey(), guid, j -> "120".equals(j.path("customsStatus").asString()));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (taken(guid).size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(taken(guid)).extracting(j -> j.get("status").asString()).containsExactlyInAnyOrder("2", "120");
        assertThat(taken(guid)).allSatisfy(j -> {
            assertThat(j.get("orderNo").asString()).isEqualTo(message.get("orderNo").asString());
            assertThat(j.get("receipt").asString()).isEqualTo("CEB312");
        });
        assertThat(received).as("every push signed with the merchant's secret")
                .allSatisfy(r -> assertThat(r.signature()).isEqualTo("sha256=" + hmac(r.body())));
        assertThat(received.stream().filter(Received::failed)).as("the failures were met, then retried").hasSize(2);
        assertThat(received.stream().map(Received::body)).as("nothing secret in the body")
                .noneMatch(b -> b.contains(SECRET));
    }

    private List<JsonNode> taken(String guid) {
        return received.stream().filter(r -> !r.failed()).map(r -> GatewayClient.json(r.body()))
                .filter(j -> guid.equals(j.get("guid").asString())).toList();
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private record Received(String body, String signature, boolean failed) {
    }
}
