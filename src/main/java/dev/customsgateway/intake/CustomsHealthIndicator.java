package dev.customsgateway.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Health component {@code customs}: whether customs (each delivery destination) answered lately, judged from the
 * last delivery attempt of the past 10 minutes rather than by sending anything. An unreachable destination is
 * {@code DEGRADED}, which answers 200 and is not part of readiness: the gateway must keep accepting and
 * buffering in its outbox while customs is down. Reads the delivery tables with plain SQL (capabilities do not
 * call each other in Java).
 */
@Component
class CustomsHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "customs unreachable; messages wait in the outbox");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomsHealthIndicator(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Health health() {
        OffsetDateTime since = OffsetDateTime.now(clock).minus(WINDOW);
        List<Attempt> latest = jdbc.sql("""
                select m.destination, a.outcome, a.status_code, a.ended_at
                from delivery_attempt a join outbox_message m on m.id = a.outbox_id
                where a.id in (select max(a2.id) from delivery_attempt a2
                               join outbox_message m2 on m2.id = a2.outbox_id
                               where a2.ended_at > ? group by m2.destination)""")
                .param(since)
                .query((rs, n) -> new Attempt(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
        boolean unreachable = latest.stream().anyMatch(a -> "RETRY".equals(a.outcome()));
        Health.Builder health = unreachable ? Health.status(DEGRADED) : Health.up();
        Map<String, Object> destinations = new LinkedHashMap<>();
        for (Attempt a : latest) {
            destinations.put(a.destination(), Map.of("reachable", !"RETRY".equals(a.outcome()),
                    "lastOutcome", a.outcome(), "lastStatusCode", a.statusCode() == null ? "none" : a.statusCode(),
                    "lastAttemptAt", a.endedAt().toString()));
        }
        health.withDetail("destinations", destinations);
        if (latest.isEmpty()) {
            health.withDetail("note", "no delivery attempt in the last " + WINDOW.toMinutes() + " minutes");
        }
        Long waiting = jdbc.sql("select count(*) from outbox_message where state in ('PENDING', 'SENDING')")
                .query(Long.class).single();
        return health.withDetail("outboxWaiting", waiting).build();
    }

    private record Attempt(String destination, String outcome, Integer statusCode, OffsetDateTime endedAt) {
    }
}
