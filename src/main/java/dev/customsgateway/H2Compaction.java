package dev.customsgateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.unit.DataSize;

/**
 * Keeps the embedded H2 database's file from growing without bound under sustained load.
 *
 * <p>H2 writes each commit as a new chunk at a free place of its file, and frees a chunk once nothing in it is
 * live any more. Chunks that stay partly live (a page of the log's table next to pages that later commits
 * replaced) hold their whole space until H2's background writer rewrites their live pages elsewhere. With
 * {@code WRITE_DELAY=0}, which durable acknowledgements need, H2 runs no background writer at all (H2 2.4.240,
 * {@code FileStore.setAutoCommitDelay}), so nothing is ever rewritten: 50,000 orders left a 2.2 GB file whose
 * chunks were 8 % live, and a million filled the disk. This does the background writer's compaction on a
 * schedule, through H2's public {@link MVStore#compact(int, int)}: it moves the live pages of the sparsest chunks
 * (those older than H2's retention time) into the next commit's chunk, after which the emptied chunks' space is
 * reused. Each run moves at most {@code write-limit} bytes, so it adds little to the commit that stores them.
 *
 * <p>Only for an embedded H2 file database; PostgreSQL reclaims space itself (autovacuum). On H2 it also shows the
 * file's state to Prometheus: {@code gateway_database_h2_file_bytes} and {@code gateway_database_h2_live_percent}
 * (how much of its chunks is live data).
 */
final class H2Compaction implements SmartLifecycle, MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final Settings settings;
    private ScheduledExecutorService executor;
    private volatile MVStore store;
    private boolean failureLogged;

    H2Compaction(DataSource dataSource, Settings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * {@code gateway.database.h2-compaction}: how often the file is compacted ({@code interval}; 0 turns it off),
     * the fill rate of the chunks under which it compacts ({@code target-fill-rate}, percent of their space that is
     * live data) and how much live data one run moves at most ({@code write-limit}).
     */
    @ConfigurationProperties("gateway.database.h2-compaction")
    record Settings(Duration interval, int targetFillRate, DataSize writeLimit) {
        Settings {
            interval = interval == null ? Duration.ofSeconds(1) : interval;
            targetFillRate = targetFillRate <= 0 ? 80 : Math.min(targetFillRate, 100);
            writeLimit = writeLimit == null ? DataSize.ofMegabytes(16) : writeLimit;
        }
    }

    @Override
    public synchronized void start() {
        long millis = settings.interval().toMillis();
        if (millis <= 0 || store() == null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::compactOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets a compaction under way finish, never interrupts it: H2 reads through an interruptible channel, and an
     * interrupt inside {@code compact} makes H2 close the database for every session.
     */
    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("An H2 compaction was still running after 30 s; the database closes after it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (store() == null) {
            return;
        }
        Gauge.builder("gateway.database.h2.file", this, c -> c.read(s -> s.getFileStore().size()))
                .baseUnit("bytes").description("Size of the embedded H2 database's file").register(registry);
        Gauge.builder("gateway.database.h2.live", this, c -> c.read(s -> s.getFileStore().getChunksFillRate()))
                .baseUnit("percent").description("Share of the H2 file's chunks that is live data")
                .register(registry);
    }

    /** Reads the store without a connection: a scrape must not wait for the pool when batches hold it. */
    private double read(ToDoubleFunction<MVStore> value) {
        MVStore current = store();
        try {
            return current == null || current.isClosed() ? Double.NaN : value.applyAsDouble(current);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Starts first and stops last (phase 0; Camel and the web server stop before it, so the orders still in flight
     * when the gateway is stopped finish with compaction still running, and the data source closes after it).
     */
    @Override
    public int getPhase() {
        return 0;
    }

    /**
     * One compaction: rewrites the live pages of the sparsest old chunks, up to the write limit. A failure is
     * logged once and the next run tries again; the database stays correct either way (compaction only moves
     * pages, and H2 rolls a rewrite into the next commit).
     *
     * @return whether any chunk was rewritten
     */
    boolean compactOnce() {
        MVStore current = store();
        try {
            return current != null && current.compact(settings.targetFillRate(), (int) settings.writeLimit().toBytes());
        } catch (RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("Compacting the H2 database file failed; it will be tried again every {}", settings.interval(),
                        e);
            }
            return false;
        }
    }

    /**
     * The embedded H2 file database's store, looked up once through a connection and kept (it is the same while the
     * database is open), or null on any other database.
     */
    private MVStore store() {
        MVStore current = store;
        if (current == null) {
            try (Connection connection = dataSource.getConnection()) {
                current = mvStore(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database the gateway uses", e);
            }
            store = current;
        }
        return current;
    }

    /** The store under an embedded H2 connection, or null when the database is not an H2 file. */
    private static MVStore mvStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        var store = session.getDatabase().getStore();
        return store == null || store.getMvStore().getFileStore() == null ? null : store.getMvStore();
    }
}
