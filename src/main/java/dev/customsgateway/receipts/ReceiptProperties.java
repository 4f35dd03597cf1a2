package dev.customsgateway.receipts;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where receipts may come from.
 *
 * @param sources  callback sources by name ({@code POST /api/v1/receipts/<name>}); each proves itself with an
 *                 HMAC-SHA256 of the body under its own shared secret
 * @param merchantFolders root of the merchants' SFTP homes; each receipt is also written to
 *                 {@code <root>/<merchant>/receipts/}
 * @param inboundDir the e-port transfer client's inbound folder, polled by the {@code receipts-folder} route
 * @param webhook  how receipts are pushed to merchants' webhooks ({@code merchant_webhook})
 * @param callbackTls an HTTPS connector of its own for the receipt callback that requires client certificates
 *                 (sources authenticated by mutual TLS); none by default
 */
@ConfigurationProperties("gateway.receipts")
record ReceiptProperties(Map<String, Source> sources, java.nio.file.Path merchantFolders, Path inboundDir,
        Webhook webhook, CallbackTls callbackTls) {

    ReceiptProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        webhook = webhook == null ? new Webhook(0, 0, null, null, null) : webhook;
        inboundDir = (inboundDir == null ? Path.of("data", "inbound") : inboundDir).toAbsolutePath();
    }

    /**
     * One receipt source: it proves itself either with an HMAC of the body or with its client certificate.
     *
     * @param hmacSecretFile            file with the shared secret (created with a random one on first start)
     * @param clientCertificateSubject  mutual TLS instead: the subject (RFC 2253, e.g. {@code CN=customs,O=GACC})
     *                                  of the certificate the source presents on the callback connector; the
     *                                  certificate must chain to the connector's trust store
     */
    record Source(Path hmacSecretFile, String clientCertificateSubject) {
        Source {
            if ((hmacSecretFile == null) == (clientCertificateSubject == null || clientCertificateSubject.isBlank())) {
                throw new IllegalArgumentException("a receipt source needs exactly one of hmac-secret-file or "
                        + "client-certificate-subject");
            }
        }
    }

    /**
     * The callback's mutual-TLS connector: an HTTPS port of its own that only serves {@code /api/v1/receipts/}
     * and refuses any connection without a client certificate the trust store vouches for.
     *
     * @param port                    the port (0: any free one)
     * @param keyStore                PKCS12 with the gateway's server key and certificate
     * @param keyStorePasswordFile    file with its password
     * @param trustStore              PKCS12 with the CAs (or certificates) of the sources
     * @param trustStorePasswordFile  file with its password
     */
    record CallbackTls(int port, Path keyStore, Path keyStorePasswordFile, Path trustStore,
            Path trustStorePasswordFile) {
        CallbackTls {
            if (keyStore == null || keyStorePasswordFile == null || trustStore == null
                    || trustStorePasswordFile == null) {
                throw new IllegalArgumentException("gateway.receipts.callback-tls needs key-store, "
                        + "key-store-password-file, trust-store and trust-store-password-file");
            }
        }
    }

    /**
     * Merchant webhooks.
     *
     * @param batchSize       pushes claimed per poll
     * @param maxAttempts     attempts before a push is given up (DEAD)
     * @param initialBackoff  wait after the first failure; doubled per attempt, with jitter
     * @param maxBackoff      the longest wait
     * @param requestTimeout  time allowed for the merchant's answer
     */
    record Webhook(int batchSize, int maxAttempts, java.time.Duration initialBackoff, java.time.Duration maxBackoff,
            java.time.Duration requestTimeout) {
        Webhook {
            batchSize = batchSize <= 0 ? 20 : batchSize;
            maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
            initialBackoff = initialBackoff == null ? java.time.Duration.ofSeconds(1) : initialBackoff;
            maxBackoff = maxBackoff == null ? java.time.Duration.ofMinutes(10) : maxBackoff;
            requestTimeout = requestTimeout == null ? java.time.Duration.ofSeconds(10) : requestTimeout;
        }
    }
}
