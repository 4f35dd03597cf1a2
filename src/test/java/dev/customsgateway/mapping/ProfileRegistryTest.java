package dev.customsgateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.TestOrders;
import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.SourceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileRegistryTest {

    @TempDir
    Path folder;

    @Test
    void bundledProfilesLoadAndAFolderProfileOverridesThem() throws Exception {
        ProfileRegistry registry = registry();
        assertThat(registry.forMerchant(merchant("default-csv")).source().format())
                .isEqualTo(SourceSettings.SourceFormat.CSV);

        write("default-csv.yaml", ProfileFixtures.csvProfile("", "").replace("format: CSV",
                "format: CSV, delimiter: \";\""), 1);
        registry.reload();

        assertThat(registry.forMerchant(merchant("default-csv")).source().delimiter()).isEqualTo(';');
    }

    @Test
    void aBrokenReloadKeepsTheLastGoodVersion() throws Exception {
        write("acme.yaml", ProfileFixtures.csvProfile("", ""), 1);
        ProfileRegistry registry = registry();
        assertThat(registry.forMerchant(merchant("acme")).orderKeyField()).isEqualTo("no");

        write("acme.yaml", "source: { format: CSV }\norder: { orderNo: [not, a, rule] }\n", 2);
        registry.reload();

        assertThat(registry.forMerchant(merchant("acme")).orderKeyField()).as("last good").isEqualTo("no");
    }

    @Test
    void aMerchantWithoutAUsableProfileGetsAClearFault() throws Exception {
        write("broken.yaml", "source: { format: CSV }\n", 1);
        ProfileRegistry registry = registry();
        assertThatThrownBy(() -> registry.forMerchant(merchant("broken"))).isInstanceOf(FileFault.class)
                .hasMessageContaining("'broken'");
    }

    private ProfileRegistry registry() throws Exception {
        return new ProfileRegistry(new MappingProperties(folder, SourceSettings.Limits.DEFAULT),
                ProfileFixtures.LOOKUPS);
    }

    private void write(String name, String yaml, int second) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second)));
    }

    private static Merchant merchant(String profile) {
        Merchant m = TestOrders.merchant();
        return new Merchant(m.id(), m.displayName(), m.role(), m.direction(), m.customs(), m.signingKeyAlias(),
                m.signatureProfile(), profile, m.schemaVersions());
    }
}
