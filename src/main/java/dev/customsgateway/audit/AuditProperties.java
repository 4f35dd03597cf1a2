package dev.customsgateway.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the message log and its tamper evidence ({@code gateway.audit}).
 *
 * @param storeDir            root of the content-addressed store (one file per SHA-256)
 * @param keyDir              where the checkpoint key (owner-only) and its certificate are kept; generated
 *                            on first start
 * @param checkpointInterval  how often the chain head is signed (only when the chain grew); zero or negative
 *                            turns periodic checkpoints off (the {@code checkpoint-log} command still works)
 * @param tsaUrl              RFC 3161 time-stamping authority to time-stamp each checkpoint; none when null
 * @param tsaCertificate      PEM certificate of that authority, to verify its tokens with; without it a token
 *                            is checked against the certificate it carries (integrity, not identity)
 * @param auditorTokenFile    where the first auditor token of the compliance API is written (owner-only)
 */
@ConfigurationProperties("gateway.audit")
record AuditProperties(Path storeDir, Path keyDir, Duration checkpointInterval, URI tsaUrl, Path tsaCertificate,
        Path auditorTokenFile) {

    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(10);

    AuditProperties {
        if (storeDir == null) {
            storeDir = Path.of("data", "store");
        }
        if (keyDir == null) {
            keyDir = Path.of("data", "keys", "audit");
        }
        if (checkpointInterval == null) {
            checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        }
        if (auditorTokenFile == null) {
            auditorTokenFile = Path.of("data", "auditor.token");
        }
    }
}
