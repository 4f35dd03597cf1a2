package dev.customsgateway.delivery;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery settings: where messages go and how hard to try.
 *
 * @param outboxDir           folder of the FOLDER transport (the e-port transfer client's outbound folder)
 * @param defaultDestination  destination of every merchant's messages (per-merchant routing comes later)
 * @param batchSize           messages claimed per poll
 * @param lease               how long a claimed message may stay "sending" before another worker may retry it
 *                            (a crash mid-send); it is re-sent with the same guid
 * @param destinations        the destinations by name
 * @param familyDestinations  message type to destination, for families that go elsewhere than the default (the
 *                            UK declarations, {@code UK_SRDS}, go to HMRC, not to the China e-port)
 */
@ConfigurationProperties("gateway.delivery")
record DeliveryProperties(Path outboxDir, String defaultDestination, int batchSize, Duration lease,
        Map<String, Destination> destinations, Map<String, String> familyDestinations) {

    DeliveryProperties {
        outboxDir = outboxDir == null ? Path.of("data", "outbox") : outboxDir;
        batchSize = batchSize <= 0 ? 20 : batchSize;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
        if (defaultDestination == null || !destinations.containsKey(defaultDestination)) {
            throw new IllegalArgumentException("gateway.delivery.default-destination must name one of "
                    + "gateway.delivery.destinations " + destinations.keySet());
        }
        familyDestinations = familyDestinations == null ? Map.of() : Map.copyOf(familyDestinations);
        for (Map.Entry<String, String> family : familyDestinations.entrySet()) {
            if (!destinations.containsKey(family.getValue())) {
                throw new IllegalArgumentException("gateway.delivery.family-destinations." + family.getKey()
                        + " must name one of gateway.delivery.destinations " + destinations.keySet());
            }
        }
    }

    /** Where messages of a type go: its family's destination, else the default one. */
    String destinationFor(String messageType) {
        return familyDestinations.getOrDefault(messageType, defaultDestination);
    }

    /**
     * One destination.
     *
     * @param transport                 HTTP (POST the XML) or FOLDER (drop it for a transfer client)
     * @param url                       HTTP: where to POST; {@code {local-port}} stands for this gateway's own
     *                                  HTTP port (the embedded sandbox)
     * @param requestTimeout            HTTP: time allowed for one answer
     * @param maxAttempts               attempts before a message is dead-lettered
     * @param initialBackoff            wait after the first failure; doubled per attempt, with jitter
     * @param maxBackoff                the longest wait between attempts
     * @param circuitFailureThreshold   consecutive failures that open the circuit
     * @param circuitOpenFor            how long an open circuit stops attempts to the destination
     * @param envelope                  FOLDER: how each message is wrapped (none by default)
     * @param tls                       HTTP: mutual TLS (client key store, trust store); none by default
     * @param oauth2                    HTTP: OAuth2 client-credentials bearer tokens; none by default
     */
    record Destination(TransportKind transport, String url, Duration requestTimeout, int maxAttempts,
            Duration initialBackoff, Duration maxBackoff, int circuitFailureThreshold, Duration circuitOpenFor,
            Envelope envelope, Tls tls, OAuth2 oauth2) {

        Destination {
            transport = transport == null ? TransportKind.HTTP : transport;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
            maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            circuitFailureThreshold = circuitFailureThreshold <= 0 ? 5 : circuitFailureThreshold;
            circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(30) : circuitOpenFor;
            envelope = envelope == null ? new Envelope(EnvelopeKind.NONE, null, null) : envelope;
            if (transport == TransportKind.HTTP && (url == null || url.isBlank())) {
                throw new IllegalArgumentException("an HTTP destination needs a url");
            }
            if (transport != TransportKind.HTTP && (tls != null || oauth2 != null)) {
                throw new IllegalArgumentException("tls and oauth2 apply to HTTP destinations only");
            }
        }

        URI uri(String localPort) {
            return URI.create(url.replace("{local-port}", localPort));
        }
    }

    /**
     * Mutual TLS for an HTTPS destination: the gateway's client key and certificate, and the certificates it
     * trusts for the server (without a trust store, the JDK's default CAs).
     *
     * @param keyStore          PKCS12 (or {@code keyStoreType}) file with the client key and its certificate chain;
     *                          without it no client certificate is presented (server authentication only)
     * @param keyStorePassword  where its password is (a file or an environment variable)
     * @param keyStoreType      PKCS12 by default
     * @param trustStore        PKCS12 file with the trusted server certificates or CAs; optional
     * @param trustStorePassword where its password is; optional (a trust store may have none)
     */
    record Tls(Path keyStore, Secret keyStorePassword, String keyStoreType, Path trustStore,
            Secret trustStorePassword) {
        Tls {
            keyStoreType = keyStoreType == null ? "PKCS12" : keyStoreType;
            if (keyStore == null && trustStore == null) {
                throw new IllegalArgumentException("tls needs a key-store (client certificate), a trust-store, or both");
            }
            if (keyStore != null && keyStorePassword == null) {
                throw new IllegalArgumentException("tls key-store needs key-store-password (file or env)");
            }
        }
    }

    /**
     * OAuth2 client-credentials grant (RFC 6749 section 4.4), as HMRC's APIs use: a bearer token from the token
     * endpoint, kept until shortly before it expires.
     *
     * @param tokenUrl             the token endpoint; {@code {local-port}} as for the url
     * @param clientId             the client id (not a secret)
     * @param clientSecret         where the client secret is (a file or an environment variable)
     * @param scope                space-separated scopes to ask for; optional
     * @param clientAuthentication BASIC (HTTP Basic, the RFC's default) or BODY (client_id and client_secret
     *                             as form fields, as HMRC documents)
     * @param refreshBeforeExpiry  a token is renewed this long before it expires (at most half its lifetime)
     */
    record OAuth2(String tokenUrl, String clientId, Secret clientSecret, String scope,
            ClientAuthentication clientAuthentication, Duration refreshBeforeExpiry) {
        OAuth2 {
            clientAuthentication = clientAuthentication == null ? ClientAuthentication.BASIC : clientAuthentication;
            refreshBeforeExpiry = refreshBeforeExpiry == null ? Duration.ofSeconds(30) : refreshBeforeExpiry;
            if (tokenUrl == null || tokenUrl.isBlank() || clientId == null || clientId.isBlank()
                    || clientSecret == null) {
                throw new IllegalArgumentException("oauth2 needs token-url, client-id and client-secret (file or env)");
            }
        }

        URI tokenUri(String localPort) {
            return URI.create(tokenUrl.replace("{local-port}", localPort));
        }
    }

    /** How the client id and secret are presented to the token endpoint. */
    enum ClientAuthentication { BASIC, BODY }

    /**
     * Where a secret is kept: a file (owner-only, read on use) or an environment variable, never the
     * configuration itself. The value is never part of {@code toString} or a log line.
     *
     * @param file  file holding the secret (surrounding whitespace ignored)
     * @param env   name of the environment variable holding it
     */
    record Secret(Path file, String env) {
        Secret {
            if ((file == null) == (env == null || env.isBlank())) {
                throw new IllegalArgumentException("a secret needs exactly one of file or env");
            }
        }

        /** The secret's value; a clear error naming the file or variable when it is missing. */
        char[] read() {
            if (file != null) {
                try {
                    return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).strip()
                            .toCharArray();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("secret file " + file.toAbsolutePath() + " cannot be read: "
                            + e.getClass().getSimpleName());
                }
            }
            String value = System.getenv(env);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("environment variable " + env + " (a secret) is not set");
            }
            return value.toCharArray();
        }
    }

    /** How a destination is reached. */
    enum TransportKind { HTTP, FOLDER }

    /**
     * The transport envelope of a FOLDER destination.
     *
     * @param kind        NONE (the signed XML as it is) or DXP (the terminal-node {@code DxpMsg})
     * @param senderId    DXP: the enterprise's DXP node id (TransInfo/SenderId, up to 16 characters)
     * @param receiverId  DXP: the e-port's receiver id, e.g. {@code DXPEDCCEB0000002} for import
     */
    record Envelope(EnvelopeKind kind, String senderId, String receiverId) {
        Envelope {
            kind = kind == null ? EnvelopeKind.NONE : kind;
            if (kind == EnvelopeKind.DXP && (senderId == null || receiverId == null)) {
                throw new IllegalArgumentException("a DXP envelope needs sender-id and receiver-id");
            }
        }
    }

    /** Envelope kinds. */
    enum EnvelopeKind { NONE, DXP }
}
