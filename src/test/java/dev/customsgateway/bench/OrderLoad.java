package dev.customsgateway.bench;

import dev.customsgateway.CustomsGatewayApplication;
import dev.customsgateway.TestMerchants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open-loop load on {@code POST /api/v1/orders}: single-order JSON at a fixed arrival rate. Request i is due at
 * {@code start + i / rate} and is sent then whether or not earlier ones have been answered (asynchronously), so
 * a slow server meets the same load and its slow answers are counted; latency is measured from the due time,
 * not from when the request happened to leave (no coordinated omission, unlike {@code wrk}). Reports p50, p99,
 * p99.9 and the maximum, and errors (any answer but 202, or no answer).
 *
 * <pre>
 * ./mvnw -B -Pbench test-compile exec:exec -Dbench.class=dev.customsgateway.bench.OrderLoad \
 *     -Dbench.args="200 60" -Dbench.jvm=-Xmx512m
 * </pre>
 * Arguments: requests per second, seconds, and optionally the base URL and API key of a running gateway (by
 * default one is started in this JVM, with a merchant of its own and the RSA-SHA1 profile). The first 10 % of
 * the requests warm the server up and are not counted.
 */
public final class OrderLoad {

    private OrderLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String base;
        String key;
        if (args.length > 3) {
            base = args[2];
            key = args[3];
        } else {
            Path data = Files.createTempDirectory("gateway-load-");
            ConfigurableApplicationContext gateway = new SpringApplication(CustomsGatewayApplication.class).run(BenchArguments.gateway("--gateway.data-dir=" + data,
                    "--server.port=0", "--gateway.intake.sftp.enabled=false",
                    "--gateway.delivery.poll-interval-ms=3600000",
                    "--gateway.audit.checkpoint-interval=1h", "--logging.level.root=WARN",
                    "--logging.level.dev.customsgateway=WARN", "--spring.main.banner-mode=off"));
            base = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
            key = TestMerchants.create(gateway.getBean(JdbcClient.class), "load", "default-csv", "PLATFORM", "IMPORT",
                    "demo-rsa", "CN_RSA_SHA1", "202205");
        }
        Result result = run(URI.create(base + "/api/v1/orders"), key, rate, seconds);
        result.print(rate, seconds);
        System.out.flush();
        // Orders accepted but not yet signed are resumed by the next start; no orderly shutdown is awaited here.
        Runtime.getRuntime().halt(0);
    }

    static Result run(URI uri, String key, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        int warmUp = total / 10;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(total);
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime() + 100_000_000L;
        long period = 1_000_000_000L / rate;
        long lateSends = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -period) {
                lateSends++; // the generator itself fell behind; latency still counts from the due time
            }
            int n = i;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("X-API-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order("LOAD-" + run + "-" + i))).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                latencies[n] = System.nanoTime() - due;
                if (failure != null) {
                    errors.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicInteger())
                            .incrementAndGet();
                } else if (response.statusCode() != 202) {
                    errors.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                answered.countDown();
            });
        }
        boolean all = answered.await(60, TimeUnit.SECONDS);
        callbacks.shutdownNow();
        long[] measured = Arrays.stream(latencies, warmUp, total).filter(l -> l >= 0).sorted().toArray();
        return new Result(measured, total - warmUp, errors, all, lateSends);
    }

    /** One order in the canonical JSON shape: one line, valid for the customs rules. */
    static String order(String orderNo) {
        return """
                {"orderNo":"%s","buyer":{"regNo":"buyer-1","name":"张三","idType":"1",\
                "idNumber":"110101199003071233","phone":"13800000001"},\
                "consignee":{"name":"张三","phone":"13800000001","address":"北京市东城区东华门街道 1 号"},\
                "amounts":{"freight":"10","currency":"142"},\
                "lines":[{"itemNo":"SKU-1","itemName":"婴儿奶粉","itemModel":"900g/罐","unit":"122","qty":"2",\
                "price":"188.00","country":"309"}]}""".formatted(orderNo);
    }

    record Result(long[] sortedNanos, int expected, Map<String, AtomicInteger> errors, boolean allAnswered,
            long lateSends) {

        void print(int rate, int seconds) {
            System.out.printf("%nOrderLoad: %d requests/s for %d s, open loop (first 10 %% not counted), %s%n", rate,
                    seconds, BenchArguments.database());
            System.out.printf("  answered  %d of %d%s%n", sortedNanos.length, expected,
                    allAnswered ? "" : " (some not answered within 60 s after the last was sent)");
            System.out.printf("  latency   p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n", at(0.50),
                    at(0.99), at(0.999), sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6);
            int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.printf("  errors    %d %s%n", errorCount, errors);
            if (lateSends > 0) {
                System.out.printf("  note      the generator sent %d requests more than one period late%n", lateSends);
            }
        }

        private double at(double quantile) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }
    }
}
