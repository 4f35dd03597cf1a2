package dev.customsgateway.audit;

import dev.customsgateway.core.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * First-start duties of the message log, when the gateway runs as a server (not for operator commands, which
 * must not change anything they inspect): adopt entries written before the hash chain existed, create the
 * checkpoint key and the master key of the content store, and issue the first auditor token of the compliance API, written owner-only to
 * {@code gateway.audit.auditor-token-file} and never logged.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "gateway.commands.active", havingValue = "false", matchIfMissing = true)
class AuditStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AuditStartup.class);

    private final LogChain chain;
    private final CheckpointKey key;
    private final AuditorTokens tokens;
    private final AuditProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DataKeys dataKeys;

    AuditStartup(LogChain chain, CheckpointKey key, AuditorTokens tokens, AuditProperties properties,
            TransactionTemplate tx, Clock clock, DataKeys dataKeys) {
        this.dataKeys = dataKeys;
        this.chain = chain;
        this.key = key;
        this.tokens = tokens;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        chain.adoptLegacyEntries();
        key.loadOrCreate();
        dataKeys.checkMasterKey();
        tx.executeWithoutResult(status -> {
            if (!tokens.hasActive()) {
                SecretFiles.writeOwnerOnly(properties.auditorTokenFile(), tokens.issue(OffsetDateTime.now(clock)));
                LOG.warn("Issued the auditor token of the compliance API; it is kept owner-only in {}",
                        properties.auditorTokenFile().toAbsolutePath());
            }
        });
    }

}
