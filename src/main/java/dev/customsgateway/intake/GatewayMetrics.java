package dev.customsgateway.intake;

import dev.customsgateway.audit.LogStage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The gateway's own Prometheus metrics, read from its tables ({@link TableSnapshot}): messages by stage of the
 * message log, submissions by status, the outbox by state (its depth: pending and being sent), dead letters,
 * delivery attempts by outcome (retries are {@code RETRY}), customs receipts by status and the delivery latency
 * (outbox to delivered) of the last 15 minutes. Days until each signing certificate expires come from the
 * signing package's own binder. HTTP latency per endpoint comes from Spring's {@code http.server.requests}.
 */
@Component
class GatewayMetrics implements MeterBinder {

    private static final List<String> OUTBOX_STATES = List.of("PENDING", "SENDING", "DELIVERED", "DEAD");
    private static final List<String> ATTEMPT_OUTCOMES = List.of("DELIVERED", "DUPLICATE", "RETRY", "PERMANENT");

    private final TableSnapshot tables;

    GatewayMetrics(TableSnapshot tables) {
        this.tables = tables;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (LogStage stage : LogStage.values()) {
            FunctionCounter.builder("gateway.messages.logged", tables, t -> t.current().count("stage", stage.name()))
                    .description("Message-log entries by stage").tag("stage", stage.name()).register(registry);
        }
        for (SubmissionStatus status : SubmissionStatus.values()) {
            Gauge.builder("gateway.submissions", tables, t -> t.current().count("submission", status.name()))
                    .description("Submissions by status").tag("status", status.name()).register(registry);
        }
        for (String state : OUTBOX_STATES) {
            Gauge.builder("gateway.outbox.messages", tables, t -> t.current().count("outbox", state))
                    .description("Outbox messages by delivery state").tag("state", state).register(registry);
        }
        Gauge.builder("gateway.outbox.depth", tables,
                        t -> t.current().count("outbox", "PENDING") + t.current().count("outbox", "SENDING"))
                .description("Messages waiting to be delivered (pending and being sent)").register(registry);
        Gauge.builder("gateway.outbox.dead.letters", tables, t -> t.current().count("outbox", "DEAD"))
                .description("Dead-lettered messages waiting for an operator").register(registry);
        for (String outcome : ATTEMPT_OUTCOMES) {
            FunctionCounter.builder("gateway.delivery.attempts", tables, t -> t.current().count("attempt", outcome))
                    .description("Delivery attempts by outcome; RETRY counts the retried failures")
                    .tag("outcome", outcome).register(registry);
        }
        for (String stat : List.of("p50", "p95", "max")) {
            Gauge.builder("gateway.delivery.latency.recent", tables, t -> t.current().latency(stat))
                    .description("Outbox-to-delivered time of messages delivered in the last 15 minutes")
                    .baseUnit("seconds").tag("stat", stat).register(registry);
        }
        tables.receiptStatuses().forEach(status ->
                Gauge.builder("gateway.customs.receipts", tables, t -> t.current().count("receipt", status))
                        .description("Customs receipts by return status").tag("status", status).register(registry));
    }
}
