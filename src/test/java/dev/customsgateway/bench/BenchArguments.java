package dev.customsgateway.bench;

import java.util.ArrayList;
import java.util.List;

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
}
