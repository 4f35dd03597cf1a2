package dev.customsgateway.intake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP API ({@code gateway.intake.http}): idempotency, limits, the order queue and the files the
 * operator and metrics credentials are first written to.
 *
 * @param idempotencyRetention  how long an {@code Idempotency-Key} and its first answer are kept
 * @param idempotencyLease      a key whose first request has not answered within this time counts as abandoned
 *                              (the gateway stopped mid-request) and may be used again
 * @param maxOrderRequestSize   largest body of {@code POST /api/v1/orders}; larger is 413
 * @param maxOrdersPerRequest   most orders in one {@code POST /api/v1/orders}; more is 413
 * @param requestsPerSecond     a merchant's sustained request rate (token bucket refill), unless the merchant
 *                              row sets its own
 * @param burst                 a merchant's bucket size: requests allowed at once after a quiet spell
 * @param orderUri              the queue that takes a stored order request into the {@code intake-orders} route
 * @param operatorTokenFile     where the first operator token is written (owner-only) on first start
 * @param metricsTokenFile      where the first metrics (Prometheus) token is written (owner-only) on first start
 */
@ConfigurationProperties("gateway.intake.http")
record HttpApiProperties(
        Duration idempotencyRetention,
        Duration idempotencyLease,
        DataSize maxOrderRequestSize,
        int maxOrdersPerRequest,
        int requestsPerSecond,
        int burst,
        String orderUri,
        Path operatorTokenFile,
        Path metricsTokenFile) {

    static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);
    static final DataSize DEFAULT_ORDER_REQUEST_SIZE = DataSize.ofMegabytes(1);
    static final int DEFAULT_ORDERS_PER_REQUEST = 100;
    static final int DEFAULT_REQUESTS_PER_SECOND = 300;
    static final int DEFAULT_BURST = 600;

    HttpApiProperties {
        idempotencyRetention = idempotencyRetention == null ? DEFAULT_RETENTION : idempotencyRetention;
        idempotencyLease = idempotencyLease == null ? DEFAULT_LEASE : idempotencyLease;
        maxOrderRequestSize = maxOrderRequestSize == null ? DEFAULT_ORDER_REQUEST_SIZE : maxOrderRequestSize;
        maxOrdersPerRequest = maxOrdersPerRequest <= 0 ? DEFAULT_ORDERS_PER_REQUEST : maxOrdersPerRequest;
        requestsPerSecond = requestsPerSecond <= 0 ? DEFAULT_REQUESTS_PER_SECOND : requestsPerSecond;
        burst = burst <= 0 ? Math.max(DEFAULT_BURST, requestsPerSecond) : burst;
        if (orderUri == null || orderUri.isBlank()) {
            throw new IllegalArgumentException("gateway.intake.http.order-uri must be set");
        }
        if (operatorTokenFile == null || metricsTokenFile == null) {
            throw new IllegalArgumentException(
                    "gateway.intake.http.operator-token-file and metrics-token-file must be set");
        }
    }
}
