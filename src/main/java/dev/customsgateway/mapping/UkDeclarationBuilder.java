package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.SecureXml;
import java.math.BigDecimal;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the HMRC (Northern Ireland) low-value import declaration for one canonical order: a WCO Data Model 3.6
 * {@code Declaration} in HMRC's {@code MetaData} wrapper, "Super Reduced Data Set" (procedure 4000, additional
 * procedure codes 1H7 and C07). HMRC's annotated B2C sample TT_IM068a is the template: the same elements, in the
 * same order, plus the consignee and each item's origin (DE 5/15 as TT_IM080a declares it), which an e-commerce
 * parcel has. Written as DOM in the schema's element order rather than through JAXB: the dataset uses some thirty
 * of the 515 KB schema's elements, and the XSD check after mapping proves the order.
 *
 * <p>Nothing generated goes into the document (no time, no id): the LRN is the merchant's order number, so the
 * same order always gives the same declaration.
 */
final class UkDeclarationBuilder {

    static final String METADATA_NS = "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2";
    static final String DECLARATION_NS = "urn:wco:datamodel:WCO:DEC-DMS:2";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** DE 1/10: 40 release for free circulation and home use, 00 no previous procedure (the only SRDS combination). */
    static final String PROCEDURE = "40";
    static final String PREVIOUS_PROCEDURE = "00";
    /** DE 1/11: 1H7 derives the SRDS dataset; C07 consignments of negligible value. */
    static final String SRDS = "1H7";
    static final String NEGLIGIBLE_VALUE = "C07";
    /** DE 2/2: goods imported from the rest of the world into Northern Ireland. */
    private static final String NI_IMPORT_STATEMENT = "NIIMP";
    /** DE 6/14 qualifier the samples use for the commodity code. */
    private static final String COMMODITY_CODE_TYPE = "TSP";
    /** DE 5/15 origin type 1: non-preferential origin. */
    private static final String NON_PREFERENTIAL = "1";
    /** DE 2/1: Z271 packing list; the merchant's order is the parcel's packing list. */
    private static final String PACKING_LIST_CATEGORY = "Z";
    private static final String PACKING_LIST_TYPE = "271";

    private UkDeclarationBuilder() {
    }

    static Document build(CanonicalOrder order, Merchant merchant) {
        Merchant.UkDeclarant uk = merchant.uk();
        if (uk == null) {
            throw new IllegalStateException("merchant " + merchant.id() + " declares to HMRC but has no UK "
                    + "declarant details (merchant_uk_declarant)");
        }
        Document document = SecureXml.newDocument();
        document.setXmlStandalone(true);
        Element metaData = document.createElementNS(METADATA_NS, "md:MetaData");
        metaData.setAttributeNS(XMLNS, "xmlns:md", METADATA_NS);
        metaData.setAttributeNS(XMLNS, "xmlns", DECLARATION_NS);
        document.appendChild(metaData);
        Xml md = new Xml(document, METADATA_NS, "md:");
        md.text(metaData, "WCODataModelVersionCode", "3.6");
        md.text(metaData, "WCOTypeName", "DEC");
        md.text(metaData, "ResponsibleCountryCode", "GB");
        md.text(metaData, "ResponsibleAgencyName", "HMRC");
        md.text(metaData, "AgencyAssignedCustomizationVersionCode", "v2.1");

        Xml x = new Xml(document, DECLARATION_NS, "");
        Element declaration = x.child(metaData, "Declaration");
        x.text(declaration, "FunctionCode", "9"); // original declaration
        x.text(declaration, "FunctionalReferenceID", order.orderNo()); // DE 2/5 LRN
        x.text(declaration, "TypeCode", "IM" + uk.additionalDeclarationType()); // DE 1/1 + 1/2
        x.text(declaration, "GoodsItemQuantity", Integer.toString(order.lines().size())); // DE 1/9
        if (uk.representation() != null && !uk.representation().isEmpty()) {
            x.text(x.child(declaration, "Agent"), "FunctionCode", uk.representation()); // DE 3/21
        }
        x.text(x.child(declaration, "BorderTransportMeans"), "ModeCode", uk.borderTransportMode()); // DE 7/4
        x.text(x.child(declaration, "Declarant"), "ID", uk.eori()); // DE 3/18
        party(x, declaration, "Exporter", uk.exporter().name() == null ? merchant.displayName()
                : uk.exporter().name(), uk.exporter()); // DE 3/1

        Element shipment = x.child(declaration, "GoodsShipment");
        consignee(x, shipment, order.consignee());
        goodsLocation(x, x.child(shipment, "Consignment"), uk.goodsLocation());
        if (order.freight() != null && order.freight().signum() > 0) {
            x.amount(x.child(shipment, "CustomsValuation"), "FreightChargeAmount", order.freight(),
                    order.currency()); // DE 4/19
        }
        BigDecimal grossMass = order.lines().size() == 1 ? order.logistics().grossWeight() : null;
        for (OrderLine line : order.lines()) {
            item(x, shipment, line, order.currency(), grossMass);
        }
        x.text(x.child(shipment, "Importer"), "ID", importerEori(order, uk)); // DE 3/16
        Element previous = x.child(shipment, "PreviousDocument"); // DE 2/1
        x.text(previous, "CategoryCode", PACKING_LIST_CATEGORY);
        x.text(previous, "ID", order.orderNo());
        x.text(previous, "TypeCode", PACKING_LIST_TYPE);
        return document;
    }

