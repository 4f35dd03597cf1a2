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
 */
@ConfigurationProperties("gateway.receipts")
record ReceiptProperties(Map<String, Source> sources, java.nio.file.Path merchantFolders, Path inboundDir,
        Webhook webhook) {

    ReceiptProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        webhook = webhook == null ? new Webhook(0, 0, null, null, null) : webhook;
        inboundDir = (inboundDir == null ? Path.of("data", "inbound") : inboundDir).toAbsolutePath();
    }

    /**
     * One receipt source.
     *
     * @param hmacSecretFile  file with the shared secret (created with a random one on first start)
     */
    record Source(Path hmacSecretFile) {
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
