package dev.customsgateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.core.SecretFiles;
import dev.customsgateway.sandbox.SandboxTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OAuth2 client-credentials delivery, through real HTTP to the sandbox's token endpoint and its bearer-protected
 * intake, with the settings of the configured {@code sandbox-oauth2} destination: one token serves several
 * deliveries; a revoked token is replaced once and the message still goes through; a token about to expire is
 * renewed before use; a wrong client secret is a permanent failure that says why and is not retried.
 */
class OAuth2DeliveryTest extends GatewayIntegrationTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private DeliveryProperties properties;
    @Autowired
    private SandboxTokens sandboxTokens;
    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void normalTokens() {
        sandboxTokens.tokenLifetime(null);
    }

    @Test
    void oneTokenIsObtainedAndReusedAcrossSeveralDeliveries() {
        DeliveryRig rig = rig("oauth2-reuse", configured().oauth2(), 3);
        int issuedBefore = sandboxTokens.issued();

        for (int i = 0; i < 3; i++) {
            OutboxItem item = rig.enqueue();
            send(rig, item);
            assertThat(rig.state(item.guid())).as(rig.lastError(item.guid())).isEqualTo("DELIVERED");
            assertThat(jdbc.sql("select count(*) from sandbox_message where guid = ?").param(item.guid())
                    .query(Integer.class).single()).as("customs has it").isEqualTo(1);
        }
        assertThat(sandboxTokens.issued() - issuedBefore).isEqualTo(1);
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheMessageStillGoesThrough() {
        DeliveryRig rig = rig("oauth2-revoked", configured().oauth2(), 3);
        send(rig, rig.enqueue());
        int issuedBefore = sandboxTokens.issued();
        int refusedBefore = sandboxTokens.refused();

        sandboxTokens.revokeAll();
        OutboxItem item = rig.enqueue();
        send(rig, item);

        assertThat(rig.state(item.guid())).isEqualTo("DELIVERED");
        assertThat(rig.attempts(item.guid())).as("one attempt, inside which the token was renewed")
                .containsExactly("DELIVERED 200: delivered");
        assertThat(sandboxTokens.refused() - refusedBefore).isEqualTo(1);
        assertThat(sandboxTokens.issued() - issuedBefore).isEqualTo(1);
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeItIsUsed() throws Exception {
        sandboxTokens.tokenLifetime(Duration.ofSeconds(2)); // renewed after half its life, before customs refuses it
        DeliveryRig rig = rig("oauth2-expiry", configured().oauth2(), 3);
        send(rig, rig.enqueue());
        int issuedBefore = sandboxTokens.issued();
        int refusedBefore = sandboxTokens.refused();

        Thread.sleep(1200);
        OutboxItem item = rig.enqueue();
        send(rig, item);

        assertThat(rig.state(item.guid())).isEqualTo("DELIVERED");
        assertThat(sandboxTokens.issued() - issuedBefore).as("a new token").isEqualTo(1);
        assertThat(sandboxTokens.refused() - refusedBefore).as("the old one was never presented expired").isZero();
    }

    @Test
    void aWrongClientSecretIsAPermanentFailureWithAClearReason() throws Exception {
        Path wrong = Files.createTempFile(DATA_DIR, "wrong-", ".secret");
        SecretFiles.writeOwnerOnly(wrong, "not-the-registered-secret");
        DeliveryProperties.OAuth2 good = configured().oauth2();
        DeliveryProperties.OAuth2 bad = new DeliveryProperties.OAuth2(good.tokenUrl(), good.clientId(),
                new DeliveryProperties.Secret(wrong, null), good.scope(), DeliveryProperties.ClientAuthentication.BODY,
                null);
        DeliveryRig rig = rig("oauth2-wrong", bad, 5);
        OutboxItem item = rig.enqueue();

        send(rig, item);

        assertThat(rig.state(item.guid())).as("not retried").isEqualTo("DEAD");
        assertThat(rig.lastError(item.guid()))
                .contains("OAuth2 token refused (HTTP 401, invalid_client)")
                .contains("gateway-sandbox-client")
                .doesNotContain("not-the-registered-secret");
        assertThat(rig.attempts(item.guid())).singleElement().asString().startsWith("PERMANENT null: OAuth2");
        assertThat(jdbc.sql("select count(*) from sandbox_message where guid = ?").param(item.guid())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theSandboxIntakeRefusesRequestsWithoutAValidBearerToken() throws Exception {
        DeliveryRig rig = new DeliveryRig(context, "oauth2-none", DeliveryRig.http(configured().url(), 1, null, null));
        OutboxItem item = rig.enqueue();

        send(rig, item);

        assertThat(rig.state(item.guid())).isEqualTo("DEAD");
        assertThat(rig.attempts(item.guid())).containsExactly("PERMANENT 401: refused: HTTP 401");
        String secret = Files.readString(DATA_DIR.resolve("keys/sandbox-oauth2-client.secret"), StandardCharsets.UTF_8);
        assertThat(secret.strip()).as("created by the sandbox on start").hasSizeGreaterThan(32);
    }

    private DeliveryProperties.Destination configured() {
        return properties.destinations().get("sandbox-oauth2");
    }

    private DeliveryRig rig(String name, DeliveryProperties.OAuth2 oauth2, int maxAttempts) {
        return new DeliveryRig(context, name, DeliveryRig.http(configured().url(), maxAttempts, null, oauth2));
    }

    private static void send(DeliveryRig rig, OutboxItem item) {
        try {
            rig.sender.send(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
