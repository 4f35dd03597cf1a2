package dev.customsgateway.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed console logins per username and client address over a sliding window. Once the limit is reached,
 * further attempts are refused without checking the password (a guessing run costs no hashing) until old failures
 * leave the window. An address that fails with many usernames (password spraying) is stopped too, at
 * {@value #ADDRESS_FACTOR} times the limit. In memory, per node.
 */
@Component("consoleLoginThrottle")
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;
    static final int ADDRESS_FACTOR = 4;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final ConsoleProperties properties;
    private final Clock clock;

    LoginThrottle(ConsoleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    boolean blocked(String username, String address) {
        return count(key(username, address)) >= properties.maxLoginFailures()
                || count(key(null, address)) >= properties.maxLoginFailures() * ADDRESS_FACTOR;
    }

    private int count(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size();
        }
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(d -> {
                synchronized (d) {
                    prune(d);
                    return d.isEmpty();
                }
            });
        }
        for (String key : new String[] {key(username, address), key(null, address)}) {
            Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                prune(recent);
                recent.addLast(clock.instant());
            }
        }
    }

    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private void prune(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(properties.loginFailureWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    /** Per username and address; a null username counts the address as a whole. */
    private static String key(String username, String address) {
        return (username == null ? "" : "u:" + username) + "\u0000" + address;
    }
}
