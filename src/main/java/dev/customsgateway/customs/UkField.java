package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalField;

/**
 * The fields of a UK low-value declaration the rules check: the canonical field it comes from, the WCO element
 * and data element number (as HMRC's annotated samples name them), and the length limits of the HMRC DMS
 * schema ({@code WCO_DEC_DS_2_DMS.xsd}).
 */
enum UkField {
    LRN(CanonicalField.ORDER_NO, "FunctionalReferenceID", "DE 2/5 LRN", 1, 35),
    DESCRIPTION(CanonicalField.ITEM_NAME, "Commodity/Description", "DE 6/8 description of goods", 1, 512),
    COMMODITY_CODE(CanonicalField.HS_CODE, "Classification/ID", "DE 6/14 commodity code", 1, 18),
    CUSTOMS_VALUE(CanonicalField.TOTAL_PRICE, "CustomsValueAmount", "DE 4/18 value", 0, 0),
    FREIGHT(CanonicalField.FREIGHT, "FreightChargeAmount", "DE 4/19 transport costs", 0, 0),
    CURRENCY(CanonicalField.CURRENCY, "currencyID", "ISO 4217 currency", 3, 3),
    ORIGIN(CanonicalField.COUNTRY, "Origin/CountryCode", "DE 5/15 country of origin", 2, 2),
    CONSIGNEE(CanonicalField.CONSIGNEE, "Consignee/Name", "DE 3/9 consignee", 1, 70),
    CONSIGNEE_LINE(CanonicalField.CONSIGNEE_ADDRESS, "Consignee/Address/Line", "DE 3/9 street and number", 0, 70),
    CONSIGNEE_CITY(CanonicalField.CONSIGNEE_CITY, "Consignee/Address/CityName", "DE 3/9 city", 0, 35),
    CONSIGNEE_POSTCODE(CanonicalField.CONSIGNEE_POSTCODE, "Consignee/Address/PostcodeID", "DE 3/9 postcode", 0, 9),
    CONSIGNEE_COUNTRY(CanonicalField.CONSIGNEE_COUNTRY, "Consignee/Address/CountryCode", "DE 3/9 country", 0, 2),
    CONSIGNEE_EORI(CanonicalField.CONSIGNEE_EORI, "Importer/ID", "DE 3/16 importer EORI", 0, 17),
    DECLARATION_TYPE(CanonicalField.DECLARATION_TYPE, "FunctionCode", "declaration function", 1, 1);

    final CanonicalField canonical;
    final String element;
    final String dataElement;
    final int minLength;
    final int maxLength;

    UkField(CanonicalField canonical, String element, String dataElement, int minLength, int maxLength) {
        this.canonical = canonical;
        this.element = element;
        this.dataElement = dataElement;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** How error messages name the field: the WCO element with its data element. */
    String label() {
        return element + " (" + dataElement + ")";
    }
}
