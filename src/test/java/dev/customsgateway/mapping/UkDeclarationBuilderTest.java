package dev.customsgateway.mapping;

import static dev.customsgateway.UkOrders.line;
import static dev.customsgateway.UkOrders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.UkMerchants;
import dev.customsgateway.UkOrders;
import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OfficialSchemas;
import dev.customsgateway.core.OrderLine;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The declaration builder over the shapes an e-commerce order takes; every document it produces validates
 * against HMRC's MetaData and Declaration schemas as the gateway compiles them.
 */
class UkDeclarationBuilderTest {

    private static final String DEC = UkDeclarationBuilder.DECLARATION_NS;
    private static final OfficialSchemas SCHEMAS = schemas();

    @Test
    void aSingleItemParcelCarriesTheSrdsProcedureCodesAndItsGrossMass() throws Exception {
        CanonicalOrder o = withGrossWeight(order(List.of(line(2, 1, "61031010", "1", "89.9", "89.9", "CN"))), "0.8");
        Document d = valid(UkDeclarationBuilder.build(o, UkOrders.merchant()));
        assertThat(texts(d, "CurrentCode")).containsExactly("40", "1H7", "C07");
        assertThat(texts(d, "PreviousCode")).containsExactly("00");
        assertThat(texts(d, "TypeCode")).startsWith("IMD");
        assertThat(texts(d, "FunctionCode")).containsExactly("9", "2");
        assertThat(texts(d, "GrossMassMeasure")).containsExactly("0.8");
        assertThat(texts(d, "CustomsValueAmount")).containsExactly("89.90");
        assertThat(texts(d, "FreightChargeAmount")).containsExactly("4.50");
    }

    @Test
    void manyItemsInAnotherCurrencyWithoutAgentOrGrossMass() throws Exception {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 1; i <= 999; i++) {
            lines.add(line(i + 1, i, i % 2 == 0 ? "970200" : "85109000", "1", "0.1", "0.1", "US"));
        }
        CanonicalOrder o = withGrossWeight(order("UK-999", "USD", null, null, lines), "12");
        Merchant selfDeclaring = UkOrders.merchant(UkMerchants.DECLARANT_EORI, null, null);
        Document d = valid(UkDeclarationBuilder.build(o, selfDeclaring));
        assertThat(d.getElementsByTagNameNS(DEC, "GovernmentAgencyGoodsItem").getLength()).isEqualTo(999);
        assertThat(texts(d, "GoodsItemQuantity")).containsExactly("999");
        assertThat(d.getElementsByTagNameNS(DEC, "Agent").getLength()).as("declares for itself").isZero();
        assertThat(d.getElementsByTagNameNS(DEC, "GrossMassMeasure").getLength())
                .as("a parcel's weight is not split between items").isZero();
        assertThat(d.getElementsByTagNameNS(DEC, "CustomsValuation").getLength()).as("no transport cost").isZero();
        assertThat(((Element) d.getElementsByTagNameNS(DEC, "CustomsValueAmount").item(0)).getAttribute("currencyID"))
                .isEqualTo("USD");
        assertThat(importer(d)).as("no importer EORI anywhere: the declarant").isEqualTo(UkMerchants.DECLARANT_EORI);
    }

    @Test
    void theConsigneesEoriMakesThemTheImporterAndAnAddresslessConsigneeStaysValid() throws Exception {
        CanonicalOrder o = order("UK-2", "EUR", "0", "GB553202734852", List.of(line(2, 1, "61031010", "1", "5", "5",
                "DE")));
        CanonicalOrder addressless = new CanonicalOrder(o.sourceRow(), o.orderNo(), null, o.buyer(),
                new CanonicalOrder.Consignee("Lagan Prints Ltd", null, null, null, null, null, null, "GB553202734852"),
                o.payment(), o.freight(), o.discount(), o.taxTotal(), null, o.currency(), null, o.lines(), o.sources(),
                null, null);
        Document d = valid(UkDeclarationBuilder.build(addressless, UkOrders.merchant()));
        assertThat(importer(d)).isEqualTo("GB553202734852");
    }

    @Test
    void aMerchantWithoutUkDetailsCannotBeMapped() {
        Merchant m = UkOrders.merchant();
        Merchant none = new Merchant(m.id(), m.displayName(), m.role(), m.direction(), m.customs(),
                m.signingKeyAlias(), m.signatureProfile(), m.mappingProfile(), m.schemaVersions(), m.authority(), null);
        assertThatThrownBy(() -> UkDeclarationBuilder.build(order(List.of(line(2, 1, "61031010", "1", "5", "5",
                "CN"))), none)).hasMessageContaining("merchant_uk_declarant");
    }

    private static Document valid(Document document) throws Exception {
        SCHEMAS.get(OfficialSchemas.WCO_DECLARATION).newValidator().validate(new DOMSource(document));
        return document;
    }

    private static List<String> texts(Document d, String localName) {
        var nodes = d.getElementsByTagNameNS(DEC, localName);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values.stream().distinct().toList();
    }

    private static String importer(Document d) {
        Element importer = (Element) d.getElementsByTagNameNS(DEC, "Importer").item(0);
        return importer.getElementsByTagNameNS(DEC, "ID").item(0).getTextContent();
    }

    private static CanonicalOrder withGrossWeight(CanonicalOrder o, String kg) {
        return new CanonicalOrder(o.sourceRow(), o.orderNo(), o.orderTime(), o.buyer(), o.consignee(), o.payment(),
                o.freight(), o.discount(), o.taxTotal(), o.actualPaid(), o.currency(), o.note(), o.lines(),
                o.sources(), o.declaration(), new CanonicalOrder.Logistics(null, null, null, null, null,
                        new java.math.BigDecimal(kg), null, null, null));
    }

    private static OfficialSchemas schemas() {
        try {
            return new OfficialSchemas();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
