package dev.customsgateway.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the message log keeps artefact bytes.
 *
 * @param storeDir root of the content-addressed store (one file per SHA-256)
 */
@ConfigurationProperties("gateway.audit")
record AuditProperties(Path storeDir) {

    AuditProperties {
        if (storeDir == null) {
            storeDir = Path.of("data", "store");
        }
    }
}
