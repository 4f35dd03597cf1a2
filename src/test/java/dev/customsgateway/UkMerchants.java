package dev.customsgateway;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates merchants declaring UK low-value imports to HMRC, as an administrator would (README, UK section). */
public final class UkMerchants {

    /** The declarant EORI of HMRC's sample TT_IM068a. */
    public static final String DECLARANT_EORI = "XI603202734852";
    /** The importer EORI of HMRC's sample TT_IM068a. */
    public static final String IMPORTER_EORI = "XI553202734852";

    private UkMerchants() {
    }

    /** A platform declaring to HMRC through the {@code uk-csv} profile, as an agent in direct representation. */
    public static String create(JdbcClient jdbc, String id, String declarantEori) {
        String key = TestMerchants.create(jdbc, id, "uk-csv", "PLATFORM", "IMPORT", "demo-rsa", "CN_RSA_SHA1",
                "202205");
        jdbc.sql("update merchant set customs_authority = 'HMRC' where id = ?").param(id).update();
        jdbc.sql("""
                insert into merchant_uk_declarant (merchant_id, eori, importer_eori, representation,
                    goods_location_name, exporter_name, exporter_line, exporter_city, exporter_postcode,
                    exporter_country)
                values (?, ?, ?, '2', 'BELBFSBEL', 'Example Trading Co. Ltd', '1 Example Road', 'Shenzhen',
                    '518000', 'CN')""")
                .params(id, declarantEori, IMPORTER_EORI).update();
        return key;
    }
}