    /** The consignee's EORI makes them the importer; else the merchant's importer, else the declarant. */
    static String importerEori(CanonicalOrder order, Merchant.UkDeclarant uk) {
        if (order.consignee().eori() != null && !order.consignee().eori().isEmpty()) {
            return order.consignee().eori();
        }
        return uk.importerEori() != null && !uk.importerEori().isEmpty() ? uk.importerEori() : uk.eori();
    }

    private static void item(Xml x, Element shipment, OrderLine line, String currency, BigDecimal grossMass) {
        Element item = x.child(shipment, "GovernmentAgencyGoodsItem");
        x.amount(item, "CustomsValueAmount", line.totalPrice(), currency); // DE 4/18
        x.text(item, "SequenceNumeric", Integer.toString(line.gnum())); // DE 1/6
        x.text(x.child(item, "AdditionalInformation"), "StatementCode", NI_IMPORT_STATEMENT); // DE 2/2
        Element commodity = x.child(item, "Commodity");
        x.text(commodity, "Description", line.itemName()); // DE 6/8
        Element classification = x.child(commodity, "Classification"); // DE 6/14
        x.text(classification, "ID", line.customs().hsCode());
        x.text(classification, "IdentificationTypeCode", COMMODITY_CODE_TYPE);
        if (grossMass != null) {
            Element mass = x.text(x.child(commodity, "GoodsMeasure"), "GrossMassMeasure",
                    grossMass.stripTrailingZeros().toPlainString()); // DE 6/5
            mass.setAttribute("unitCode", "KGM");
        }
        Element procedure = x.child(item, "GovernmentProcedure");
        x.text(procedure, "CurrentCode", PROCEDURE);
        x.text(procedure, "PreviousCode", PREVIOUS_PROCEDURE);
        x.text(x.child(item, "GovernmentProcedure"), "CurrentCode", SRDS);
        x.text(x.child(item, "GovernmentProcedure"), "CurrentCode", NEGLIGIBLE_VALUE);
        Element origin = x.child(item, "Origin"); // DE 5/15
        x.text(origin, "CountryCode", line.country());
        x.text(origin, "TypeCode", NON_PREFERENTIAL);
    }

    private static void consignee(Xml x, Element shipment, CanonicalOrder.Consignee c) {
        Element consignee = x.child(shipment, "Consignee"); // DE 3/9
        x.text(consignee, "Name", c.name());
        address(x, consignee, c.address(), c.city(), c.postcode(), c.country());
    }

    private static void party(Xml x, Element parent, String element, String name, Merchant.Party party) {
        Element e = x.child(parent, element);
        x.text(e, "Name", name);
        address(x, e, party.line(), party.city(), party.postcode(), party.countryCode());
    }

    /** WCO Address, its children in the schema's order: CityName, CountryCode, Line, PostcodeID. */
    private static void address(Xml x, Element parent, String line, String city, String postcode, String country) {
        if (empty(line) && empty(city) && empty(postcode) && empty(country)) {
            return;
        }
        Element address = x.child(parent, "Address");
        x.optional(address, "CityName", city);
        x.optional(address, "CountryCode", country);
        x.optional(address, "Line", line);
        x.optional(address, "PostcodeID", postcode);
    }

    private static void goodsLocation(Xml x, Element consignment, Merchant.GoodsLocation location) {
        Element goodsLocation = x.child(consignment, "GoodsLocation"); // DE 5/23
        x.text(goodsLocation, "Name", location.name());
        x.text(goodsLocation, "TypeCode", location.typeCode());
        Element address = x.child(goodsLocation, "Address");
        x.text(address, "TypeCode", location.qualifier());
        x.text(address, "CountryCode", location.countryCode());
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }

    /** Appends elements of one namespace and prefix. */
    private record Xml(Document document, String namespace, String prefix) {

        Element child(Element parent, String name) {
            Element e = document.createElementNS(namespace, prefix + name);
            parent.appendChild(e);
            return e;
        }

        Element text(Element parent, String name, String value) {
            Element e = child(parent, name);
            e.setTextContent(value == null ? "" : value);
            return e;
        }

        void optional(Element parent, String name, String value) {
            if (!empty(value)) {
                text(parent, name, value);
            }
        }

        /** Money with at least two decimals, as the samples write it (103.33, 5.00); more only when given. */
        void amount(Element parent, String name, BigDecimal value, String currency) {
            BigDecimal normal = value.stripTrailingZeros();
            text(parent, name, (normal.scale() < 2 ? normal.setScale(2) : normal).toPlainString())
                    .setAttribute("currencyID", currency);
        }
    }
}
