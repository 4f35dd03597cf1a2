package dev.customsgateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.audit.ContentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An upload acknowledged just before the gateway died is not lost: the {@code intake-recovery} route queues
 * every stored, unfinished submission at start-up (here: the route restarted, as on a new start).
 */
class RecoveryTest extends GatewayIntegrationTest {

    @Autowired
    private SubmissionRepository submissions;
    @Autowired
    private ContentStore store;
    @Autowired
    private CamelContext camel;

    @Test
    void acknowledgedButUnprocessedSubmissionIsProcessedAfterARestart() throws Exception {
        byte[] csv = dev.customsgateway.TestFiles.freshSample().bytes();
        ContentStore.StoredContent stored = store.put(csv);
        String id = UUID.randomUUID().toString();
        submissions.insert(new Submission(id, "demo", "HTTP", "CSV", "crash.csv", stored.sha256(), stored.size(),
                // received before this JVM started (recovery releases only an earlier process's work); a fixed
                // "5 minutes ago" failed once the suite ran longer than that before this test
                SubmissionStatus.PROCESSING, 0, 0, null, OffsetDateTime.now().minusDays(1), null));

        camel.getRouteController().stopRoute("intake-recovery");
        camel.getRouteController().startRoute("intake-recovery");

        JsonNode status = new GatewayClient(baseUrl()).awaitCompleted(demoApiKey(), id);
        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(3);
    }
}
