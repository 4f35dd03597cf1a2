package dev.customsgateway.console;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's own access log ({@code console_access}): who viewed or exported what, who logged in (or failed
 * to: never the password), and every administrative change. Append-only; auditors read it in the console.
 */
@Repository
class ConsoleAccess {

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsoleAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(ConsoleSession session, ConsoleAction action, String target, String address) {
        record(session.username(), session.role(), action, target, address);
    }

    void record(String username, ConsoleRole role, ConsoleAction action, String target, String address) {
        jdbc.sql("insert into console_access (at, username, role, action, target, address) values (?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(clock), clip(username, 64), role == null ? null : role.name(), action.name(),
                        clip(target, 200), clip(address, 64))
                .update();
    }

    /** The newest entries first. */
    List<Entry> recent(int limit) {
        return jdbc.sql("select at, username, role, action, target, address from console_access order by id desc limit ?")
                .param(limit)
                .query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    record Entry(OffsetDateTime at, String username, String role, String action, String target, String address) {
    }
}
