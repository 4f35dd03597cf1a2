package dev.customsgateway.intake;

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
 * Bearer tokens of the operator API and of the metrics endpoint, separate from merchants' API keys and from the
 * auditor token: a Prometheus server holds a token that reads metrics and nothing else. A token is 256 random
 * bits; only its SHA-256 is stored, so a token exists in clear only in the owner-only file it is first written to.
 */
@Component
class OperatorTokens {

    /** What a token opens. */
    enum Role {
        OPERATOR("cgo_"), METRICS("cgm_");

        private final String prefix;

        Role(String prefix) {
            this.prefix = prefix;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    OperatorTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasActive(Role role) {
        return jdbc.sql("select count(*) from operator_credential where role = ? and revoked_at is null")
                .param(role.name()).query(Integer.class).single() > 0;
    }

    /** Issues a token and returns it in clear: the only time it exists in clear. */
    String issue(Role role, OffsetDateTime now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = role.prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("insert into operator_credential (id, role, token_sha256, created_at) values (?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), role.name(), digest(token), now).update();
        return token;
    }

    /** Whether the {@code Authorization} header carries an active token of the role. */
    boolean valid(Role role, String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String presented = authorization.substring("Bearer ".length()).strip();
        if (!presented.startsWith(role.prefix) || presented.length() > 100) {
            return false;
        }
        String digest = digest(presented);
        // The digest is looked up, then compared in constant time, so the comparison leaks nothing.
        return jdbc.sql("select token_sha256 from operator_credential where token_sha256 = ? and role = ? "
                        + "and revoked_at is null").params(digest, role.name()).query(String.class).optional()
                .map(stored -> MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static String digest(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
