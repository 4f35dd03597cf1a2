package dev.customsgateway.intake.sftp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Counts new files per merchant over the last minute, across all its sessions (in memory, per node). */
@Component
class UploadRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Clock clock;

    UploadRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes one file from the merchant's allowance; false when it has used up {@code perMinute}. */
    boolean tryAcquire(String merchantId, int perMinute) {
        Deque<Instant> files = recent.computeIfAbsent(merchantId, m -> new ArrayDeque<>());
        synchronized (files) {
            Instant now = clock.instant();
            while (!files.isEmpty() && !files.peekFirst().isAfter(now.minus(WINDOW))) {
                files.removeFirst();
            }
            if (files.size() >= perMinute) {
                return false;
            }
            files.addLast(now);
            return true;
        }
    }
}
