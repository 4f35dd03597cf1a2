package dev.customsgateway.intake.format;

import static dev.customsgateway.intake.format.Formats.limits;
import static dev.customsgateway.intake.format.Formats.readAll;
import static dev.customsgateway.intake.format.Formats.resource;
import static dev.customsgateway.intake.format.Formats.withLimits;
import static dev.customsgateway.intake.format.Formats.xml;
import static dev.customsgateway.intake.format.JsonRecordReaderTest.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.FileFault;
import dev.customsgateway.core.SourceRecord;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XmlRecordReaderTest {

    private static final String ORDERS = "/export/orders/order";

    @Test
    void readsMerchantXmlWithAttributesAndLineItems() {
        List<SourceRecord> orders = readAll(resource("merchant-orders.xml"), xml(ORDERS, "items/item"));

        assertThat(orders).hasSize(2);
        SourceRecord first = orders.get(0);
        assertThat(first.row()).isEqualTo(5);
        assertThat(first.location()).isEqualTo("record 1 (line 5)");
        assertThat(first.values())
                .containsEntry("@id", "SO-1001")
                .containsEntry("@currency", "CNY")
                .containsEntry("date", "2026-03-14")
                .containsEntry("buyer/@type", "person")
                .containsEntry("buyer/name", "张伟")
                .containsEntry("consignee/address", "人民路 88 号 & 3 楼")
                .doesNotContainKeys("buyer", "items", "items/item/name");
        assertThat(first.children()).extracting(c -> c.value("@sku") + " " + c.value("name") + " "
                + c.value("qty") + c.value("qty/@unit") + " @" + c.value("price"))
                .containsExactly("SCARF-01 Merino wool scarf 2pcs @99.50", "BOX-01 Gift box & card 1pcs @59");
        assertThat(first.children().get(1).location()).isEqualTo("record 1 (line 5), items/item 2 (line 14)");
        assertThat(orders.get(1).values()).containsEntry("note", "").containsEntry("buyer/@type", "company");
        assertThat(orders.get(1).row()).isEqualTo(17);
    }

    @Test
    void withoutRecordPathEachChildOfTheDocumentElementIsARecord() {
        List<SourceRecord> orders = readAll("<orders><o n=\"1\"/><o n=\"2\"><x>y</x></o></orders>", xml(null, null));
        assertThat(orders).extracting(o -> o.value("@n")).containsExactly("1", "2");
    }

    @Test
    void onlyElementsAtTheRecordPathAreRecords() {
        String doc = "<a><b><order id=\"1\"/></b><c><order id=\"2\"/></c><b><order id=\"3\"/></b></a>";
        assertThat(readAll(doc, xml("/a/b/order", null))).extracting(o -> o.value("@id")).containsExactly("1", "3");
        assertThatThrownBy(() -> readAll(doc, xml("/a/b/order[1]", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("element names only");
    }

    @Test
    void rejectsDoctypeInMerchantXml() {
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE export>\n<export><orders><order id=\"1\"/></orders></export>";
        assertFault(() -> readAll(doc, xml(ORDERS, null)), "XML_DOCTYPE", "line 2");
    }

    @Test
    void rejectsExternalEntity() {
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE export [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<export><orders><order><note>&xxe;</note></order></orders></export>";
        assertFault(() -> readAll(doc, xml(ORDERS, null)), "XML_DOCTYPE", "not accepted");
        String undeclared = "<export><orders><order><note>&xxe;</note></order></orders></export>";
        assertThatThrownBy(() -> readAll(undeclared, xml(ORDERS, null))).isInstanceOfSatisfying(FileFault.class,
                f -> assertThat(f.code()).isIn("XML_ENTITY", "XML_MALFORMED"));
    }

    @Test
    void rejectsBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String doc = dtd.append("]><export><orders><order><note>&lol10;</note></order></orders></export>").toString();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertFault(() -> readAll(doc, xml(ORDERS, null)), "XML_DOCTYPE", "line 1"));
    }

    @Test
    void rejectsMalformedXmlNamingTheLine() {
        String doc = "<export>\n<orders>\n<order id=\"1\"></order>\n<order id=\"2\"><a></b></order>\n</orders></export>";
        assertFault(() -> readAll(doc, xml(ORDERS, null)), "XML_MALFORMED", "line 4");
        assertFault(() -> readAll("<export><orders>", xml(ORDERS, null)), "XML_MALFORMED", "not well-formed");
        assertFault(() -> readAll("", xml(ORDERS, null)), "XML_MALFORMED", "not well-formed");
    }

    @Test
    void rejectsDeeplyNestedXml() {
        String deep = "<export><orders><order>" + "<x>".repeat(100) + "</x>".repeat(100) + "</order></orders></export>";
        assertFault(() -> readAll(deep, xml(ORDERS, null)), "XML_TOO_DEEP", "record 1 (line 1)");
        String deepOutside = "<a>".repeat(100) + "</a>".repeat(100);
        assertFault(() -> readAll(deepOutside, xml(ORDERS, null)), "XML_TOO_DEEP", "64 levels");
    }

    @Test
    void rejectsTooManyRecords() {
        var settings = withLimits(xml(null, null), limits(2, 1000, 100, 10, 0));
        assertThat(readAll("<a><o/><o/></a>", settings)).hasSize(2);
        assertFault(() -> readAll("<a><o/><o/><o/></a>", settings), "TOO_MANY_RECORDS", "more than 2");
    }

    @Test
    void rejectsOverlongFieldAndRecord() {
        var settings = withLimits(xml(null, null), limits(10, 1000, 10, 10, 0));
        assertThat(readAll("<a><o><f>0123456789</f></o></a>", settings)).hasSize(1);
        assertFault(() -> readAll("<a><o><g><f>0123456789x</f></g></o></a>", settings), "FIELD_TOO_LONG", "g/f");
        assertFault(() -> readAll("<a><o f=\"0123456789x\"/></a>", settings), "FIELD_TOO_LONG", "@f");
        String huge = "<a><o><f>" + "x".repeat(5_000_000) + "</f></o></a>";
        assertFault(() -> readAll(huge, settings), "FIELD_TOO_LONG", "record 1");
        String wide = "<a><o>" + "<f>x</f>".repeat(1000) + "</o></a>";
        assertFault(() -> readAll(wide, settings), "RECORD_TOO_LONG", "record 1");
    }

    @Test
    void rejectsBinaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertThatThrownBy(() -> readAll(garbage, xml(ORDERS, null))).isInstanceOf(FileFault.class);
        byte[] withNul = "<a><o>\0</o></a>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertFault(() -> readAll(withNul, xml(null, null)), "FILE_NOT_TEXT", "line 1");
    }
}
