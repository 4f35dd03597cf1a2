package dev.customsgateway.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The {@code --name[=value]} options of an audit command. The launcher hands {@code --} arguments to Spring as
 * command-line properties rather than to the command, so they are read from there (only from the command line,
 * never from environment variables of the same name) as well as from the arguments themselves.
 */
final class CommandOptions {

    private final Map<String, String> options = new HashMap<>();

    CommandOptions(List<String> args, Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            PropertySource<?> commandLine = configurable.getPropertySources().get("commandLineArgs");
            if (commandLine != null) {
                for (String name : List.of("dry-run", "reason", "message")) {
                    Object value = commandLine.getProperty(name);
                    if (value != null) {
                        options.put(name, value.toString());
                    }
                }
            }
        }
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
            }
        }
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String get(String name) {
        return options.get(name);
    }
}
