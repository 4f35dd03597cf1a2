package dev.customsgateway.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter and a cap: the wait after attempt n is initial x 2^(n-1), at most the cap,
 * then spread by +-20% so that messages that failed together do not all come back together. A destination's
 * own {@code Retry-After} wins when it asks for longer.
 */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempt, DeliveryProperties.Destination destination, Duration retryAfter) {
        long initial = destination.initialBackoff().toMillis();
        long cap = destination.maxBackoff().toMillis();
        long exponential = attempt >= 31 ? cap : Math.min(cap, initial << Math.max(0, attempt - 1));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        long wait = Math.min(cap, (long) (exponential * jitter));
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = retryAfter.toMillis();
        }
        return Duration.ofMillis(wait);
    }
}
