package dev.customsgateway;

import dev.customsgateway.core.GatewayCommand;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway: merchant files in (SFTP, HTTP), signed customs XML out. The order of the work lives in the
 * Camel routes under {@code routes/}; the packages below hold one capability each.
 *
 * <p>With a first argument that is not an option ({@code java -jar customs-gateway.jar verify-log}) it runs
 * that operator command instead of the server: no HTTP, no routes, then exit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomsGatewayApplication {

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("sandbox")) {
            // the customs sandbox as a process of its own, with its own storage (see the README)
            dev.customsgateway.sandbox.SandboxServer.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("verify-evidence")) {
            // offline, for third parties: no database, no server, nothing of the gateway's state
            System.exit(dev.customsgateway.audit.EvidenceVerifier.run(Arrays.asList(args).subList(1, args.length)));
        }
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(CustomsGatewayApplication.class, args);
    }

    private static int runCommand(String[] args) {
        SpringApplication app = new SpringApplication(CustomsGatewayApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        // As command-line options, so they win over application.yaml; the operator's own options come after.
        Stream<String> commandMode = Stream.of("--camel.main.auto-startup=false", "--gateway.commands.active=true",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.dev.customsgateway=WARN");
        String[] options = Stream.concat(commandMode, Arrays.stream(args).skip(1).filter(a -> a.startsWith("--")))
                .toArray(String[]::new);
        List<String> commandArgs = Arrays.stream(args).skip(1).filter(a -> !a.startsWith("--")).toList();
        try (ConfigurableApplicationContext context = app.run(options)) {
            List<GatewayCommand> commands = context.getBeansOfType(GatewayCommand.class).values().stream()
                    .sorted(Comparator.comparing(GatewayCommand::name)).toList();
            return commands.stream().filter(c -> c.name().equals(args[0])).findFirst()
                    .map(c -> run(c, commandArgs))
                    .orElseGet(() -> unknown(args[0], commands));
        }
    }

    private static int run(GatewayCommand command, List<String> args) {
        try {
            return command.run(args, System.out, System.err);
        } catch (Exception e) {
            System.err.println(command.name() + ": " + e.getMessage());
            return 2;
        }
    }

    private static int unknown(String name, List<GatewayCommand> commands) {
        System.err.println("unknown command: " + name + "\ncommands:");
        commands.forEach(c -> System.err.printf("  %-16s %s%n", c.name(), c.summary()));
        return 64;
    }
}
