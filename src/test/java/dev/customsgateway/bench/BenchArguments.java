package dev.customsgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Start-up arguments shared by the benchmarks that run a gateway in their own JVM. By default the gateway uses its
 * embedded H2 database; {@code -Dbench.db-url=jdbc:postgresql://...} (with {@code -Dbench.db-user} and
 * {@code -Dbench.db-password}) points it at a PostgreSQL database instead, the production profile's database,
 * everything else unchanged.
 */
final class BenchArguments {

    private BenchArguments() {
    }

    static String[] gateway(String... own) {
        List<String> args = new ArrayList<>(List.of(own));
        String url = System.getProperty("bench.db-url");
        if (url != null) {
            args.add("--spring.datasource.url=" + url);
            args.add("--spring.datasource.username=" + System.getProperty("bench.db-user", "postgres"));
            args.add("--spring.datasource.password=" + System.getProperty("bench.db-password", ""));
        }
        return args.toArray(String[]::new);
    }

    /** What the figures were measured on, for the report. */
    static String database() {
        return System.getProperty("bench.db-url") != null ? "PostgreSQL" : "H2";
    }

    /**
     * How much disk the database takes after the run: H2's file size and how much of its chunks is live data (H2
     * keeps a file's dead space until it rewrites the chunks), or PostgreSQL's database size.
     */
    static String databaseSize(JdbcClient jdbc, Path dataDir) throws IOException {
        if (System.getProperty("bench.db-url") != null) {
            return String.format("%.1f MB", jdbc.sql("select pg_database_size(current_database())")
                    .query(Long.class).single() / 1048576.0);
        }
        Map<String, String> info = jdbc.sql("select setting_name, setting_value from information_schema.settings"
                + " where setting_name in ('info.CHUNKS_FILL_RATE', 'info.FILL_RATE', 'info.CHUNK_COUNT')")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return String.format("%.1f MB H2 file, chunks %s %% live, file %s %% in use, %s chunks",
                Files.size(dataDir.resolve("db/gateway.mv.db")) / 1048576.0, info.get("info.CHUNKS_FILL_RATE"),
                info.get("info.FILL_RATE"), info.get("info.CHUNK_COUNT"));
    }
}
