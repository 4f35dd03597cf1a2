package dev.customsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway on its embedded H2, stopped as an operator stops it (SIGTERM): it signs a last checkpoint of the
 * message log with the database still open. H2's own shutdown hook used to close the database first, and the last
 * checkpoint failed with "Database is already closed".
 */
class GatewayShutdownTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedGatewaySignsItsLastCheckpointBeforeTheDatabaseCloses() throws Exception {
        int port = SeparateJvm.freePort();
        String gateway = "http://127.0.0.1:" + port;
        Path data = dir.resolve("gateway");
        Path log = dir.resolve("gateway.log");
        try (SeparateJvm process = SeparateJvm.start("dev.customsgateway.CustomsGatewayApplication", log,
                List.of("--server.port=" + port, "--gateway.data-dir=" + data, "--gateway.sandbox.enabled=false",
                        "--gateway.intake.sftp.port=0", "--gateway.delivery.poll-interval-ms=3600000"))) {
            process.awaitHttp200(gateway + "/readyz", Duration.ofSeconds(60));
            Path keyFile = data.resolve("demo-merchant.api-key");
            process.awaitCondition("the demo merchant's API key", Duration.ofSeconds(30), () -> Files.exists(keyFile));
            var status = new GatewayClient(gateway).submitAndAwait(Files.readString(keyFile).strip(),
                    TestFiles.freshSample().bytes(), "sample-orders.csv");
            assertThat(status.at("/orders/succeeded").asInt()).as(status.toString()).isEqualTo(3);
        } // close(): SIGTERM, and the test waits for the process to end

        String output = Files.readString(log);
        assertThat(output).contains("Signed message-log checkpoint at seq")
                .doesNotContain("Database is already closed")
                .doesNotContain("Message-log checkpoint failed");
    }
}
