package dev.customsgateway.sandbox;

import dev.customsgateway.core.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The sandbox authority's OAuth2 tokens: opaque random strings issued to the registered client for a short
 * time, kept in memory (a restart logs everyone out, as a real authority may). Tests can revoke every token or
 * shorten their life while it runs, and count how many were issued.
 */
@Component
public class SandboxTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxProperties.OAuth2 settings;
    private final Clock clock;
    private final Map<String, Instant> live = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<Duration> ttl;

    SandboxTokens(SandboxProperties properties, Clock clock) {
        this.settings = properties.oauth2();
        this.clock = clock;
        this.ttl = new AtomicReference<>(settings.tokenTtl());
        if (settings.clientId() != null) {
            secret(); // created on start, so the gateway's client finds it from its first delivery
        }
    }

    private byte[] secret() {
        try {
            return SecretFiles.readOrCreate(settings.clientSecretFile());
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox's OAuth2 client secret cannot be read", e);
        }
    }

    /** Whether these are the registered client's credentials (compared in constant time). */
    boolean authenticates(String clientId, String clientSecret) {
        if (settings.clientId() == null || clientId == null || clientSecret == null) {
            return false;
        }
        byte[] expected = secret();
        boolean secretMatches = MessageDigest.isEqual(expected, clientSecret.getBytes(StandardCharsets.UTF_8));
        return settings.clientId().equals(clientId) & secretMatches;
    }

    /** A new token and its lifetime. */
    Issued issue() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Duration lifetime = ttl.get();
        live.put(token, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        return new Issued(token, lifetime);
    }

    /** Whether the token is live; a request refused for want of one is counted. */
    boolean valid(String token) {
        Instant until = token == null ? null : live.get(token);
        if (until != null && clock.instant().isBefore(until)) {
            return true;
        }
        if (until != null) {
            live.remove(token);
        }
        refused.incrementAndGet();
        return false;
    }

    /** Requests refused for a missing, expired or revoked token since start. */
    public int refused() {
        return refused.get();
    }

    /** Tokens issued since start (tests check that the gateway reuses them). */
    public int issued() {
        return issued.get();
    }

    /** Revokes every live token: the next request with one gets 401. */
    public void revokeAll() {
        live.clear();
    }

    /** The lifetime of the tokens issued from now on. */
    public void tokenLifetime(Duration lifetime) {
        ttl.set(lifetime == null ? settings.tokenTtl() : lifetime);
    }

    /** A token and how long it lives. */
    record Issued(String token, Duration lifetime) {
        @Override
        public String toString() {
            return "Issued[****, " + lifetime + "]";
        }
    }
}
