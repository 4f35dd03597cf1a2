package dev.customsgateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.CanonicalField;
import dev.customsgateway.core.CanonicalOrder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The canonical order JSON of {@code POST /api/v1/orders}: what is read, and how a bad body is refused. */
class ApiOrderReaderTest {

    private static final String ORDER = ApiExamples.ORDER;

    private final ApiOrderReader reader = new ApiOrderReader(new HttpApiProperties(Duration.ofHours(24),
            Duration.ofMinutes(15), DataSize.ofMegabytes(1), 2, 300, 600, "seda:x", Path.of("o"), Path.of("m")));

    @Test
    void readsTheDocumentedExampleIntoTheCanonicalOrder() {
        List<ApiOrder> orders = reader.read(ORDER.getBytes(StandardCharsets.UTF_8));

        CanonicalOrder order = orders.get(0).toCanonical(1);
        assertThat(order.orderNo()).isEqualTo("ORD-20240501-0001");
        assertThat(order.buyer().idType()).isEqualTo("1");
        assertThat(order.currency()).isEqualTo("142");
        assertThat(order.freight()).isEqualByComparingTo("10.00");
        assertThat(order.discount()).isEqualByComparingTo("0");
        assertThat(order.actualPaid()).as("computed by the mapping when missing").isNull();
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.gnum()).isEqualTo(1);
            assertThat(line.totalPrice()).as("qty x price").isEqualByComparingTo(new BigDecimal("99.50"));
            assertThat(line.unit()).isEqualTo("122");
        });
        assertThat(order.sourceOf(CanonicalField.BUYER_ID_NUMBER)).isEqualTo("buyer.idNumber");
        assertThat(order.sourceOf(CanonicalField.QTY)).isEqualTo("lines[].qty");
    }

    @Test
    void anArrayGivesOneOrderPerElement() {
        assertThat(reader.read(("[" + ORDER + "," + ORDER + "]").getBytes(StandardCharsets.UTF_8))).hasSize(2);
    }

    @Test
    void rejectsUnknownFieldNamingWhereItIs() {
        String typo = "[" + ORDER + "," + ORDER.replace("\"qty\"", "\"quantity\"") + "]";
        assertThatThrownBy(() -> reader.read(typo.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiRefusal.class, e -> {
                    assertThat(e.code()).isEqualTo("ORDER_JSON_INVALID");
                    assertThat(e.getMessage()).contains("[1]").contains("lines").contains("quantity");
                });
    }

    @Test
    void rejectsDuplicateFields() {
        String twice = ORDER.replace("\"orderNo\": \"ORD-20240501-0001\",",
                "\"orderNo\": \"A\", \"orderNo\": \"B\",");
        assertThatThrownBy(() -> reader.read(twice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiRefusal.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void rejectsMoreOrdersThanTheLimit() {
        String three = "[" + ORDER + "," + ORDER + "," + ORDER + "]";
        assertThatThrownBy(() -> reader.read(three.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiRefusal.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.code()).isEqualTo("TOO_MANY_ORDERS");
                });
    }

    @Test
    void rejectsAnythingButAnObjectOrAnArrayOfObjects() {
        for (String body : List.of("42", "\"x\"", "[]", "[1]", "null", "{\"orderNo\": \"A\"} trailing")) {
            assertThatThrownBy(() -> reader.read(body.getBytes(StandardCharsets.UTF_8))).as(body)
                    .isInstanceOfSatisfying(ApiRefusal.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
