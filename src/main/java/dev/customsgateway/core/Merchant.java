package dev.customsgateway.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A merchant as the {@code merchant} table holds it: who declares, under which customs codes, signed with which
 * key, mapped with which profile, and which schema version applies from which day.
 */
public record Merchant(
        String id,
        String displayName,
        MerchantRole role,
        MessageFamily.Direction direction,
        CustomsIdentity customs,
        String signingKeyAlias,
        String signatureProfile,
        String mappingProfile,
        List<SchemaVersionPeriod> schemaVersions) {

    public Merchant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customs, "customs");
        schemaVersions = List.copyOf(schemaVersions);
    }

    /** The same merchant with its schema versions (read after the merchant row). */
    public Merchant withSchemaVersions(List<SchemaVersionPeriod> periods) {
        return new Merchant(id, displayName, role, direction, customs, signingKeyAlias, signatureProfile,
                mappingProfile, periods);
    }

    /** The message this merchant declares for each order. */
    public MessageFamily family() {
        return MessageFamily.declaredBy(role, direction);
    }

    /** The schema version in force on the given day: the period with the latest start not after it. */
    public String schemaVersionOn(LocalDate day) {
        return schemaVersions.stream()
                .filter(p -> !p.effectiveFrom().isAfter(day))
                .max((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom()))
                .map(SchemaVersionPeriod::version)
                .orElseThrow(() -> new IllegalStateException(
                        "merchant " + id + " has no schema version in force on " + day));
    }

    /** The codes customs knows the merchant by (BaseTransfer and the platform/enterprise codes). */
    public record CustomsIdentity(
            String copCode, String copName, String dxpId,
            String ebpCode, String ebpName, String ebcCode, String ebcName) {
    }

    /** A schema version and the day it takes effect for this merchant. */
    public record SchemaVersionPeriod(String version, LocalDate effectiveFrom) {
    }
}
