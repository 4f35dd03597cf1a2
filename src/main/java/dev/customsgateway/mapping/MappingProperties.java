package dev.customsgateway.mapping;

import dev.customsgateway.core.SourceSettings;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mapping settings.
 *
 * @param profilesDir  folder of merchants' mapping profiles ({@code <name>.yaml}); a file here overrides the
 *                     bundled profile of the same name and is reloaded when it changes
 * @param fileLimits   limits every merchant file is read under
 */
@ConfigurationProperties("gateway.mapping")
record MappingProperties(Path profilesDir, SourceSettings.Limits fileLimits) {

    MappingProperties {
        if (profilesDir == null) {
            profilesDir = Path.of("data", "profiles");
        }
        if (fileLimits == null) {
            fileLimits = SourceSettings.Limits.DEFAULT;
        }
    }
}
