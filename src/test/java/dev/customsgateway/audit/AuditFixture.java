package dev.customsgateway.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The message log wired by hand over a private in-memory H2 database (PostgreSQL mode, migrated by Flyway like
 * the gateway's) and a content store and key folder under a temporary directory: what the audit unit tests
 * tamper with. Close it to drop the database.
 */
final class AuditFixture implements AutoCloseable {

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate tx;
    final MasterKey masterKey;
    final DataKeys dataKeys;
    final ContentStore store;
    final ChainRepository chain;
    final MessageLog log;
    final CheckpointRepository checkpoints;
    final CheckpointKey key;
    final CheckpointSigner signer;
    final LogVerifier verifier;
    final AuditProperties properties;
    final MovableClock clock = new MovableClock();
    private final boolean owner;

    AuditFixture(Path dir) throws IOException {
        this(dir, null, null, 10);
    }

    AuditFixture(Path dir, URI tsaUrl, Path tsaCertificate, int poolSize) throws IOException {
        this(dir, tsaUrl, tsaCertificate, poolSize, "jdbc:h2:mem:audit-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "",
                false);
    }

    /** Over another database (PostgreSQL); {@code clean} empties it first, for a test that owns it. */
    AuditFixture(Path dir, URI tsaUrl, Path tsaCertificate, int poolSize, String url, String user, String password,
            boolean clean) throws IOException {
        this.owner = clean;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        dataSource = new HikariDataSource(config);
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .cleanDisabled(!clean).load();
        if (clean) {
            flyway.clean();
        }
        flyway.migrate();
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        properties = new AuditProperties(dir.resolve("store"), dir.resolve("keys"), Duration.ZERO, tsaUrl,
                tsaCertificate, dir.resolve("auditor.token"));
        masterKey = new MasterKey(properties.masterKeyFile(), null);
        dataKeys = new DataKeys(jdbc, masterKey, clock);
        store = new ContentStore(properties, new ArtefactSealing(dataKeys, jdbc));
        chain = new ChainRepository(jdbc);
        log = new MessageLog(jdbc, store, new LogChain(chain, tx), clock);
        checkpoints = new CheckpointRepository(jdbc);
        key = new CheckpointKey(properties);
        signer = new CheckpointSigner(chain, checkpoints, key, properties, Clock.systemUTC());
        verifier = new LogVerifier(chain, checkpoints, store, key, properties, clock);
    }

    /** Records {@code n} entries of one submission, each with its own small artefact. */
    void recordEntries(int n) {
        for (int i = 1; i <= n; i++) {
            record("submission-1", i);
        }
    }

    void record(String submissionId, int i) {
        ContentStore.StoredContent stored = store.put(("artefact " + submissionId + " #" + i)
                .getBytes(StandardCharsets.UTF_8));
        log.record(LogEntry.forSubmission("demo", submissionId, i == 1 ? LogStage.RECEIVED : LogStage.PARSED)
                .withArtefact("canonical-order", stored.sha256(), stored.size()).withDetail("row " + i));
    }

    VerificationReport verify() {
        return verifier.verify(LogVerifier.Options.full());
    }

    ChainedEntry entryAt(long seq) {
        return chain.page(seq - 1, seq, 1).get(0);
    }

    List<ChainedEntry> entries() {
        return chain.page(0, Long.MAX_VALUE, 100_000);
    }

    /** What an attacker with write access to the database does to hide an edit: recompute every later hash. */
    void rechainFrom(long seq) {
        String prev = seq == 1 ? ChainHash.GENESIS : entryAt(seq - 1).entryHash();
        long last = seq - 1;
        for (ChainedEntry e : chain.page(seq - 1, Long.MAX_VALUE, 100_000)) {
            String hash = ChainHash.of(e.seq(), prev, e.entry(), e.stageCode(), e.recordedAt());
            jdbc.sql("update message_log set prev_hash = ?, entry_hash = ? where id = ?").params(prev, hash, e.id())
                    .update();
            prev = hash;
            last = e.seq();
        }
        chain.moveHead(last, prev);
    }

    X509Certificate checkpointCertificate() throws IOException {
        return key.certificate();
    }

    @Override
    public void close() {
        if (dataSource.getJdbcUrl().startsWith("jdbc:h2:mem:")) {
            jdbc.sql("shutdown").update();
        } else if (owner) {
            // A gateway test on the same database starts with a master key of its own, and rightly refuses to
            // start beside data keys another master key wrapped: leave none behind.
            jdbc.sql("delete from sealed_content").update();
            jdbc.sql("delete from data_key").update();
        }
        dataSource.close();
    }
}
