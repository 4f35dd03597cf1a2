package dev.customsgateway.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link RetentionJob} every {@code gateway.audit.retention.interval} (first after
 * {@code first-run}) while the server runs. Not started for operator commands. Several gateway nodes may each run
 * it: destroying a key and recording it happen once (the update of a live key succeeds once).
 */
@Component
@ConditionalOnProperty(name = "gateway.commands.active", havingValue = "false", matchIfMissing = true)
class RetentionScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionScheduler.class);

    private final RetentionJob job;
    private final AuditProperties properties;
    private ScheduledExecutorService executor;

    RetentionScheduler(RetentionJob job, AuditProperties properties) {
        this.job = job;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        long every = properties.retention().interval().toMillis();
        if (every <= 0) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, Math.max(0, properties.retention().firstRun().toMillis()), every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A failed run must not stop the next one. */
    private void run() {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.error("Retention job failed; the next run will try again", e);
        }
    }
}
