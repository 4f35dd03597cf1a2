package dev.customsgateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.stereotype.Component;

/**
 * One HTTP client per destination, used by {@link HttpTransport} and {@link OAuth2Tokens}: plain, or presenting
 * the destination's client certificate (mutual TLS) and trusting only its trust store. The key stores are read
 * once, at start-up, so a wrong path or password stops the gateway with a message naming the destination rather
 * than failing every delivery later. Passwords are read from their file or variable and wiped after use.
 */
@Component
class HttpClients {

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClients(DeliveryProperties properties) {
        properties.destinations().forEach((name, destination) -> {
            if (destination.transport() == DeliveryProperties.TransportKind.HTTP) {
                clients.put(name, build(name, destination.tls()));
            }
        });
    }

    /** The client of a destination (one built on demand for a destination added after start-up, e.g. in tests). */
    HttpClient of(String name, DeliveryProperties.Destination destination) {
        return clients.computeIfAbsent(name, n -> build(n, destination.tls()));
    }

    private static HttpClient build(String name, DeliveryProperties.Tls tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            try {
                builder.sslContext(sslContext(tls));
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                throw new IllegalStateException("gateway.delivery.destinations." + name + ".tls: "
                        + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        return builder.build();
    }

    static SSLContext sslContext(DeliveryProperties.Tls tls) throws GeneralSecurityException, IOException {
        char[] keyPassword = tls.keyStore() == null ? new char[0] : tls.keyStorePassword().read();
        try {
            KeyManagerFactory keys = null;
            if (tls.keyStore() != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(tls.keyStore(), tls.keyStoreType(), keyPassword), keyPassword);
            }
            TrustManagerFactory trust = null;
            if (tls.trustStore() != null) {
                char[] trustPassword = tls.trustStorePassword() == null ? null : tls.trustStorePassword().read();
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(tls.trustStore(), tls.keyStoreType(), trustPassword));
                if (trustPassword != null) {
                    Arrays.fill(trustPassword, '\0');
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } finally {
            Arrays.fill(keyPassword, '\0');
        }
    }

    private static KeyStore load(java.nio.file.Path file, String type, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("key store " + file.toAbsolutePath() + " does not exist", e);
        }
        return store;
    }
}
