package dev.customsgateway.console;

import java.time.Instant;

/**
 * A logged-in console user, kept server-side; the browser holds only the random session id. {@code csrfToken}
 * must come back with every POST of this session.
 */
record ConsoleSession(String id, String username, ConsoleRole role, String merchantId, String csrfToken,
        Instant createdAt, Instant lastSeen) {

    ConsoleSession seenAt(Instant now) {
        return new ConsoleSession(id, username, role, merchantId, csrfToken, createdAt, now);
    }

    /** True when this user may see the given merchant's messages. */
    boolean mayRead(String merchant) {
        return role == ConsoleRole.AUDITOR || (role == ConsoleRole.MERCHANT && merchantId.equals(merchant));
    }

    @Override
    public String toString() {
        return "ConsoleSession[" + username + ", " + role + "]"; // never the id or the token
    }
}
