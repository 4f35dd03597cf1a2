package dev.customsgateway.intake.sftp;

import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records failed SFTP logins in the message log (stage {@code LOGIN_FAILED}, correlation id
 * {@code sftp-login:<username>}) and the application log: username, client address and method, never the
 * password. The username is whatever the client sent, so it is reduced to safe characters first.
 */
@Component
class LoginAudit {

    private static final Logger LOG = LoggerFactory.getLogger(LoginAudit.class);
    static final String UNKNOWN_MERCHANT = "-";

    private final MessageLog messageLog;
    private final SftpAccounts accounts;

    LoginAudit(MessageLog messageLog, SftpAccounts accounts) {
        this.messageLog = messageLog;
        this.accounts = accounts;
    }

    void failed(String username, String address, String method, boolean nowBlocked) {
        String user = safe(username);
        String merchant = accounts.merchantOf(username).orElse(UNKNOWN_MERCHANT);
        String detail = "SFTP " + method + " login failed for user " + user + " from " + address
                + (nowBlocked ? "; further attempts from this address are refused for a while" : "");
        LOG.warn(detail);
        messageLog.record(new LogEntry("sftp-login:" + user, merchant, null, LogStage.LOGIN_FAILED,
                null, null, null, null, null, null, detail));
    }

    /** Printable, bounded form of a client-supplied username. */
    static String safe(String username) {
        if (username == null) {
            return "(none)";
        }
        String clean = username.replaceAll("[^A-Za-z0-9._@-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
