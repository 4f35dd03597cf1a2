package dev.customsgateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffAndCircuitTest {

    private static final DeliveryProperties.Destination DEST = new DeliveryProperties.Destination(
            DeliveryProperties.TransportKind.HTTP, "http://127.0.0.1:1/x", Duration.ofSeconds(5), 5,
            Duration.ofSeconds(1), Duration.ofSeconds(60), 3, Duration.ofSeconds(30), null, null, null);

    @RepeatedTest(20)
    void backoffDoublesWithJitterAndStopsAtTheCap() {
        assertThat(Backoff.after(1, DEST, null)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(Backoff.after(4, DEST, null)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
        assertThat(Backoff.after(30, DEST, null)).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(200, DEST, null)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retryAfterWinsWhenItAsksForLonger() {
        assertThat(Backoff.after(1, DEST, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresAndASuccessClosesIt() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        CircuitBreakers breakers = new CircuitBreakers(clock);
        breakers.failure("customs", DEST);
        breakers.failure("customs", DEST);
        assertThat(breakers.openUntil("customs")).isNull();
        breakers.failure("customs", DEST);
        assertThat(breakers.openUntil("customs")).isEqualTo(Instant.parse("2026-11-29T00:00:30Z"));
        assertThat(breakers.openUntil("elsewhere")).isNull();
        breakers.success("customs");
        assertThat(breakers.openUntil("customs")).isNull();
    }
}
