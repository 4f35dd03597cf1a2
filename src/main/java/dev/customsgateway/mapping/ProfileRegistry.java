package dev.customsgateway.mapping;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.Merchant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The merchants' mapping profiles: the bundled ones ({@code classpath:profiles/*.yaml}) and those in the
 * profiles folder, which override bundled ones of the same name. Every profile is validated when loaded; a
 * broken file is reported and the last good version stays in force. {@link #reload()} runs from the
 * {@code mapping-profiles-reload} route; {@link #forMerchant} from the pipeline and intake-check routes.
 */
@Component("mappingProfiles")
class ProfileRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileRegistry.class);
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path folder;
    private final ProfileCompiler compiler;
    private final MappingProperties properties;
    private final Map<String, MappingProfile> profiles = new ConcurrentHashMap<>();
    private final Map<Path, Long> loadedVersions = new HashMap<>();

    ProfileRegistry(MappingProperties properties, LookupTables lookups) throws IOException {
        this.properties = properties;
        this.folder = properties.profilesDir().toAbsolutePath();
        this.compiler = new ProfileCompiler(lookups);
        for (Resource bundled : new PathMatchingResourcePatternResolver().getResources("classpath:profiles/*.yaml")) {
            String name = nameOf(bundled.getFilename());
            try (InputStream in = bundled.getInputStream()) {
                profiles.put(name, load(name, "bundled " + bundled.getFilename(), in));
            }
        }
        reload();
    }

    /** The profile the merchant record names. */
    public MappingProfile forMerchant(Merchant merchant) {
        MappingProfile profile = profiles.get(merchant.mappingProfile());
        if (profile == null) {
            throw new FileFault(422, "PROFILE_UNAVAILABLE", "mapping profile '" + merchant.mappingProfile()
                    + "' of merchant " + merchant.id() + " does not exist or has never loaded without errors");
        }
        return profile;
    }

    /** Loads new or changed files of the profiles folder; a broken one is reported and not used. */
    public synchronized void reload() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                long version = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
                if (Long.valueOf(version).equals(loadedVersions.get(file))) {
                    continue;
                }
                loadedVersions.put(file, version);
                String name = nameOf(file.getFileName().toString());
                try (InputStream in = Files.newInputStream(file)) {
                    profiles.put(name, load(name, file.toString(), in));
                    LOG.info("Loaded mapping profile {} from {}", name, file);
                } catch (ProfileCompiler.InvalidProfile | JacksonException e) {
                    LOG.error("Mapping profile file {} is broken; {} keeps its last good version: {}", file, name,
                            e.getMessage());
                }
            }
        }
    }

    private MappingProfile load(String name, String origin, InputStream in) {
        ProfileDocument doc = YAML.readValue(in, ProfileDocument.class);
        return compiler.compile(name, origin, doc, properties.fileLimits());
    }

    private static String nameOf(String fileName) {
        return fileName.substring(0, fileName.length() - ".yaml".length());
    }
}
