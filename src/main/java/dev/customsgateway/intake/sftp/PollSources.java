package dev.customsgateway.intake.sftp;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sftp_poll_source} table: merchants whose own SFTP server the gateway polls, how to reach and
 * trust it, and where files are taken from and put back. Only merchants that are enabled themselves count.
 */
@Repository
class PollSources {

    private static final String COLUMNS = """
            s.merchant_id, s.host, s.port, s.username, s.known_hosts, s.private_key_file, s.password_file,
            s.password_env, s.remote_inbox, s.remote_archive, s.remote_errors, s.require_checksum,
            s.poll_interval_ms""";

    private final JdbcClient jdbc;

    PollSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Source> enabled() {
        return jdbc.sql("select " + COLUMNS + """
                 from sftp_poll_source s join merchant m on m.id = s.merchant_id
                where s.enabled and m.enabled order by s.merchant_id""")
                .query(PollSources::source).list();
    }

    /** The merchant's source, read afresh for each poll so that changed settings apply at once. */
    Optional<Source> find(String merchantId) {
        return jdbc.sql("select " + COLUMNS + """
                 from sftp_poll_source s join merchant m on m.id = s.merchant_id
                where s.enabled and m.enabled and s.merchant_id = ?""")
                .param(merchantId).query(PollSources::source).optional();
    }

    private static Source source(ResultSet rs, int row) throws SQLException {
        return new Source(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                path(rs.getString(6)), path(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getBoolean(12), rs.getLong(13));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /**
     * One merchant's server. {@code toString} leaves the known-hosts text and credential locations out of logs.
     *
     * @param knownHosts     OpenSSH known_hosts line(s) the server's host key must match
     * @param privateKeyFile an unencrypted OpenSSH/PEM private key to log in with (owner-only file)
     * @param passwordFile   a file holding the password
     * @param passwordEnv    an environment variable holding the password
     */
    record Source(String merchantId, String host, int port, String username, String knownHosts,
            Path privateKeyFile, Path passwordFile, String passwordEnv, String inbox, String archive,
            String errors, boolean requireChecksum, long pollIntervalMs) {

        boolean hasKnownHosts() {
            return knownHosts != null && !knownHosts.isBlank();
        }

        boolean hasCredential() {
            return privateKeyFile != null || passwordFile != null || (passwordEnv != null && !passwordEnv.isBlank());
        }

        /** host:port as log lines and notices name the server. */
        String address() {
            return host + ":" + port;
        }

        @Override
        public String toString() {
            return "Source[" + merchantId + " " + username + "@" + address() + "]";
        }
    }
}
