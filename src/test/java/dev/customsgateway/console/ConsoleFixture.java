package dev.customsgateway.console;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.TestFiles;
import dev.customsgateway.TestMerchants;
import dev.customsgateway.core.PasswordHasher;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two merchants, each with real messages that went through the pipeline to the customs sandbox and back (so they
 * have receipts), and console users for them, made once for the console tests of one test gateway.
 */
final class ConsoleFixture {

    static final String PASSWORD = "correct horse battery staple";
    private static ConsoleFixture made;

    final String merchantA;
    final String merchantB;
    final List<String> guidsA;
    final List<String> guidsB;
    final String orderPrefixA;
    final String userA;
    final String userB;
    final String auditor;

    private ConsoleFixture(String merchantA, String merchantB, Messages a, Messages b) {
        this.merchantA = merchantA;
        this.merchantB = merchantB;
        this.guidsA = a.guids();
        this.guidsB = b.guids();
        this.orderPrefixA = a.prefix();
        this.userA = "user-" + merchantA;
        this.userB = "user-" + merchantB;
        this.auditor = "auditor-" + merchantA;
    }

    static synchronized ConsoleFixture get(String baseUrl, JdbcClient jdbc, PasswordHasher hasher) throws Exception {
        if (made == null) {
            String a = TestMerchants.uniqueId("shop-a");
            String b = TestMerchants.uniqueId("shop-b");
            GatewayClient client = new GatewayClient(baseUrl);
            Messages messagesA = declare(client, TestMerchants.create(jdbc, a, "default-csv"));
            Messages messagesB = declare(client, TestMerchants.create(jdbc, b, "default-csv"));
            made = new ConsoleFixture(a, b, messagesA, messagesB);
            String hash = hasher.hash(PASSWORD);
            create(jdbc, made.userA, hash, "MERCHANT", a);
            create(jdbc, made.userB, hash, "MERCHANT", b);
            create(jdbc, made.auditor, hash, "AUDITOR", null);
        }
        return made;
    }

    /** Uploads a fresh sample and waits until customs accepted every message (receipt 120). */
    private static Messages declare(GatewayClient client, String apiKey) throws Exception {
        TestFiles.Fresh sample = TestFiles.freshSample();
        JsonNode status = client.submitAndAwait(apiKey, sample.bytes(), "sample-orders.csv");
        List<String> guids = new ArrayList<>();
        for (JsonNode message : status.get("messages")) {
            String guid = message.get("guid").asString();
            client.awaitMessage(apiKey, guid, m -> "120".equals(m.path("customsStatus").asString()));
            guids.add(guid);
        }
        return new Messages(sample.prefix(), guids);
    }

    static void create(JdbcClient jdbc, String username, String hash, String role, String merchant) {
        jdbc.sql("""
                insert into console_user (username, password_hash, role, merchant_id, enabled, created_at, created_by)
                values (?, ?, ?, ?, true, ?, 'test')""")
                .params(username, hash, role, merchant, OffsetDateTime.now()).update();
    }

    private record Messages(String prefix, List<String> guids) {
    }
}
