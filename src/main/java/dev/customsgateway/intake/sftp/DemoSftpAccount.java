package dev.customsgateway.intake.sftp;

import dev.customsgateway.core.PasswordHasher;
import dev.customsgateway.core.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo merchant an SFTP account on first start, named like the merchant, with a random password
 * written owner-only to {@code gateway.intake.sftp.demo-password-file}. There is no default password: without
 * this file nobody knows it. Runs after the merchant seeder; never touches an existing account. Not in command
 * mode, where the seeder does not run either (on a fresh data folder there would be no merchant to own it).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "gateway.commands.active", havingValue = "false", matchIfMissing = true)
class DemoSftpAccount implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSftpAccount.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SftpProperties properties;
    private final SftpAccounts accounts;
    private final PasswordHasher hasher;
    private final Clock clock;

    DemoSftpAccount(SftpProperties properties, SftpAccounts accounts, PasswordHasher hasher, Clock clock) {
        this.properties = properties;
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String merchant = properties.demoMerchant();
        if (merchant == null || merchant.isBlank() || properties.demoPasswordFile() == null
                || accounts.exists(merchant)) {
            return;
        }
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        SecretFiles.writeOwnerOnly(properties.demoPasswordFile(), password);
        accounts.create(merchant, merchant, hasher.hash(password), OffsetDateTime.now(clock));
        LOG.warn("Created the SFTP account {} for the demo merchant; its password is in {}", merchant,
                properties.demoPasswordFile().toAbsolutePath());
    }

}
