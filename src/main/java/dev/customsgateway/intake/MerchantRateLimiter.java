package dev.customsgateway.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests per merchant per second, as a token bucket per merchant: {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. A merchant row may set its own rate and burst (a large platform, a noisy test
 * account); the row is re-read every minute so a change takes effect without a restart. In memory, per
 * instance: behind a load balancer each instance grants the full rate.
 */
@Component
class MerchantRateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long RELOAD_NANOS = Duration.ofMinutes(1).toNanos();

    private final JdbcClient jdbc;
    private final HttpApiProperties properties;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    MerchantRateLimiter(JdbcClient jdbc, HttpApiProperties properties) {
        this(jdbc, properties, System::nanoTime);
    }

    /** With a clock of its own, for unit tests of the bucket arithmetic. */
    MerchantRateLimiter(JdbcClient jdbc, HttpApiProperties properties, LongSupplier nanoTime) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.nanoTime = nanoTime;
    }

    /** Takes one token for the merchant, or refuses with 429 and the whole seconds until the next token. */
    void acquire(String merchantId) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.compute(merchantId, (id, b) -> b == null || now - b.loadedAt > RELOAD_NANOS
                ? new Bucket(limitOf(id), now, b)
                : b);
        long waitNanos = bucket.take(now);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
            throw new ApiRefusal(429, "RATE_LIMITED", "more than " + bucket.limit.perSecond()
                    + " requests per second (burst " + bucket.limit.burst() + "); retry after " + seconds + " s",
                    seconds);
        }
    }

    private Limit limitOf(String merchantId) {
        return jdbc.sql("select requests_per_second, request_burst from merchant where id = ?").param(merchantId)
                .query((rs, n) -> {
                    int perSecond = rs.getInt(1) > 0 ? rs.getInt(1) : properties.requestsPerSecond();
                    int burst = rs.getInt(2) > 0 ? rs.getInt(2) : Math.max(perSecond, properties.burst());
                    return new Limit(perSecond, burst);
                })
                .optional().orElse(new Limit(properties.requestsPerSecond(), properties.burst()));
    }

    /** A merchant's rate and bucket size. */
    record Limit(int perSecond, int burst) {
    }

    /** Tokens are counted in nanoseconds of refill so that no rounding loses or gains requests. */
    private static final class Bucket {
        private final Limit limit;
        private final long loadedAt;
        private final long nanosPerToken;
        private final long capacityNanos;
        private long availableNanos;
        private long updatedAt;

        Bucket(Limit limit, long now, Bucket previous) {
            this.limit = limit;
            this.loadedAt = now;
            this.nanosPerToken = NANOS_PER_SECOND / limit.perSecond();
            this.capacityNanos = nanosPerToken * limit.burst();
            // A reloaded bucket keeps what the merchant had left, so a reload is no free refill.
            this.availableNanos = previous == null ? capacityNanos
                    : Math.min(capacityNanos, previous.currentNanos(now));
            this.updatedAt = now;
        }

        synchronized long take(long now) {
            availableNanos = currentNanos(now);
            updatedAt = now;
            if (availableNanos >= nanosPerToken) {
                availableNanos -= nanosPerToken;
                return 0;
            }
            return nanosPerToken - availableNanos;
        }

        private synchronized long currentNanos(long now) {
            return Math.min(capacityNanos, availableNanos + Math.max(0, now - updatedAt));
        }
    }
}
