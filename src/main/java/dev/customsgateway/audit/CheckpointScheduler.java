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
 * Signs a checkpoint every {@code gateway.audit.checkpoint-interval} while the server runs, and a last one on
 * shutdown, so that the entries not yet covered by a signature are at most one interval's worth. Not started
 * for operator commands.
 */
@Component
@ConditionalOnProperty(name = "gateway.commands.active", havingValue = "false", matchIfMissing = true)
class CheckpointScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointScheduler.class);

    private final CheckpointSigner signer;
    private final AuditProperties properties;
    private ScheduledExecutorService executor;

    CheckpointScheduler(CheckpointSigner signer, AuditProperties properties) {
        this.signer = signer;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        long millis = properties.checkpointInterval().toMillis();
        if (millis <= 0) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "log-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkpoint, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            checkpoint();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A failed checkpoint must not stop the next one: log it and carry on. */
    private void checkpoint() {
        try {
            signer.checkpoint();
        } catch (RuntimeException e) {
            LOG.error("Message-log checkpoint failed; the next interval will try again", e);
        }
    }
}
