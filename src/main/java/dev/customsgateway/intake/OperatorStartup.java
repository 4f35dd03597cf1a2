package dev.customsgateway.intake;

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
 * On the first start (no active token of the role in the database), issues the operator token and the metrics
 * token and writes each owner-only to its file ({@code gateway.intake.http.operator-token-file},
 * {@code metrics-token-file}). There is no default credential; the tokens are never logged, only where they are.
 * Not in command mode: an operator command inspects, it does not create credentials.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "gateway.commands.active", havingValue = "false", matchIfMissing = true)
class OperatorStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorStartup.class);

    private final OperatorTokens tokens;
    private final HttpApiProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    OperatorStartup(OperatorTokens tokens, HttpApiProperties properties, TransactionTemplate tx, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        issueIfMissing(OperatorTokens.Role.OPERATOR, properties.operatorTokenFile());
        issueIfMissing(OperatorTokens.Role.METRICS, properties.metricsTokenFile());
    }

    private void issueIfMissing(OperatorTokens.Role role, Path file) {
        tx.executeWithoutResult(status -> {
            if (!tokens.hasActive(role)) {
                SecretFiles.writeOwnerOnly(file, tokens.issue(role, OffsetDateTime.now(clock)));
                LOG.warn("Issued the {} token; it is kept owner-only in {}", role.name().toLowerCase(),
                        file.toAbsolutePath());
            }
        });
    }

}
