package dev.customsgateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The orders of a file commit in batches (one transaction for many orders), and each order still succeeds or fails
 * on its own: an order rejected by the rules, and one that fails after its message was written to the outbox (the
 * hardest case: its savepoint must take back the outbox row, the content index and its closing entry), leave the
 * other orders of the same batch declared, the counts right and the log's chain whole.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrderBatchTest extends GatewayIntegrationTest {

    /** An order that fails after it closed: the test's own step, woven in after the outbox step. */
    private static final String FAILS_LATE = "BATCH-LATE-3";
    private static boolean advised;

    @Autowired
    private CamelContext camel;
    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void failTheLateOrderAfterItsOutboxRow() throws Exception {
        synchronized (OrderBatchTest.class) {
            if (advised) {
                return;
            }
            // only ever this order number, so the other tests sharing the gateway are unaffected
            AdviceWith.adviceWith(camel, "pipeline-order-steps", route -> route.weaveById("order-write").after()
                    .process(exchange -> {
                        CustomsMessage message = exchange.getProperty("message", CustomsMessage.class);
                        if (FAILS_LATE.equals(message.origin().orderNo())) {
                            throw new OrderRejectedException(List.of(new RowError(message.origin().sourceRow(),
                                    null, null, "TEST_LATE_FAILURE", "failed after its outbox row was written")));
                        }
                    }));
            advised = true;
        }
    }

    @Test
    void aFailedOrderRollsBackAloneAndTheRestOfItsBatchCommits(CapturedOutput output) throws Exception {
        String header = Files.readString(Path.of("src/test/resources/fixtures/orders/sample-orders.csv")).lines()
                .findFirst().orElseThrow();
        String csv = header + "\n"
                + row("BATCH-OK-1", "110101199003071233") // row 2
                + row("BATCH-BADID-2", "110101199003071234") // row 3: wrong check character, rejected by the rules
                + row(FAILS_LATE, "110101199003071233") // row 4: fails after its outbox row
                + row("BATCH-OK-4", "110101199003071233") // row 5
                + row("BATCH-OK-5", "110101199003071233"); // row 6

        JsonNode status = new GatewayClient(baseUrl()).submitAndAwait(demoApiKey(),
                csv.getBytes(StandardCharsets.UTF_8), "batch.csv");

        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(3);
        assertThat(status.at("/orders/failed").asInt()).isEqualTo(2);
        assertThat(status.get("errors").toString()).contains("BUYER_ID_NUMBER_INVALID").contains("TEST_LATE_FAILURE");
        assertThat(jdbc.sql("select order_no from outbox_message where order_no like 'BATCH-%' order by order_no")
                .query(String.class).list()).containsExactly("BATCH-OK-1", "BATCH-OK-4", "BATCH-OK-5");
        assertThat(jdbc.sql("select count(*) from submission_order where order_no like 'BATCH-%'")
                .query(Integer.class).single()).isEqualTo(5);

        // the late order's stages are all in the log, then its rejection, and not the closing its savepoint undid
        assertThat(stages(FAILS_LATE)).containsExactly("PARSED", "MAPPED", "SIGNED", "VALIDATED", "REJECTED");
        assertThat(stages("BATCH-BADID-2")).containsExactly("PARSED", "REJECTED");
        assertThat(stages("BATCH-OK-4")).containsExactly("PARSED", "MAPPED", "SIGNED", "VALIDATED", "WRITTEN");
        // every artefact the rejected orders' entries name is still indexed (retention finds it) and readable
        List<String> named = jdbc.sql("select distinct artefact_sha256 from message_log where order_no in (?, ?)"
                + " and artefact_sha256 is not null").params(FAILS_LATE, "BATCH-BADID-2").query(String.class).list();
        assertThat(named).hasSize(4); // two canonical orders, the late order's XML and its signed XML
        for (String sha256 : named) {
            assertThat(jdbc.sql("select count(*) from sealed_content where sha256 = ?").param(sha256)
                    .query(Integer.class).single()).as("index row of " + sha256).isEqualTo(1);
        }

        HttpResponse<String> verification = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/v1/audit/verification"))
                .header("Authorization", "Bearer " + Files.readString(DATA_DIR.resolve("auditor.token")).strip())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(GatewayClient.json(verification.body()).get("intact").asBoolean())
                .as(verification.body()).isTrue();
        // a rejected order is an answer to the merchant, not an error of the gateway: no error log, no stack trace
        // (only this test's orders are looked for: the output is the whole shared gateway's)
        assertThat(output.getOut()).doesNotContain("first: TEST_LATE_FAILURE")
                .doesNotContain("first: BUYER_ID_NUMBER_INVALID at row 3");
    }

    private List<String> stages(String orderNo) {
        return jdbc.sql("select stage from message_log where order_no = ? order by seq").param(orderNo)
                .query(String.class).list();
    }

    private static String row(String orderNo, String idNumber) {
        return orderNo + ",b1,赵六," + idNumber + ",13800000009,赵六,13800000009,北京市 1 号,,0,0,0,,,,,S1,茶叶,100g/袋,,011,1,50,50,142\n";
    }
}
