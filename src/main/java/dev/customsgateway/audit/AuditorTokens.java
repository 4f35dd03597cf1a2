package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Credentials of the read-only compliance API, separate from merchants' API keys. A token is 256 random bits;
 * only its SHA-256 is stored (a fast hash suffices for a random secret), so a token exists in clear only in
 * the owner-only file it is first written to.
 */
@Component
class AuditorTokens {

    static final String ROLE_AUDITOR = "AUDITOR";
    private static final String PREFIX = "cga_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    AuditorTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasActive() {
        return jdbc.sql("select count(*) from audit_credential where role = ? and revoked_at is null")
                .param(ROLE_AUDITOR).query(Integer.class).single() > 0;
    }

    /** Issues a token and returns it in clear: the only time it exists in clear. */
    String issue(OffsetDateTime now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("insert into audit_credential (id, role, token_sha256, created_at) values (?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), ROLE_AUDITOR, digest(token), now).update();
        return token;
    }

    /** Whether an {@code Authorization} header carries an active auditor token ({@code Bearer cga_...}). */
    boolean authorises(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && valid(authorization.substring("Bearer ".length()).strip());
    }

    /** Whether a presented token is an active auditor token. */
    boolean valid(String presented) {
        return credentialId(presented).isPresent();
    }

    /**
     * The id of the active auditor credential a presented token belongs to: what the access log records as "who",
     * never the token.
     */
    java.util.Optional<String> credentialId(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return java.util.Optional.empty();
        }
        String digest = digest(presented);
        // The digest is looked up, then compared in constant time, so the comparison leaks nothing.
        return jdbc.sql("select token_sha256, id from audit_credential where token_sha256 = ? and role = ? "
                        + "and revoked_at is null").params(digest, ROLE_AUDITOR)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .filter(row -> MessageDigest.isEqual(row[0].getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII)))
                .map(row -> row[1]);
    }

    private static String digest(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
