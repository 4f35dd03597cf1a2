package dev.customsgateway.intake;

import dev.customsgateway.core.MerchantRole;
import dev.customsgateway.core.MessageFamily;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Merchants to create on start-up when the {@code merchant} table lacks them. The table is the source of truth:
 * a seed never overwrites a merchant that exists.
 *
 * @param seed merchants to create if absent
 */
@ConfigurationProperties("gateway.merchants")
record MerchantSeedProperties(List<Seed> seed) {

    MerchantSeedProperties {
        seed = seed == null ? List.of() : List.copyOf(seed);
    }

    /**
     * One merchant to seed.
     *
     * @param apiKeyFile when set and the merchant has no API key, one is generated, written here (owner-only)
     *                   and shown once in the log
     */
    record Seed(
            String id, String displayName, MerchantRole role, MessageFamily.Direction direction,
            String copCode, String copName, String dxpId,
            String ebpCode, String ebpName, String ebcCode, String ebcName,
            String signingKeyAlias, String signatureProfile, String mappingProfile,
            String schemaVersion, LocalDate schemaEffectiveFrom, Path apiKeyFile) {

        Seed {
            direction = direction == null ? MessageFamily.Direction.IMPORT : direction;
        }
    }
}
