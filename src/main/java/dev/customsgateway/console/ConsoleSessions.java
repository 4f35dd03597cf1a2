package dev.customsgateway.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Server-side console sessions, in memory (per node; a restart logs everyone out). Ids and CSRF tokens are 256
 * random bits. A session ends on logout, after the idle timeout, after its maximum age, or when its user is
 * disabled or changed.
 */
@Component
class ConsoleSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final ConsoleProperties properties;
    private final Clock clock;

    ConsoleSessions(ConsoleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new session (never reuses an id the browser brought: no session fixation). */
    ConsoleSession start(ConsoleUser user) {
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, clock.instant()));
        }
        Instant now = clock.instant();
        ConsoleSession session = new ConsoleSession(randomToken(), user.username(), user.role(), user.merchantId(),
                randomToken(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of an id, touched; empty (and forgotten) when unknown or expired. */
    Optional<ConsoleSession> resume(String id) {
        if (id == null) {
            return Optional.empty();
        }
        ConsoleSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        ConsoleSession touched = session.seenAt(now);
        sessions.replace(id, session, touched);
        return Optional.of(touched);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user (disabled, role changed). */
    void endAllOf(String username) {
        sessions.values().removeIf(s -> s.username().equals(username));
    }

    private boolean expired(ConsoleSession s, Instant now) {
        return s.lastSeen().plus(properties.sessionIdleTimeout()).isBefore(now)
                || s.createdAt().plus(properties.sessionMaxAge()).isBefore(now);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
