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
 */
@ConfigurationProperties("gateway.receipts")
record ReceiptProperties(Map<String, Source> sources, java.nio.file.Path merchantFolders, Path inboundDir) {

    ReceiptProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        inboundDir = (inboundDir == null ? Path.of("data", "inbound") : inboundDir).toAbsolutePath();
    }

    /**
     * One receipt source.
     *
     * @param hmacSecretFile  file with the shared secret (created with a random one on first start)
     */
    record Source(Path hmacSecretFile) {
    }
}
