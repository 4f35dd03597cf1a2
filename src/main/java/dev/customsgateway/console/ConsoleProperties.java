package dev.customsgateway.console;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the web console ({@code gateway.console}). The first administrator's password is never
 * configured here: it comes from the environment ({@code GATEWAY_CONSOLE_ADMIN_PASSWORD}) or is generated.
 *
 * @param adminUsername       the administrator created on first start
 * @param adminPasswordFile   where a generated first password is written (owner-only)
 * @param sessionIdleTimeout  a session ends after this long without a request
 * @param sessionMaxAge       and after this long in any case
 * @param maxLoginFailures    failed logins per username and address within {@code loginFailureWindow} before
 *                            further attempts are refused without checking the password
 * @param loginFailureWindow  the sliding window of those failures
 */
@ConfigurationProperties("gateway.console")
record ConsoleProperties(String adminUsername, Path adminPasswordFile, Duration sessionIdleTimeout,
        Duration sessionMaxAge, int maxLoginFailures, Duration loginFailureWindow) {

    ConsoleProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        adminPasswordFile = adminPasswordFile == null ? Path.of("data", "console-admin.password") : adminPasswordFile;
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofMinutes(30) : sessionIdleTimeout;
        sessionMaxAge = sessionMaxAge == null ? Duration.ofHours(12) : sessionMaxAge;
        maxLoginFailures = maxLoginFailures <= 0 ? 5 : maxLoginFailures;
        loginFailureWindow = loginFailureWindow == null ? Duration.ofMinutes(15) : loginFailureWindow;
    }
}
