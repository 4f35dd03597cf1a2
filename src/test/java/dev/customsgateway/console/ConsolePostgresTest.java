package dev.customsgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.customsgateway.TestMerchants;
import dev.customsgateway.audit.MessageFilter;
import dev.customsgateway.audit.MessageQueries;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The console's SQL on PostgreSQL 15, the production database (the browser and HTTP tests run on H2): search
 * with every filter, the message page's queries, the dashboard's aggregates, users and the access log. Uses the
 * throw-away PostgreSQL of the test command ({@code .ci/test.sh}), named in {@code GATEWAY_TEST_POSTGRES_URL}.
 */
class ConsolePostgresTest {

    private HikariDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void connect() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(required("GATEWAY_TEST_POSTGRES_URL"));
        config.setUsername(required("GATEWAY_TEST_POSTGRES_USER"));
        config.setPassword(required("GATEWAY_TEST_POSTGRES_PASSWORD"));
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void searchMessagePageDashboardUsersAndAccessLogRunOnPostgres() {
        String merchant = TestMerchants.uniqueId("pg-console");
        TestMerchants.create(jdbc, merchant, "default-csv");
        String guid = UUID.randomUUID().toString().toUpperCase();
        String submission = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into submission (id, merchant_id, channel, format, file_name, content_sha256, size_bytes, status,
                    received_at) values (?, ?, 'HTTP', 'CSV', 'orders.csv', ?, 10, 'COMPLETED', ?)""")
                .params(submission, merchant, "a".repeat(64), now.minusSeconds(3)).update();
        jdbc.sql("""
                insert into outbox_message (guid, merchant_id, submission_id, order_no, message_type, destination,
                    content_sha256, file_name, state, next_attempt_at, created_at)
                values (?, ?, ?, 'PG-0001', 'CEB311', 'sandbox', ?, 'x.xml', 'DELIVERED', ?, ?)""")
                .params(guid, merchant, submission, "b".repeat(64), now, now).update();
        jdbc.sql("""
                insert into customs_receipt (guid, merchant_id, receipt_type, order_no, return_status, return_time,
                    return_info, explanation, receipt_sha256, received_at) values (?, ?, 'CEB312', 'PG-0001', '120',
                    '20261129120000000', '', 'accepted into the customs system', ?, ?)""")
                .params(guid, merchant, "c".repeat(64), now.plusSeconds(2)).update();
        jdbc.sql("insert into submission_error (submission_id, order_no, source_row, rule, message)"
                + " values (?, 'PG-0002', 3, 'UNIT_UNKNOWN', 'unit 999 is not a customs unit')")
                .param(submission).update();
        jdbc.sql("insert into console_business_key (guid, key_name, key_value) values (?, 'logisticsNo', 'LN-PG-1')")
                .param(guid).update();

        MessageQueries messages = new MessageQueries(jdbc);
        LocalDate today = now.toLocalDate();
        MessageFilter matching = new MessageFilter("LN-PG-1", merchant, "DELIVERED", "120", today, today);
        assertThat(messages.search(matching, 10, 0)).extracting(MessageQueries.MessageRow::guid,
                MessageQueries.MessageRow::customsStatus).containsExactly(org.assertj.core.groups.Tuple.tuple(guid,
                        "120"));
        assertThat(messages.count(matching)).isEqualTo(1);
        assertThat(messages.businessKeys(java.util.List.of(guid)).get(guid))
                .containsExactly(new MessageQueries.BusinessKey("logisticsNo", "LN-PG-1"));
        assertThat(messages.search(new MessageFilter(null, merchant, "DEAD", null, null, null), 10, 0))
                .isEmpty();
        assertThat(messages.find(guid).orElseThrow().signingKeyAlias()).isEqualTo("demo-rsa");
        assertThat(messages.timeline(guid, submission)).isEmpty();
        assertThat(messages.receipts(guid)).extracting(MessageQueries.Receipt::explanation)
                .containsExactly("accepted into the customs system");

        ConsoleAccess access = new ConsoleAccess(jdbc, Clock.systemUTC());
        ConsoleSession session = new ConsoleSession("s", "pg-user", ConsoleRole.MERCHANT, merchant, "t", now.toInstant(),
                now.toInstant());
        String page = new DashboardPage(jdbc, access, Clock.systemUTC())
                .dashboard(new MockHttpServletRequest(), session, "n").getBody();
        assertThat(page).contains("UNIT_UNKNOWN").contains("CEB312 120").contains("1 answered messages: median 5.0 s");
        assertThat(access.recent(5)).extracting(ConsoleAccess.Entry::action).contains("VIEWED_DASHBOARD");

        ConsoleUsers users = new ConsoleUsers(jdbc);
        String name = "pg-" + UUID.randomUUID();
        users.create(name, "$argon2id$x", ConsoleRole.MERCHANT, merchant, "test", now);
        users.setRole(name, ConsoleRole.AUDITOR, null);
        assertThat(users.find(name).orElseThrow().role()).isEqualTo(ConsoleRole.AUDITOR);
        assertThat(users.passwordHashOfEnabled(name)).contains("$argon2id$x");
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run the tests with `bash .ci/test.sh`, "
                    + "which starts PostgreSQL on loopback and sets it");
        }
        return value;
    }
}
