package dev.customsgateway;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
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
     * The transaction in which the steps of one order commit together ({@code pipeline-order-steps},
     * {@code pipeline-commit}): the content index of its artefacts, its outbox row, its log entries and its
     * outcome. One commit per order instead of one per step; each bean joins it (their own transaction templates
     * propagate REQUIRED), so they stay correct when called alone.
     */
    @Bean
    SpringTransactionPolicy orderCommit(PlatformTransactionManager transactions) {
        return new SpringTransactionPolicy(transactions);
    }

    /**
     * Pipeline settings.
     *
     * @param workers threads processing the orders of one submission at a time
     */
    @ConfigurationProperties("gateway.pipeline")
    record PipelineProperties(int workers) {
        PipelineProperties {
            workers = workers <= 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workers;
        }
    }
}
