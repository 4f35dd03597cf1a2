package dev.customsgateway.intake;

import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.MerchantRole;
import dev.customsgateway.core.MessageFamily;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and creates merchants in the {@code merchant} table. */
@Repository
public class MerchantRepository {

    private static final String SELECT = """
            select id, display_name, role, trade_direction, cop_code, cop_name, dxp_id, ebp_code, ebp_name, ebc_code, ebc_name,
                signing_key_alias, signature_profile, mapping_profile, customs_authority
            from merchant""";

    private final JdbcClient jdbc;

    MerchantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Merchant> findEnabled(String id) {
        // the row first, its details after: a query inside the row mapper would hold one pooled connection
        // while waiting for a second, which starves the pool under concurrent requests
        return jdbc.sql(SELECT + " where id = ? and enabled = true").param(id)
                .query(this::map).optional()
                .map(merchant -> merchant.withDetails(schemaVersions(merchant.id()),
                        merchant.authority() == MessageFamily.Authority.HMRC ? ukDeclarant(merchant.id()) : null));
    }

    boolean exists(String id) {
        return jdbc.sql("select count(*) from merchant where id = ?").param(id).query(Integer.class).single() > 0;
    }

    void create(MerchantSeedProperties.Seed seed, OffsetDateTime now) {
        jdbc.sql("""
                insert into merchant (id, display_name, role, trade_direction, cop_code, cop_name, dxp_id, ebp_code,
                    ebp_name, ebc_code, ebc_name, signing_key_alias, signature_profile, mapping_profile, enabled,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""")
                .params(seed.id(), seed.displayName(), seed.role().name(), seed.direction().name(), seed.copCode(),
                        seed.copName(),
                        seed.dxpId(), seed.ebpCode(), seed.ebpName(), seed.ebcCode(), seed.ebcName(),
                        seed.signingKeyAlias(), seed.signatureProfile(), seed.mappingProfile(), now)
                .update();
        jdbc.sql("insert into merchant_schema_version (merchant_id, schema_version, effective_from) values (?, ?, ?)")
                .params(seed.id(), seed.schemaVersion(), seed.schemaEffectiveFrom())
                .update();
    }

    private Merchant map(ResultSet rs, int row) throws SQLException {
        MessageFamily.Authority authority = MessageFamily.Authority.valueOf(rs.getString("customs_authority"));
        return new Merchant(rs.getString("id"), rs.getString("display_name"), MerchantRole.valueOf(rs.getString("role")),
                MessageFamily.Direction.valueOf(rs.getString("trade_direction")),
                new Merchant.CustomsIdentity(rs.getString("cop_code"), rs.getString("cop_name"),
                        rs.getString("dxp_id"), rs.getString("ebp_code"), rs.getString("ebp_name"),
                        rs.getString("ebc_code"), rs.getString("ebc_name")),
                rs.getString("signing_key_alias"), rs.getString("signature_profile"),
                rs.getString("mapping_profile"), List.of(), authority, null);
    }

    /** The UK declarant details of a merchant declaring to HMRC, if it has them. */
    private Merchant.UkDeclarant ukDeclarant(String merchantId) {
        return jdbc.sql("""
                select eori, importer_eori, representation, additional_declaration_type, border_transport_mode,
                    goods_location_name, goods_location_type, goods_location_qualifier, goods_location_country,
                    exporter_name, exporter_line, exporter_city, exporter_postcode, exporter_country
                from merchant_uk_declarant where merchant_id = ?""")
                .param(merchantId)
                .query((rs, n) -> new Merchant.UkDeclarant(rs.getString("eori"), rs.getString("importer_eori"),
                        rs.getString("representation"), rs.getString("additional_declaration_type"),
                        rs.getString("border_transport_mode"),
                        new Merchant.GoodsLocation(rs.getString("goods_location_name"),
                                rs.getString("goods_location_type"), rs.getString("goods_location_qualifier"),
                                rs.getString("goods_location_country")),
                        new Merchant.Party(rs.getString("exporter_name"), rs.getString("exporter_line"),
                                rs.getString("exporter_city"), rs.getString("exporter_postcode"),
                                rs.getString("exporter_country"))))
                .optional().orElse(null);
    }

    private List<Merchant.SchemaVersionPeriod> schemaVersions(String merchantId) {
        return jdbc.sql("""
                select schema_version, effective_from from merchant_schema_version
                where merchant_id = ? order by effective_from""")
                .param(merchantId)
                .query((rs, n) -> new Merchant.SchemaVersionPeriod(rs.getString(1),
                        rs.getObject(2, LocalDate.class)))
                .list();
    }
}
