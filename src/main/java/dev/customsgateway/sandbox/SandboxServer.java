package dev.customsgateway.sandbox;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.OfficialSchemas;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The customs sandbox as a process of its own (same jar, another main class), so that customs does not die with
 * the gateway: only the sandbox's intake, its books (its own H2 database under its own data folder) and its
 * receipt sender, which POSTs receipts to a configured gateway URL with the shared HMAC secret. None of the
 * gateway's intake, pipeline, delivery or Camel routes run. The crash test starts it as a separate JVM.
 *
 * <pre>
 * java -cp customs-gateway.jar -Dloader.main=dev.customsgateway.sandbox.SandboxServer \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --port=8090 --data-dir=./sandbox-data \
 *      --receipt-url=http://127.0.0.1:8080/api/v1/receipts/sandbox \
 *      --receipt-secret-file=./data/keys/sandbox-receipts.secret --certificates-dir=./data/keys
 * </pre>
 *
 * <p>Inside the gateway this class is inert: it only takes part when {@code gateway.sandbox.standalone=true},
 * which {@link #main} sets.
 */
@SpringBootConfiguration
@ConditionalOnProperty(name = "gateway.sandbox.standalone", havingValue = "true")
@EnableAutoConfiguration(excludeName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ComponentScan(basePackageClasses = SandboxServer.class)
@ConfigurationPropertiesScan(basePackages = {"dev.customsgateway.sandbox", "dev.customsgateway.audit"})
@Import({OfficialSchemas.class, ContentStore.class})
public class SandboxServer {

    /** Short options of the sandbox process and the properties they stand for. */
    private static final String[][] SHORT_OPTIONS = {
        {"--port=", "--server.port="},
        {"--data-dir=", "--gateway.data-dir="},
        {"--receipt-url=", "--gateway.sandbox.receipt-url="},
        {"--receipt-secret-file=", "--gateway.sandbox.receipt-secret-file="},
        {"--certificates-dir=", "--gateway.sandbox.certificates-dir="},
        {"--latency=", "--gateway.sandbox.latency="},
    };

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the sandbox process; the options may use the short forms above or any property. */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> options = new ArrayList<>(List.of(
                "--gateway.sandbox.standalone=true",
                "--gateway.sandbox.enabled=true",
                "--server.port=8090",
                "--gateway.data-dir=./sandbox-data",
                // its own books, never the gateway's database
                "--spring.datasource.url=jdbc:h2:file:${gateway.data-dir}/db/sandbox;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000",
                "--gateway.sandbox.receipt-url=http://127.0.0.1:8080/api/v1/receipts/sandbox",
                "--spring.application.name=customs-sandbox",
                // the gateway's readiness group names indicators this process does not have
                "--management.endpoint.health.group.readiness.include=readinessState,db",
                "--springdoc.api-docs.enabled=false"));
        Map<String, String> byName = new LinkedHashMap<>(); // a later option of the same name wins
        Stream.concat(options.stream(), Arrays.stream(args).map(SandboxServer::expand))
                .forEach(o -> byName.put(o.contains("=") ? o.substring(0, o.indexOf('=')) : o, o));
        SpringApplication app = new SpringApplication(SandboxServer.class);
        return app.run(byName.values().toArray(String[]::new));
    }

    private static String expand(String arg) {
        for (String[] option : SHORT_OPTIONS) {
            if (arg.startsWith(option[0])) {
                return option[1] + arg.substring(option[0].length());
            }
        }
        return arg;
    }

    @Bean
    Clock sandboxClock() {
        return Clock.systemUTC();
    }
}
