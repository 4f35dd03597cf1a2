package dev.customsgateway.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A merchant as the {@code merchant} table holds it: who declares, under which customs codes, signed with which
 * key, mapped with which profile, and which schema version applies from which day. A merchant declaring to HMRC
 * ({@code authority} HMRC) also has its UK declarant details ({@code uk}, table {@code merchant_uk_declarant}).
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
        List<SchemaVersionPeriod> schemaVersions,
        MessageFamily.Authority authority,
        UkDeclarant uk) {

    public Merchant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customs, "customs");
        schemaVersions = List.copyOf(schemaVersions);
        authority = authority == null ? MessageFamily.Authority.GACC : authority;
    }

    /** A merchant declaring to China's customs. */
    public Merchant(String id, String displayName, MerchantRole role, MessageFamily.Direction direction,
            CustomsIdentity customs, String signingKeyAlias, String signatureProfile, String mappingProfile,
            List<SchemaVersionPeriod> schemaVersions) {
        this(id, displayName, role, direction, customs, signingKeyAlias, signatureProfile, mappingProfile,
                schemaVersions, MessageFamily.Authority.GACC, null);
    }

    /** The same merchant with its schema versions and UK declarant details (read after the merchant row). */
    public Merchant withDetails(List<SchemaVersionPeriod> periods, UkDeclarant ukDeclarant) {
        return new Merchant(id, displayName, role, direction, customs, signingKeyAlias, signatureProfile,
                mappingProfile, periods, authority, ukDeclarant);
    }

    /** The message this merchant declares for each order. */
    public MessageFamily family() {
        return MessageFamily.declaredBy(role, direction, authority);
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

    /**
     * Who declares to HMRC and how (UK Customs Declaration Service data elements).
     *
     * @param eori                       the declarant's EORI (DE 3/18): GB or XI and 12 digits (15 for some)
     * @param importerEori               the importer's EORI (DE 3/16) when an order does not name one; the
     *                                   declarant's when null
     * @param representation             Agent/FunctionCode (DE 3/21): 2 direct, 3 indirect representation;
     *                                   null when the declarant declares for itself
     * @param additionalDeclarationType  DE 1/2: D (pre-lodged) or A (arrived), as HMRC's SRDS samples use
     * @param borderTransportMode        DE 7/4 mode of transport at the border (5: postal consignment)
     * @param goodsLocation              DE 5/23: the location name (e.g. BELBFSBEL, Belfast airport), its type
     *                                   (A: frontier) and qualifier (U: UN/LOCODE) and country
     * @param exporter                   DE 3/1: the seller abroad (name and address)
     */
    public record UkDeclarant(String eori, String importerEori, String representation,
            String additionalDeclarationType, String borderTransportMode, GoodsLocation goodsLocation,
            Party exporter) {
    }

    /** Where the goods can be examined (DE 5/23). */
    public record GoodsLocation(String name, String typeCode, String qualifier, String countryCode) {
    }

    /** A party's name and address, as the WCO Address class holds it. */
    public record Party(String name, String line, String city, String postcode, String countryCode) {
    }
}
