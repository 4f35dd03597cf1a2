package dev.customsgateway.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts read from the gateway's tables for {@link GatewayMetrics}, at most once per 10 seconds however often
 * Prometheus scrapes, so metrics cost the database a handful of grouped counts per scrape interval. Plain SQL on
 * the message log, outbox and receipt tables: the metrics observe other capabilities without calling them.
 */
@Component
class TableSnapshot {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final Duration LATENCY_WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Snapshot snapshot;

    TableSnapshot(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || snapshot.takenAt.plus(MAX_AGE).isBefore(now)) {
            snapshot = take(now);
        }
        return snapshot;
    }

    /** Every receipt status of the shipped code table, so each has its series from the start. */
    List<String> receiptStatuses() {
        try (var in = getClass().getResourceAsStream("/codes/china-ceb/receipt_status.csv")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",", -1)).filter(f -> f.length > 1).map(f -> f[1].strip())
                    .distinct().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Snapshot take(Instant now) {
        Map<String, Long> counts = new HashMap<>();
        group(counts, "stage", "select stage, count(*) from message_log group by stage");
        group(counts, "submission", "select status, count(*) from submission group by status");
        group(counts, "outbox", "select state, count(*) from outbox_message group by state");
        group(counts, "attempt", "select outcome, count(*) from delivery_attempt group by outcome");
        group(counts, "receipt", "select return_status, count(*) from customs_receipt group by return_status");
        List<Double> latencies = jdbc.sql("""
                select created_at, delivered_at from outbox_message
                where state = 'DELIVERED' and delivered_at > ? order by delivered_at desc limit 10000""")
                .param(OffsetDateTime.ofInstant(now.minus(LATENCY_WINDOW), java.time.ZoneOffset.UTC))
                .query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class),
                        rs.getObject(2, OffsetDateTime.class)).toMillis() / 1000.0)
                .list().stream().sorted().toList();
        return new Snapshot(now, counts, latencies);
    }

    private void group(Map<String, Long> counts, String kind, String sql) {
        jdbc.sql(sql).query((rs, n) -> counts.put(kind + ":" + rs.getString(1), rs.getLong(2))).list();
    }

    /** One reading of the tables. */
    record Snapshot(Instant takenAt, Map<String, Long> counts, List<Double> latencies) {

        double count(String kind, String key) {
            return counts.getOrDefault(kind + ":" + key, 0L);
        }

        /** p50, p95 or max of the recent latencies in seconds; 0 when nothing was delivered lately. */
        double latency(String stat) {
            if (latencies.isEmpty()) {
                return 0;
            }
            return switch (stat) {
                case "p50" -> latencies.get((int) Math.floor(0.50 * (latencies.size() - 1)));
                case "p95" -> latencies.get((int) Math.floor(0.95 * (latencies.size() - 1)));
                default -> latencies.get(latencies.size() - 1);
            };
        }
    }
}
