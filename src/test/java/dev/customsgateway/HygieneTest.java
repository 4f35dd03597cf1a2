package dev.customsgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps the repository honest without starting anything: every XSD is listed with its digest, every route and
 * every step has an id, and every property placeholder in the routes exists in application.yaml.
 */
class HygieneTest {

    private static final Path SCHEMAS = Path.of("schemas");
    private static final Path ROUTES = Path.of("routes");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    @Test
    void everySchemaIsListedWithItsDigest() throws IOException {
        String readme = Files.readString(SCHEMAS.resolve("README.md"));
        List<Path> xsds;
        try (Stream<Path> files = Files.walk(SCHEMAS)) {
            xsds = files.filter(p -> p.toString().endsWith(".xsd")).toList();
        }
        assertThat(xsds).isNotEmpty();
        for (Path xsd : xsds) {
            String relative = SCHEMAS.relativize(xsd).toString();
            String digest = Sha256.hex(Files.readAllBytes(xsd));
            assertThat(readme).as(relative + " listed with its SHA-256").containsPattern(
                    "`" + Pattern.quote(relative) + "`[^\\n]*`" + digest + "`");
        }
    }

    @Test
    void everyRouteAndStepHasAnId() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : routeFiles()) {
            for (Object item : loadAll(file)) {
                Map<?, ?> top = (Map<?, ?>) item;
                Map<?, ?> route = (Map<?, ?>) top.get("route");
                if (top.get("routeTemplate") instanceof Map<?, ?> template) {
                    route = (Map<?, ?>) template.get("route");
                    collectStepsWithoutId(file + ":" + template.get("id"),
                            ((Map<?, ?>) route.get("from")).get("steps"), missing);
                    continue;
                }
                if (route != null) {
                    if (route.get("id") == null) {
                        missing.add(file + ": a route");
                    }
                    Map<?, ?> from = (Map<?, ?>) route.get("from");
                    collectStepsWithoutId(file + ":" + route.get("id"), from.get("steps"), missing);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyPlaceholderInTheRoutesIsConfigured() throws IOException {
        String config = Files.readString(Path.of("src/main/resources/application.yaml"));
        Set<String> used = new HashSet<>();
        Set<String> templateParameters = new HashSet<>();
        for (Path file : routeFiles()) {
            Matcher m = PLACEHOLDER.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
            for (Object item : loadAll(file)) {
                if (((Map<?, ?>) item).get("routeTemplate") instanceof Map<?, ?> template
                        && template.get("parameters") instanceof List<?> parameters) {
                    parameters.forEach(p -> templateParameters.add((String) ((Map<?, ?>) p).get("name")));
                }
            }
        }
        used.removeAll(templateParameters); // filled in per route made from the template, not configuration
        assertThat(used).isNotEmpty();
        for (String key : used) {
            String[] parts = key.split("\\.");
            String leaf = parts[parts.length - 1];
            assertThat(config).as("placeholder " + key).containsPattern("(?m)^\\s*" + Pattern.quote(leaf) + ":");
        }
    }

    private static void collectStepsWithoutId(String where, Object steps, List<String> missing) {
        if (!(steps instanceof List<?> list)) {
            return;
        }
        for (Object step : list) {
            Map<?, ?> wrapper = (Map<?, ?>) step;
            for (Map.Entry<?, ?> e : wrapper.entrySet()) {
                String kind = (String) e.getKey();
                if (!(e.getValue() instanceof Map<?, ?> body)) {
                    continue;
                }
                boolean needsId = Set.of("bean", "to", "split", "doTry").contains(kind);
                if (needsId && body.get("id") == null) {
                    missing.add(where + ": " + kind + " " + body);
                }
                collectStepsWithoutId(where, body.get("steps"), missing);
                if (body.get("doCatch") instanceof List<?> catches) {
                    for (Object c : catches) {
                        collectStepsWithoutId(where, ((Map<?, ?>) c).get("steps"), missing);
                    }
                }
            }
        }
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list;
        }
    }

    private static List<Object> loadAll(Path file) throws IOException {
        List<Object> items = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            items.addAll((List<?>) doc);
        }
        return items;
    }
}
