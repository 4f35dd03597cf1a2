package dev.customsgateway.signing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * The arguments of an operator command: positional ones and {@code --name value} or {@code --name=value}
 * options. The entry point hands {@code --name=value} options to Spring rather than to the command, so an option
 * missing from the list is looked up in the environment too.
 */
record CommandArguments(List<String> positional, Map<String, String> options) {

    static CommandArguments parse(List<String> args, Set<String> names, Environment environment) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else {
                value = i + 1 < args.size() ? args.get(++i) : "";
            }
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: " + names + ")");
            }
            options.put(name, value);
        }
        for (String name : names) {
            String fromEnvironment = environment.getProperty(name);
            if (!options.containsKey(name) && fromEnvironment != null && !fromEnvironment.isEmpty()) {
                options.put(name, fromEnvironment);
            }
        }
        return new CommandArguments(List.copyOf(positional), Map.copyOf(options));
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    String file() {
        if (positional.size() != 1) {
            throw new IllegalArgumentException("expected one FILE, got " + positional);
        }
        return positional.get(0);
    }
}
