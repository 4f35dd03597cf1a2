package dev.customsgateway.intake;

import dev.customsgateway.core.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the configured merchants that the database lacks, and gives a seeded merchant with an
 * {@code api-key-file} its first API key: written owner-only to that file and shown once in the log, so the
 * demo can be used straight after the first start. Not in command mode: an operator command inspects, it does
 * not create merchants or keys.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "gateway.commands.active", havingValue = "false", matchIfMissing = true)
class MerchantSeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantSeeder.class);

    private final MerchantSeedProperties properties;
    private final MerchantRepository merchants;
    private final ApiKeys apiKeys;
    private final TransactionTemplate tx;
    private final Clock clock;

    MerchantSeeder(MerchantSeedProperties properties, MerchantRepository merchants, ApiKeys apiKeys,
            TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (MerchantSeedProperties.Seed seed : properties.seed()) {
            tx.executeWithoutResult(status -> seed(seed));
        }
    }

    private void seed(MerchantSeedProperties.Seed seed) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!merchants.exists(seed.id())) {
            merchants.create(seed, now);
            LOG.info("Seeded merchant {} ({})", seed.id(), seed.role());
        }
        if (seed.apiKeyFile() != null && !apiKeys.hasActiveKey(seed.id())) {
            String key = apiKeys.issue(seed.id(), now);
            SecretFiles.writeOwnerOnly(seed.apiKeyFile(), key);
            LOG.warn("Issued the first API key of merchant {}; it is shown this once and kept in {}: {}",
                    seed.id(), seed.apiKeyFile().toAbsolutePath(), key);
        }
    }

}
