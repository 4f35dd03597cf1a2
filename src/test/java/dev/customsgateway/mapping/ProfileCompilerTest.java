package dev.customsgateway.mapping;

import static dev.customsgateway.mapping.ProfileFixtures.compile;
import static dev.customsgateway.mapping.ProfileFixtures.csvProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.CanonicalField;
import org.junit.jupiter.api.Test;

class ProfileCompilerTest {

    @Test
    void compilesAValidProfileAndDerivesTheRequiredHeader() {
        MappingProfile profile = compile(csvProfile("", ""));
        assertThat(profile.orderKeyField()).isEqualTo("no");
        assertThat(profile.source().requiredFields())
                .as("read from the file, required, no default").containsExactlyInAnyOrder("no", "name", "phone",
                        "item", "qty", "price", "origin");
        assertThat(profile.rule(CanonicalField.UNIT).defaultValue()).isEqualTo("011");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String broken = """
                source: { format: PDF }
                order:
                  orderNumber: no
                  buyerName: { transform: [shout] , from: n }
                line:
                  unit: { from: u, lookup: nowhere }
                """;
        assertThatThrownBy(() -> compile(broken)).isInstanceOf(ProfileCompiler.InvalidProfile.class)
                .hasMessageContaining("'source.format' must be one of")
                .hasMessageContaining("'order.orderNumber' is not a canonical order field")
                .hasMessageContaining("unknown transform 'shout'")
                .hasMessageContaining("lookup table 'nowhere'")
                .hasMessageContaining("'order.orderNo' is required")
                .hasMessageContaining("'line.qty' is required");
    }

    @Test
    void lineFieldsBelongUnderLine() {
        assertThatThrownBy(() -> compile(csvProfile("  qty: q\n", "")))
                .hasMessageContaining("'order.qty' is not a canonical order field");
    }

    @Test
    void xmlNeedsARecordPath() {
        assertThatThrownBy(() -> compile(csvProfile("", "").replace("format: CSV", "format: XML")))
                .hasMessageContaining("'source.record-path' is required for XML");
    }
}
