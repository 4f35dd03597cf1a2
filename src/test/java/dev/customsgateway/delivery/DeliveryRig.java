package dev.customsgateway.delivery;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.MessageLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real delivery machinery of the running test gateway (outbox table, attempt records, content store, message
 * log, circuit breakers) driven for a destination the gateway's own configuration does not have: a message is put
 * in the outbox already claimed, in one transaction (so the gateway's poller never sees it due) and the test makes each attempt itself.
 * Failed attempts are scheduled an hour ahead, so nothing else touches the row during the test.
 */
final class DeliveryRig {

    final DeliverySender sender;
    final OAuth2Tokens tokens;
    private final OutboxRepository outbox;
    private final ContentStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String destination;

    DeliveryRig(ApplicationContext context, String destination, DeliveryProperties.Destination settings) {
        this.destination = destination;
        this.outbox = context.getBean(OutboxRepository.class);
        this.store = context.getBean(ContentStore.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Clock clock = context.getBean(Clock.class);
        DeliveryProperties properties = new DeliveryProperties(Path.of("unused-outbox"), destination, 0, null,
                Map.of(destination, settings), Map.of());
        this.tokens = new OAuth2Tokens(clock);
        HttpTransport http = new HttpTransport(new HttpClients(properties), tokens,
                context.getBean(Environment.class));
        this.sender = new DeliverySender(outbox, properties, context.getBean(CircuitBreakers.class), http,
                context.getBean(FolderTransport.class), store, context.getBean(MessageLog.class), clock);
    }

    /** An HTTP destination with test-sized retry settings (an hour between attempts: the test drives them). */
    static DeliveryProperties.Destination http(String url, int maxAttempts, DeliveryProperties.Tls tls,
            DeliveryProperties.OAuth2 oauth2) {
        return new DeliveryProperties.Destination(DeliveryProperties.TransportKind.HTTP, url, Duration.ofSeconds(10),
                maxAttempts, Duration.ofHours(1), Duration.ofHours(2), 100, Duration.ofSeconds(1), null, tls, oauth2);
    }

    /** A new outbox message for the destination (an unsigned CEB311 with a fresh guid), claimed for attempt 1. */
    OutboxItem enqueue() {
        String guid = UUID.randomUUID().toString().toUpperCase();
        String orderNo = "RIG-" + guid.substring(0, 8);
        byte[] xml = ("<CEB311Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + guid + "\" version=\"1.0\">"
                + "<Order><OrderHead><guid>" + guid + "</guid><orderNo>" + orderNo + "</orderNo></OrderHead></Order>"
                + "</CEB311Message>").getBytes(StandardCharsets.UTF_8);
        String sha256 = store.put(xml).sha256();
        OffsetDateTime now = OffsetDateTime.now();
        // Inserted and claimed in one transaction: committed apart, the gateway's poller could claim the due row
        // in between and count an attempt of its own (seen once in CI: dead after the first of two attempts).
        return transaction.execute(status -> {
            outbox.insert(guid, "demo", null, orderNo, "CEB311", destination, sha256,
                    OutboxNames.of("CEB311", orderNo, guid), now);
            return claim(guid);
        });
    }

    /** Claims the message again for its next attempt, as the poller would once it is due. */
    OutboxItem claim(String guid) {
        jdbc.sql("""
                update outbox_message set state = 'SENDING', attempts = attempts + 1, claimed_until = ?
                where guid = ?""").params(OffsetDateTime.now().plusHours(1), guid).update();
        return jdbc.sql("""
                select id, guid, merchant_id, submission_id, order_no, message_type, destination, content_sha256,
                    file_name, attempts from outbox_message where guid = ?""")
                .param(guid)
                .query((rs, n) -> new OutboxItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getInt(10)))
                .single();
    }

    String state(String guid) {
        return jdbc.sql("select state from outbox_message where guid = ?").param(guid).query(String.class).single();
    }

    String lastError(String guid) {
        return jdbc.sql("select last_error from outbox_message where guid = ?").param(guid)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    /** Each recorded attempt as "OUTCOME status: detail", oldest first. */
    java.util.List<String> attempts(String guid) {
        return jdbc.sql("""
                select a.outcome, a.status_code, a.detail from delivery_attempt a
                join outbox_message m on m.id = a.outbox_id where m.guid = ? order by a.id""")
                .param(guid)
                .query((rs, n) -> rs.getString(1) + " " + rs.getObject(2) + ": " + rs.getString(3)).list();
    }
}
