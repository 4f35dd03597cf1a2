package dev.customsgateway.console;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code console_user} table. Passwords arrive here already hashed. */
@Repository
class ConsoleUsers {

    private static final String COLUMNS =
            "username, role, merchant_id, enabled, created_at, created_by, last_login_at";

    private final JdbcClient jdbc;

    ConsoleUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(String username, String passwordHash, ConsoleRole role, String merchantId, String createdBy,
            OffsetDateTime now) {
        jdbc.sql("""
                insert into console_user (username, password_hash, role, merchant_id, enabled, created_at, created_by)
                values (?, ?, ?, ?, true, ?, ?)""")
                .params(username, passwordHash, role.name(), merchantId, now, createdBy).update();
    }

    Optional<ConsoleUser> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from console_user where username = ?").param(username)
                .query((rs, n) -> user(rs)).optional();
    }

    /** The stored hash of an enabled user, for the login check. */
    Optional<String> passwordHashOfEnabled(String username) {
        return jdbc.sql("select password_hash from console_user where username = ? and enabled = true")
                .param(username).query(String.class).optional();
    }

    List<ConsoleUser> list() {
        return jdbc.sql("select " + COLUMNS + " from console_user order by username").query((rs, n) -> user(rs)).list();
    }

    boolean hasEnabledAdministrator() {
        return enabledAdministrators() > 0;
    }

    int enabledAdministrators() {
        return jdbc.sql("select count(*) from console_user where role = 'ADMINISTRATOR' and enabled = true")
                .query(Integer.class).single();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update console_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    void setRole(String username, ConsoleRole role, String merchantId) {
        jdbc.sql("update console_user set role = ?, merchant_id = ? where username = ?")
                .params(role.name(), merchantId, username).update();
    }

    void setPasswordHash(String username, String passwordHash) {
        jdbc.sql("update console_user set password_hash = ? where username = ?").params(passwordHash, username)
                .update();
    }

    void loggedIn(String username, OffsetDateTime now) {
        jdbc.sql("update console_user set last_login_at = ? where username = ?").params(now, username).update();
    }

    private static ConsoleUser user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ConsoleUser(rs.getString(1), ConsoleRole.valueOf(rs.getString(2)), rs.getString(3),
                rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class));
    }
}
