package dev.customsgateway;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Beans shared by every capability. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** The gateway's clock; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The threads that process the orders of a submission in parallel ({@code pipeline-split-orders}). The queue
     * is short and a full queue makes the reading thread wait for room (it must not run the order itself: Camel
     * would recurse), so a file of any size is read only as fast as its orders are processed: memory stays flat.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService pipelineWorkers(PipelineProperties properties) {
        int workers = properties.workers();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "pipeline-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(workers * 4),
                threads, (task, pool) -> {
                    try {
                        pool.getQueue().put(task); // wait for room: back-pressure on the file being read
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.RejectedExecutionException("interrupted while queueing", e);
                    }
                });
    }

    /**
     * The transaction in which a batch of orders commits together ({@code pipeline-batch}, and
     * {@code pipeline-passthrough-steps} for a passthrough message): the content index of their artefacts, their outbox rows,
     * their log entries and their outcomes. One commit per batch instead of one per order or per step: a commit is
     * what an embedded database pays most for (H2 writes every page the transaction touched), and the forces of the
     * content store and the lock of the log's chain head are taken once, just before it. Each bean joins it (their
     * own transaction templates propagate REQUIRED), so they stay correct when called alone.
     */
    @Bean
    SpringTransactionPolicy orderCommit(PlatformTransactionManager transactions) {
        return new SpringTransactionPolicy(transactions);
    }

    /**
     * The steps of one order inside its batch's transaction ({@code pipeline-order-steps}): a savepoint, so an order
     * that fails rolls back what it wrote and only that, and the batch goes on. Orders posted to the API run the
     * same way inside their request's transaction ({@code intake-orders-request}).
     */
    @Bean
    SpringTransactionPolicy orderSavepoint(PlatformTransactionManager transactions) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactions);
        policy.setPropagationBehaviorName("PROPAGATION_NESTED");
        return policy;
    }

    /** Groups the orders of a submission into the batches that commit together ({@code pipeline-split-orders}). */
    @Bean
    OrderBatches orderBatches(PipelineProperties properties) {
        return new OrderBatches(properties.batchSize());
    }

    /** Compacts an embedded H2 database's file while the server runs (nothing on PostgreSQL). */
    @Bean
    @ConditionalOnProperty(name = "gateway.commands.active", havingValue = "false", matchIfMissing = true)
    H2Compaction h2Compaction(DataSource dataSource, H2Compaction.Settings settings) {
        return new H2Compaction(dataSource, settings);
    }

    /**
     * Pipeline settings.
     *
     * @param workers threads processing the orders of one submission at a time
     * @param batchSize orders of a file that commit in one transaction (1: each order its own)
     */
    @ConfigurationProperties("gateway.pipeline")
    record PipelineProperties(int workers, int batchSize) {
        PipelineProperties {
            workers = workers <= 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workers;
            batchSize = batchSize <= 0 ? 32 : batchSize;
        }
    }
}
