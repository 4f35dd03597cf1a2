package dev.customsgateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestCertificates;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Mutual TLS to an HTTPS destination that requires a client certificate (a JDK HTTPS server with
 * {@code needClientAuth}, certificates made for the run): the gateway's client certificate gets the message in;
 * without it, or with one from a CA the server does not trust, the handshake fails, the attempt is recorded with
 * the TLS failure as its reason, retried, and dead-lettered when the attempts run out.
 */
class MutualTlsDeliveryTest extends GatewayIntegrationTest {

    private static TestCertificates certificates;
    private static HttpsServer server;
    private static final List<String> CLIENTS_SEEN = new CopyOnWriteArrayList<>();

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void startServerRequiringClientCertificates() throws Exception {
        certificates = new TestCertificates(Files.createTempDirectory("mtls-"));
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SSLContext tls = serverContext();
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/customs/messages", exchange -> {
            X509Certificate client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                    .getPeerCertificates()[0];
            CLIENTS_SEEN.add(client.getSubjectX500Principal().getName());
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            byte[] answer = "{\"code\":\"RECEIVED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void deliversWithTheDestinationsClientCertificate() {
        DeliveryRig rig = rig("mtls-ok", new DeliveryProperties.Tls(certificates.clientKeyStore,
                password(), null, certificates.trustStore, password()), 3);
        OutboxItem item = rig.enqueue();

        send(rig, item);

        assertThat(rig.state(item.guid())).isEqualTo("DELIVERED");
        assertThat(rig.attempts(item.guid())).containsExactly("DELIVERED 200: delivered");
        assertThat(CLIENTS_SEEN).contains("O=Customs Gateway,CN=gateway-client");
    }

    @Test
    void withoutAClientCertificateTheTlsFailureIsRecordedRetriedThenDeadLettered() {
        int seenBefore = CLIENTS_SEEN.size();
        DeliveryRig rig = rig("mtls-none", new DeliveryProperties.Tls(null, null, null, certificates.trustStore,
                password()), 2);
        OutboxItem item = rig.enqueue();

        send(rig, item);
        assertThat(rig.state(item.guid())).as("retried: a TLS failure may be mended (certificate renewed)")
                .isEqualTo("PENDING");
        assertThat(rig.lastError(item.guid())).startsWith("TLS failure");

        send(rig, rig.claim(item.guid()));
        assertThat(rig.state(item.guid())).isEqualTo("DEAD");
        assertThat(rig.lastError(item.guid())).startsWith("gave up after 2 attempts; last: TLS failure");
        assertThat(rig.attempts(item.guid())).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("RETRY null: TLS failure"));
        assertThat(CLIENTS_SEEN).as("the server never took a message").hasSize(seenBefore);
    }

    @Test
    void aClientCertificateFromAnUntrustedCaIsRefused() {
        DeliveryRig rig = rig("mtls-stranger", new DeliveryProperties.Tls(certificates.strangerKeyStore,
                password(), null, certificates.trustStore, password()), 1);
        OutboxItem item = rig.enqueue();

        send(rig, item);

        assertThat(rig.state(item.guid())).isEqualTo("DEAD");
        assertThat(rig.attempts(item.guid())).singleElement().asString().startsWith("RETRY null: TLS failure");
    }

    @Test
    void aKeyStoreThatCannotBeOpenedStopsStartUpNamingTheDestination() {
        DeliveryProperties.Tls wrongPassword = new DeliveryProperties.Tls(certificates.clientKeyStore,
                new DeliveryProperties.Secret(certificates.dir.resolve("missing.password"), null), null, null, null);
        assertThatThrownBy(() -> rig("mtls-broken", wrongPassword, 1))
                .hasMessageContaining("gateway.delivery.destinations.mtls-broken.tls")
                .hasMessageContaining("missing.password")
                .hasMessageNotContaining(new String(certificates.password));
    }

    private DeliveryRig rig(String name, DeliveryProperties.Tls tls, int maxAttempts) {
        String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/customs/messages";
        return new DeliveryRig(context, name, DeliveryRig.http(url, maxAttempts, tls, null));
    }

    private static DeliveryProperties.Secret password() {
        return new DeliveryProperties.Secret(certificates.passwordFile, null);
    }

    private static void send(DeliveryRig rig, OutboxItem item) {
        try {
            rig.sender.send(item);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.serverKeyStore)) {
            keys.load(in, certificates.password);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.trustStore)) {
            trust.load(in, certificates.password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, certificates.password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }
}
