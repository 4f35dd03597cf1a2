package dev.customsgateway.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

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
 * @param masterKeyFile       the master key that wraps the content store's data keys (owner-only, created on first
 *                            start unless {@code GATEWAY_AUDIT_MASTER_KEY} gives it); outside the database
 * @param retention           how long artefacts are kept before their data keys are destroyed
 */
@ConfigurationProperties("gateway.audit")
record AuditProperties(Path storeDir, Path keyDir, Duration checkpointInterval, URI tsaUrl, Path tsaCertificate,
        Path auditorTokenFile, Path masterKeyFile, Retention retention) {

    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(10);

    @ConstructorBinding
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
        if (masterKeyFile == null) {
            masterKeyFile = keyDir.resolve("master.key");
        }
        if (retention == null) {
            retention = new Retention(null, null, null);
        }
    }

    AuditProperties(Path storeDir, Path keyDir, Duration checkpointInterval, URI tsaUrl, Path tsaCertificate,
            Path auditorTokenFile) {
        this(storeDir, keyDir, checkpointInterval, tsaUrl, tsaCertificate, auditorTokenFile, null, null);
    }

    /**
     * Retention of artefacts ({@code gateway.audit.retention}).
     *
     * @param defaultDays  days after the end of the month an artefact was stored in, for merchants without
     *                     {@code merchant.retention_days}
     * @param interval     how often the retention job runs; zero or negative turns it off (the
     *                     {@code retention} command still works)
     * @param firstRun     delay after start before its first run
     */
    record Retention(Integer defaultDays, Duration interval, Duration firstRun) {

        /** Three years: the customs record-keeping period the gateway assumes unless told otherwise. */
        static final int DEFAULT_DAYS = 3 * 366;

        Retention {
            if (defaultDays == null) {
                defaultDays = DEFAULT_DAYS;
            }
            if (defaultDays < 1) {
                throw new IllegalArgumentException("gateway.audit.retention.default-days must be at least 1");
            }
            if (interval == null) {
                interval = Duration.ofHours(24);
            }
            if (firstRun == null) {
                firstRun = Duration.ofMinutes(5);
            }
        }
    }
}
