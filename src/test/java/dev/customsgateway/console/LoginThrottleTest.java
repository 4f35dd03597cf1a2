package dev.customsgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed logins: per username and address, per address across usernames (spraying), and the sliding window. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(
            new ConsoleProperties(null, null, null, null, 3, Duration.ofMinutes(15)), clock);

    @Test
    void blocksAUsernameFromAnAddressAfterTheLimitUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("alice", "10.0.0.1")).isFalse();
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.blocked("alice", "10.0.0.1")).isTrue();
        assertThat(throttle.blocked("alice", "10.0.0.2")).as("another address").isFalse();
        assertThat(throttle.blocked("bob", "10.0.0.1")).as("another username").isFalse();
        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.blocked("alice", "10.0.0.1")).isFalse();
    }

    @Test
    void blocksAnAddressThatSpraysManyUsernames() {
        for (int i = 0; i < 3 * LoginThrottle.ADDRESS_FACTOR; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.blocked("someone-new", "10.0.0.9")).isTrue();
        assertThat(throttle.blocked("someone-new", "10.0.0.8")).isFalse();
    }

    @Test
    void aSuccessClearsTheUsernamesCount() {
        throttle.failed("carol", "10.0.0.3");
        throttle.failed("carol", "10.0.0.3");
        throttle.succeeded("carol", "10.0.0.3");
        throttle.failed("carol", "10.0.0.3");
        throttle.failed("carol", "10.0.0.3");
        assertThat(throttle.blocked("carol", "10.0.0.3")).isFalse();
    }
}
