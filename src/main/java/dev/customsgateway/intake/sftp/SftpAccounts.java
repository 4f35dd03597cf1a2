package dev.customsgateway.intake.sftp;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SFTP accounts, their authorised keys and the per-merchant SFTP options ({@code sftp_account},
 * {@code sftp_account_key}, {@code sftp_merchant_option}). An account of a disabled merchant is treated as
 * disabled.
 */
@Repository
class SftpAccounts {

    private final JdbcClient jdbc;

    SftpAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled account of that name whose merchant is enabled too. */
    Optional<Account> findEnabled(String username) {
        return jdbc.sql("""
                select a.username, a.merchant_id, a.password_hash from sftp_account a
                join merchant m on m.id = a.merchant_id
                where a.username = ? and a.enabled = true and m.enabled = true""")
                .param(username)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The merchant an account belongs to, enabled or not (for the audit of failed logins). */
    Optional<String> merchantOf(String username) {
        return jdbc.sql("select merchant_id from sftp_account where username = ?").param(username)
                .query(String.class).optional();
    }

    List<String> publicKeys(String username) {
        return jdbc.sql("select public_key from sftp_account_key where username = ? order by id")
                .param(username).query(String.class).list();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from sftp_account where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    void create(String username, String merchantId, String passwordHash, OffsetDateTime now) {
        jdbc.sql("""
                insert into sftp_account (username, merchant_id, password_hash, enabled, created_at)
                values (?, ?, ?, true, ?)""")
                .params(username, merchantId, passwordHash, now).update();
    }

    void setPasswordHash(String username, String passwordHash) {
        jdbc.sql("update sftp_account set password_hash = ? where username = ?").params(passwordHash, username)
                .update();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update sftp_account set enabled = ? where username = ?").params(enabled, username).update();
    }

    void addKey(String username, String publicKeyLine, String fingerprint, OffsetDateTime now) {
        jdbc.sql("""
                insert into sftp_account_key (username, public_key, fingerprint, created_at)
                values (?, ?, ?, ?)""")
                .params(username, publicKeyLine, fingerprint, now).update();
    }

    /** The merchant's SFTP options; all empty when it has none. */
    MerchantOptions options(String merchantId) {
        return jdbc.sql("""
                select quiet_period_seconds, max_file_bytes, files_per_minute from sftp_merchant_option
                where merchant_id = ?""")
                .param(merchantId)
                .query((rs, n) -> new MerchantOptions((Integer) rs.getObject(1, Integer.class),
                        (Long) rs.getObject(2, Long.class), (Integer) rs.getObject(3, Integer.class)))
                .optional().orElse(MerchantOptions.NONE);
    }

    /** Merchants that opted into the "closed and quiet" completion mode. */
    List<String> merchantsWithQuietPeriod() {
        return jdbc.sql("select merchant_id from sftp_merchant_option where quiet_period_seconds > 0")
                .query(String.class).list();
    }

    /** An account as the authenticator needs it; the hash never leaves this package. */
    record Account(String username, String merchantId, String passwordHash) {
        @Override
        public String toString() {
            return "Account[" + username + " of " + merchantId + "]";
        }
    }

    /**
     * Per-merchant SFTP options; null fields fall back to the global settings.
     *
     * @param quietPeriodSeconds when set, a file closed and unchanged this long counts as complete
     */
    record MerchantOptions(Integer quietPeriodSeconds, Long maxFileBytes, Integer filesPerMinute) {
        static final MerchantOptions NONE = new MerchantOptions(null, null, null);
    }
}
