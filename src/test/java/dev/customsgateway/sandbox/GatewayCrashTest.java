package dev.customsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.core.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The gateway killed with SIGKILL in the middle of a batch, with customs (the sandbox) running as a process of
 * its own, then restarted on the same data folder: from customs' books, every order is accepted exactly once
 * (no guid twice, no order under two guids, none missing), and every order reaches customs status 120 at the
 * gateway.
 */
class GatewayCrashTest {

    private static final int ORDERS = 200;
    /** Kill once customs has booked this many, so the kill lands with some delivered and most not. */
    private static final int KILL_AFTER = 10;
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void gatewayKilledMidBatchEveryOrderIsAcceptedByCustomsExactlyOnce() throws Exception {
        long began = System.nanoTime();
        Path gatewayData = dir.resolve("gateway");
        Path secret = gatewayData.resolve("keys/sandbox-receipts.secret");
        SecretFiles.readOrCreate(secret); // shared by both processes, created before either starts
        int sandboxPort = SeparateJvm.freePort();
        int gatewayPort = SeparateJvm.freePort();
        String customs = "http://127.0.0.1:" + sandboxPort;
        String gateway = "http://127.0.0.1:" + gatewayPort;

        try (SeparateJvm sandbox = SeparateJvm.start(SandboxServer.class.getName(), dir.resolve("sandbox.log"),
                List.of("--port=" + sandboxPort, "--data-dir=" + dir.resolve("sandbox"),
                        "--receipt-url=" + gateway + "/api/v1/receipts/sandbox", "--receipt-secret-file=" + secret,
                        "--certificates-dir=" + gatewayData.resolve("keys"), "--latency=50ms"))) {
            List<String> gatewayArgs = gatewayArgs(gatewayPort, gatewayData, customs);
            SeparateJvm first = startGateway(gatewayArgs, dir.resolve("gateway-1.log"));
            sandbox.awaitHttp200(customs + "/sandbox/ceb/books", START);
            first.awaitHttp200(gateway + "/readyz", START);
            Path keyFile = gatewayData.resolve("demo-merchant.api-key");
            first.awaitCondition("the demo merchant's API key", START, () -> Files.exists(keyFile));
            String apiKey = Files.readString(keyFile).strip();
            String prefix = "CR-" + Long.toHexString(System.nanoTime()).toUpperCase() + "-";

            var accepted = new GatewayClient(gateway).submit(apiKey, orders(prefix), "crash-batch.csv");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            first.awaitCondition(KILL_AFTER + " messages at customs", Duration.ofSeconds(30),
                    () -> books(customs).path("count").asInt() >= KILL_AFTER);
            first.kill();
            int atKill = books(customs).path("count").asInt();
            assertThat(atKill).as("the kill landed mid-batch").isBetween(KILL_AFTER, ORDERS - 1);

            try (SeparateJvm second = startGateway(gatewayArgs, dir.resolve("gateway-2.log"))) {
                second.awaitHttp200(gateway + "/readyz", START);
                second.awaitCondition("all " + ORDERS + " orders at customs", Duration.ofSeconds(60),
                        () -> books(customs).path("count").asInt() >= ORDERS);
                JsonNode books = books(customs);
                assertEveryOrderBookedOnceAndAccepted(books, prefix);

                GatewayClient client = new GatewayClient(gateway);
                for (int i = 1; i <= ORDERS; i++) {
                    String orderNo = orderNo(prefix, i);
                    try {
                        second.awaitCondition("customs status 120 for " + orderNo, Duration.ofSeconds(30),
                                () -> acceptedOnceAt120(client, apiKey, orderNo));
                    } catch (AssertionError e) {
                        throw new AssertionError(client.get(apiKey, "/api/v1/orders/" + orderNo, "application/json")
                                .body(), e);
                    }
                }
                System.out.printf("crash test: %d orders, %d at customs when killed, %d duplicate-guid re-sends "
                        + "answered, %.1f s in all%n", ORDERS, atKill, books(customs).path("duplicateGuids").asLong(),
                        (System.nanoTime() - began) / 1e9);
            }
        }
    }

    private static void assertEveryOrderBookedOnceAndAccepted(JsonNode books, String prefix) {
        Map<String, List<String>> guidsByOrder = new HashMap<>();
        List<String> guids = new ArrayList<>();
        for (JsonNode m : books.get("messages")) {
            assertThat(m.get("messageType").asString()).isEqualTo("CEB311");
            assertThat(m.get("verdict").asString()).as(m.toString()).isEqualTo("ACCEPTED");
            guids.add(m.get("guid").asString());
            guidsByOrder.computeIfAbsent(m.get("businessNo").asString(), k -> new ArrayList<>())
                    .add(m.get("guid").asString());
        }
        assertThat(guids).as("no guid booked twice").doesNotHaveDuplicates();
        assertThat(guidsByOrder.keySet()).as("every order, none missing, no other")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ORDERS)
                        .mapToObj(i -> orderNo(prefix, i)).toList());
        assertThat(guidsByOrder).as("no order accepted under two guids").allSatisfy((order, g) ->
                assertThat(g).hasSize(1));
    }

    /** The gateway knows exactly one message for the order, delivered, with customs status 120. */
    private static boolean acceptedOnceAt120(GatewayClient client, String apiKey, String orderNo) {
        try {
            var response = client.get(apiKey, "/api/v1/orders/" + orderNo, "application/json");
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode messages = GatewayClient.json(response.body()).get("messages");
            assertThat(messages).as("one message for " + orderNo).hasSize(1);
            return "120".equals(messages.get(0).path("customsStatus").asString())
                    && "DELIVERED".equals(messages.get(0).path("delivery").asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static SeparateJvm startGateway(List<String> args, Path log) {
        return SeparateJvm.start("dev.customsgateway.CustomsGatewayApplication", log, args);
    }

    private static List<String> gatewayArgs(int port, Path data, String customs) {
        return List.of("--server.port=" + port, "--gateway.data-dir=" + data,
                "--gateway.sandbox.enabled=false",
                "--gateway.delivery.destinations.sandbox.url=" + customs + "/sandbox/ceb/messages",
                "--gateway.delivery.poll-interval-ms=100",
                // a message claimed when the process died is re-sent after this (the default is minutes)
                "--gateway.delivery.lease=3s",
                "--gateway.delivery.destinations.sandbox.initial-backoff=200ms",
                "--gateway.delivery.destinations.sandbox.circuit-open-for=1s",
                "--gateway.intake.recovery-delay-ms=0",
                "--gateway.intake.sftp.port=0",
                "--gateway.audit.checkpoint-interval=0");
    }

    private static JsonNode books(String customs) {
        return GatewayClient.json(SeparateJvm.get(customs + "/sandbox/ceb/books").body());
    }

    private static String orderNo(String prefix, int i) {
        return prefix + String.format("%04d", i);
    }

    /** One single-line order per row, each with its own number (the sample's second order as the model). */
    private static byte[] orders(String prefix) throws java.io.IOException {
        List<String> sample = Files.readAllLines(dev.customsgateway.TestFiles.SAMPLE, StandardCharsets.UTF_8);
        String model = sample.stream().filter(l -> l.startsWith("SO-2026-0002,")).findFirst().orElseThrow();
        StringBuilder csv = new StringBuilder(sample.get(0)).append('\n');
        for (int i = 1; i <= ORDERS; i++) {
            csv.append(model.replace("SO-2026-0002", orderNo(prefix, i))).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
