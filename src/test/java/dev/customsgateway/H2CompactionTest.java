package dev.customsgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The H2 file, written as the gateway writes it (WRITE_DELAY=0: a chunk per commit, no background writer), is left
 * with chunks that hold a few live pages each; compaction moves those pages so the chunks' space is reused.
 */
class H2CompactionTest {

    @TempDir
    Path dir;

    @Test
    void rewritesSparseChunksSoTheFileStopsHoldingDeadSpace() throws SQLException {
        JdbcDataSource dataSource = h2(dir.resolve("db"));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table entry (id int primary key, body varchar(400))");
            sql.execute("create table counter (id int primary key, n int)");
            sql.execute("insert into counter values (1, 0)");
            // each commit appends to one table and rewrites the other's page: the appended leaves that fill up
            // stay live in chunks whose every other page a later commit replaced
            for (int i = 0; i < 3_000; i++) {
                sql.execute("insert into entry values (" + i + ", repeat('x', 400))");
                sql.execute("update counter set n = n + 1");
            }
            int fragmented = chunksFillRate(sql);
            long chunksBefore = chunkCount(sql);
            assertThat(fragmented).as("chunks' live share before compaction").isLessThan(50);

            H2Compaction compaction = new H2Compaction(dataSource,
                    new H2Compaction.Settings(Duration.ofSeconds(1), 80, DataSize.ofMegabytes(16)));
            boolean rewrote = false;
            for (int run = 0; run < 10 && chunksFillRate(sql) < 80; run++) {
                rewrote |= compaction.compactOnce();
                sql.execute("update counter set n = n + 1"); // the next commit stores the moved pages
            }

            assertThat(rewrote).isTrue();
            assertThat(chunksFillRate(sql)).as("chunks' live share after compaction (was %d %%)", fragmented)
                    .isGreaterThanOrEqualTo(80);
            assertThat(chunkCount(sql)).isLessThan(chunksBefore / 4);
            try (ResultSet rows = sql.executeQuery("select count(*), sum(length(body)) from entry")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(3_000);
                assertThat(rows.getLong(2)).isEqualTo(3_000L * 400);
            }
        }
    }

    @Test
    void staysOffWhenTheDatabaseIsNotAnH2File() throws SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction-test;DB_CLOSE_DELAY=-1");
        H2Compaction compaction = new H2Compaction(memory,
                new H2Compaction.Settings(Duration.ofSeconds(1), 80, DataSize.ofMegabytes(16)));
        compaction.start();
        try {
            assertThat(compaction.isRunning()).isFalse();
            assertThat(compaction.compactOnce()).isFalse();
        } finally {
            compaction.stop();
            try (Connection connection = memory.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("shutdown");
            }
        }
    }

    /** As the gateway opens it, but with chunks old enough to rewrite at once (no retention time). */
    private static JdbcDataSource h2(Path file) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0;RETENTION_TIME=0");
        return dataSource;
    }

    private static int chunksFillRate(Statement sql) throws SQLException {
        return Integer.parseInt(info(sql, "info.CHUNKS_FILL_RATE"));
    }

    private static long chunkCount(Statement sql) throws SQLException {
        return Long.parseLong(info(sql, "info.CHUNK_COUNT"));
    }

    private static String info(Statement sql, String name) throws SQLException {
        try (ResultSet rows = sql.executeQuery(
                "select setting_value from information_schema.settings where setting_name = '" + name + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
