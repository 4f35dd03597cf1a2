package dev.customsgateway.console;

import dev.customsgateway.core.PasswordHasher;
import dev.customsgateway.core.SecretFiles;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no enabled administrator), creates the console administrator. There is no default
 * password: it is taken from {@code GATEWAY_CONSOLE_ADMIN_PASSWORD} (at least 12 characters) or generated, in
 * which case it is shown once in a banner on standard output and written owner-only to
 * {@code gateway.console.admin-password-file}. The log names only the file, never the password.
 */
@Component
@ConditionalOnProperty(name = "gateway.commands.active", havingValue = "false", matchIfMissing = true)
class ConsoleStartup implements ApplicationRunner {

    static final String PASSWORD_VARIABLE = "GATEWAY_CONSOLE_ADMIN_PASSWORD";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleStartup.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleUsers users;
    private final PasswordHasher hasher;
    private final ConsoleProperties properties;
    private final Environment environment;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConsoleStartup(ConsoleUsers users, PasswordHasher hasher, ConsoleProperties properties, Environment environment,
            TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.properties = properties;
        this.environment = environment;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            if (users.hasEnabledAdministrator()) {
                return;
            }
            String given = environment.getProperty(PASSWORD_VARIABLE);
            String password = given == null || given.isEmpty() ? generated() : checked(given);
            String username = properties.adminUsername();
            String hash = hasher.hash(password);
            if (users.find(username).isPresent()) { // a disabled administrator of that name: enable it again
                users.setPasswordHash(username, hash);
                users.setRole(username, ConsoleRole.ADMINISTRATOR, null);
                users.setEnabled(username, true);
            } else {
                users.create(username, hash, ConsoleRole.ADMINISTRATOR, null, "first start",
                        OffsetDateTime.now(clock));
            }
            if (given == null || given.isEmpty()) {
                SecretFiles.writeOwnerOnly(properties.adminPasswordFile(), password);
                System.out.printf("%n==== Web console: administrator '%s' created; its password, shown this once,"
                        + " is%n====   %s%n==== (also kept owner-only in %s; change it by creating a new"
                        + " administrator and disabling this one)%n%n", username, password,
                        properties.adminPasswordFile().toAbsolutePath());
                LOG.warn("Created the console administrator '{}'; its generated password is in {}", username,
                        properties.adminPasswordFile().toAbsolutePath());
            } else {
                LOG.warn("Created the console administrator '{}' with the password from {}", username,
                        PASSWORD_VARIABLE);
            }
        });
    }

    private static String checked(String given) {
        if (given.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(PASSWORD_VARIABLE + " must have at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        return given;
    }

    /** 144 random bits, URL-safe: easy to paste, impossible to guess. */
    static String generated() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
