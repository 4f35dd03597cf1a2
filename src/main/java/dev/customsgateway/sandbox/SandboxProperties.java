package dev.customsgateway.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox's settings.
 *
 * @param enabled            run the sandbox inside this gateway
 * @param certificatesDir    registered declarant certificates (PEM); a signature is checked against these only
 * @param receiptUrl         where receipts are POSTed; {@code {local-port}} is this gateway's HTTP port
 * @param receiptSecretFile  shared secret for the HMAC over each receipt body (created on first start)
 * @param latency            delay before each receipt
 * @param faults             misbehaviour on purpose, for tests
 */
@ConfigurationProperties("gateway.sandbox")
record SandboxProperties(boolean enabled, Path certificatesDir, String receiptUrl, Path receiptSecretFile,
        Duration latency, Faults faults) {

    SandboxProperties {
        latency = latency == null ? Duration.ofMillis(200) : latency;
        faults = faults == null ? new Faults(0, false, false, false) : faults;
    }

    /**
     * Faults to inject.
     *
     * @param unavailableRequests  answer this many requests with 503 before behaving
     * @param duplicateReceipts    send every receipt twice
     * @param dropReceipts         accept messages but never answer
     * @param rejectAll            refuse every message (receipt 100, 海关退单)
     */
    record Faults(int unavailableRequests, boolean duplicateReceipts, boolean dropReceipts, boolean rejectAll) {
    }
}
