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
     */
    record Destination(TransportKind transport, String url, Duration requestTimeout, int maxAttempts,
            Duration initialBackoff, Duration maxBackoff, int circuitFailureThreshold, Duration circuitOpenFor,
            Envelope envelope) {

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
        }

        URI uri(String localPort) {
            return URI.create(url.replace("{local-port}", localPort));
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
