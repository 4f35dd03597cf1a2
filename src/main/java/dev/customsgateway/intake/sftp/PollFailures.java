package dev.customsgateway.intake.sftp;

import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reports polls of a merchant's server that failed (refused host key, failed login, unreachable server): an
 * ERROR line and a message-log entry ({@code SFTP_POLL_FAILED}, correlation id {@code sftp-poll:<merchant>})
 * when the reason changes, not on every poll of a lasting outage; and a line when polling works again.
 */
@Component
class PollFailures {

    private static final Logger LOG = LoggerFactory.getLogger(PollFailures.class);

    private final MessageLog messageLog;
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

    PollFailures(MessageLog messageLog) {
        this.messageLog = messageLog;
    }

    void failed(PollSources.Source source, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String detail = "SFTP polling of merchant " + source.merchantId() + " (" + source.username() + "@"
                + source.address() + ") failed: " + reason;
        if (reason.equals(lastFailure.put(source.merchantId(), reason))) {
            LOG.debug(detail);
            return;
        }
        LOG.error(detail);
        messageLog.record(new LogEntry("sftp-poll:" + source.merchantId(), source.merchantId(), null,
                LogStage.SFTP_POLL_FAILED, null, null, null, null, null, null, detail));
    }

    void succeeded(PollSources.Source source) {
        if (lastFailure.remove(source.merchantId()) != null) {
            LOG.info("SFTP polling of merchant {} ({}) works again", source.merchantId(), source.address());
        }
    }
}
