package dev.customsgateway.intake.sftp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed SFTP logins per username and client address over a sliding window. Once the limit is reached,
 * further attempts from that address for that username are refused without checking the secret (so a
 * guessing run costs the gateway no hashing) until old failures leave the window. Kept in memory, per node.
 */
@Component
class LoginThrottle {

    /** Bounds the memory a flood of distinct usernames or addresses can take. */
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int limit;
    private final java.time.Duration window;
    private final Clock clock;

    LoginThrottle(SftpProperties properties, Clock clock) {
        this.limit = properties.maxLoginFailures();
        this.window = properties.loginFailureWindow();
        this.clock = clock;
    }

    /** True when this username and address have used up their failures. */
    boolean blocked(String username, String address) {
        Deque<Instant> recent = failures.get(key(username, address));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= limit;
        }
    }

    /** Records a failure; returns true when this failure used up the limit (the caller audits that once). */
    boolean failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(d -> {
                synchronized (d) {
                    prune(d);
                    return d.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
            return recent.size() == limit;
        }
    }

    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private void prune(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    private static String key(String username, String address) {
        return username + "\u0000" + address;
    }
}
