package dev.customsgateway.intake.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every merchant format through the running gateway with its bundled sample profile: a WooCommerce-style JSON
 * export, a merchant XML export and a spreadsheet with Chinese headers each become declared orders; a hostile
 * XML file is refused with a clear problem and the gateway goes on.
 */
class MerchantFormatsEndToEndTest extends GatewayIntegrationTest {

    private static final Path ORDERS = Path.of("src/test/resources/fixtures/orders");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aWooCommerceStyleJsonExportIsDeclared() throws Exception {
        JsonNode status = submit("woocommerce-json", Files.readAllBytes(ORDERS.resolve("woocommerce-sample-orders.json")));
        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        assertThat(status.get("messages")).extracting(m -> m.get("orderNo").asString())
                .containsExactly("WC-727", "WC-728");
    }

    @Test
    void aMerchantXmlExportIsDeclared() throws Exception {
        JsonNode status = submit("merchant-xml", Files.readAllBytes(ORDERS.resolve("merchant-sample-orders.xml")));
        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(1);
    }

    @Test
    void aSpreadsheetWithChineseHeadersIsDeclared() throws Exception {
        List<Object> header = List.of("订单编号", "订购人注册号", "订购人姓名", "订购人证件号码", "订购人电话", "收货人姓名",
                "收货人电话", "收货地址", "运杂费", "商品货号", "商品名称", "规格型号", "计量单位", "数量", "单价", "原产国");
        byte[] xlsx = new XlsxFixture().sheet("Orders", List.of(header,
                List.of("XL-1", "u1", "周九", "110101199003071233", "138 0000 0010", "周九", "13800000010",
                        "杭州市西湖区 1 号", "5,00", "TEA-1", "绿茶", "100g/袋", "袋", 2, "50,00", "JP"),
                List.of("XL-1", "", "", "", "", "", "", "", "", "HONEY-1", "蜂蜜", "250g/瓶", "瓶", 1, "88", "NZ")))
                .bytes();
        JsonNode status = submit("generic-xlsx", xlsx);
        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        assertThat(status.at("/orders/succeeded").asInt()).isEqualTo(1);
    }

    @Test
    void theSpreadsheetSampleFileIsDeclared() throws Exception {
        JsonNode status = submit("generic-xlsx", Files.readAllBytes(ORDERS.resolve("generic-sample-orders.xlsx")));
        assertThat(status.get("errors").size()).as(status.toString()).isZero();
        assertThat(status.get("messages")).extracting(m -> m.get("orderNo").asString())
                .containsExactly("XL-2026-0001", "XL-2026-0002");
    }

    @Test
    void rejectsDoctypeInMerchantXmlAndKeepsGoing() throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("xml"), "merchant-xml");
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE export [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<export><orders><order id=\"&x;\"/></orders></export>";
        HttpResponse<String> refused = new GatewayClient(baseUrl()).submit(key,
                hostile.getBytes(StandardCharsets.UTF_8), "evil.xml");
        assertThat(refused.statusCode()).isBetween(400, 422);
        assertThat(GatewayClient.json(refused.body()).get("code").asString()).isEqualTo("XML_DOCTYPE");
        assertThat(refused.body()).doesNotContain("root:");
        assertThat(submit("merchant-xml", Files.readAllBytes(ORDERS.resolve("merchant-sample-orders.xml")))
                .at("/orders/succeeded").asInt()).as("the gateway goes on").isEqualTo(1);
    }

    private JsonNode submit(String profile, byte[] file) throws Exception {
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId(profile), profile);
        return new GatewayClient(baseUrl()).submitAndAwait(key, file, profile + ".file");
    }
}
