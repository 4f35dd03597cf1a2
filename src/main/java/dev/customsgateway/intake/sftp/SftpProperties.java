package dev.customsgateway.intake.sftp;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The hosted SFTP intake: where it listens, where merchants' homes are, and the limits every session and upload
 * runs under. Per-merchant overrides of the limits live in {@code sftp_merchant_option}.
 *
 * @param enabled            starts the embedded SFTP server (on by default)
 * @param host               address to listen on
 * @param port               port to listen on
 * @param root               folder holding one home per merchant ({@code <root>/<merchant>/inbox} ...)
 * @param hostKey            the server's host key, generated on first start and kept
 * @param maxFileSize        largest file a merchant may write; a larger one is cut off and removed
 * @param filesPerMinute     new files one merchant may create per minute (all its sessions together)
 * @param idleTimeout        a session without traffic for this long is closed
 * @param maxLoginFailures   failed logins per username and address before further attempts are refused
 * @param loginFailureWindow how long failures count towards that limit
 * @param scanPeriodMs       how often the {@code intake-sftp-scan} route looks for complete files and results
 * @param demoMerchant       merchant that gets a generated demo account on first start (blank: none)
 * @param demoPasswordFile   where that account's random password is written, owner-only
 * @param pollRefreshMs      how often {@code sftp_poll_source} is re-read to start or stop polling merchants' servers
 */
@ConfigurationProperties("gateway.intake.sftp")
record SftpProperties(
        Boolean enabled,
        String host,
        Integer port,
        Path root,
        Path hostKey,
        DataSize maxFileSize,
        Integer filesPerMinute,
        Duration idleTimeout,
        Integer maxLoginFailures,
        Duration loginFailureWindow,
        Long scanPeriodMs,
        String demoMerchant,
        Path demoPasswordFile,
        Long pollRefreshMs) {

    static final int DEFAULT_PORT = 2222;

    SftpProperties {
        enabled = enabled == null || enabled;
        host = host == null || host.isBlank() ? "0.0.0.0" : host;
        port = port == null ? DEFAULT_PORT : port;
        root = root == null ? Path.of("data", "sftp") : root;
        hostKey = hostKey == null ? Path.of("data", "keys", "sftp-host-key.pem") : hostKey;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(200) : maxFileSize;
        filesPerMinute = filesPerMinute == null ? 60 : filesPerMinute;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(10) : idleTimeout;
        maxLoginFailures = maxLoginFailures == null ? 5 : maxLoginFailures;
        loginFailureWindow = loginFailureWindow == null ? Duration.ofMinutes(15) : loginFailureWindow;
        scanPeriodMs = scanPeriodMs == null ? 1000L : scanPeriodMs;
        pollRefreshMs = pollRefreshMs == null ? 10_000L : pollRefreshMs;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("gateway.intake.sftp.port must be 0..65535, not " + port);
        }
        if (maxLoginFailures < 1 || filesPerMinute < 1) {
            throw new IllegalArgumentException(
                    "gateway.intake.sftp.max-login-failures and files-per-minute must be at least 1");
        }
    }
}
