package dev.customsgateway.mapping;

import static dev.customsgateway.mapping.ProfileFixtures.compile;
import static dev.customsgateway.mapping.ProfileFixtures.csvProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.TestOrders;
import dev.customsgateway.core.RowError;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SubmittedOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderStreamTest {

    private static final String[] COLUMNS = {"no", "name", "phone", "item", "unit", "qty", "price", "origin"};

    @Test
    void groupsContiguousRowsAppliesDefaultsLookupsAndComputesTotals() {
        List<SubmittedOrder> orders = assemble(compile(csvProfile("", "")),
                row(2, "A", "张三", "13800000001", "奶粉", "", "2", "1.5", "NL"),
                row(3, "A", "", "", "糖", "142", "1", "3", "us"),
                row(4, "B", "李四", "13900000002", "霜", "", "1", "1", "JP"));

        assertThat(orders).hasSize(2);
        SubmittedOrder a = orders.get(0);
        assertThat(a.readErrors()).isEmpty();
        assertThat(a.order().lines()).hasSize(2);
        assertThat(a.order().lines().get(0).unit()).as("default").isEqualTo("011");
        assertThat(a.order().lines().get(0).country()).as("ISO NL -> customs 309").isEqualTo("309");
        assertThat(a.order().lines().get(1).country()).as("case-insensitive").isEqualTo("502");
        assertThat(a.order().lines().get(0).totalPrice()).isEqualByComparingTo("3");
        assertThat(a.order().goodsValue()).isEqualByComparingTo("6");
        assertThat(a.order().currency()).isEqualTo("142");
        assertThat(orders.get(1).order().lines().get(0).country()).isEqualTo("116");
    }

    @Test
    void aLaterRepeatOfAnOrderNamesBothRows() {
        List<SubmittedOrder> orders = assemble(compile(csvProfile("", "")),
                row(2, "A", "n", "1", "x", "", "1", "1", "US"),
                row(3, "B", "n", "1", "x", "", "1", "1", "US"),
                row(4, "A", "n", "1", "x", "", "1", "1", "US"));
        assertThat(orders.get(2).readErrors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("ORDER_ROWS_NOT_CONTIGUOUS");
            assertThat(e.message()).contains("row 2").contains("row 4");
        });
    }

    @Test
    void conflictingOrderValuesAreMaskedErrorsNamingTheMerchantsColumn() {
        List<SubmittedOrder> orders = assemble(compile(csvProfile("", "")),
                row(2, "A", "张三丰收", "13800000001", "x", "", "1", "1", "US"),
                row(3, "A", "李四光明", "13900000002", "y", "", "1", "1", "US"));
        assertThat(orders.get(0).readErrors()).extracting(e -> e.row() + ":" + e.column() + ":" + e.value())
                .containsExactlyInAnyOrder("3:name:李***明", "3:phone:*******0002");
    }

    @Test
    void unknownLookupValuesAndBadNumbersAreRowErrors() {
        List<SubmittedOrder> orders = assemble(compile(csvProfile("", "")),
                row(2, "A", "n", "1", "x", "", "one", "1", "XX"));
        assertThat(orders.get(0).readErrors()).extracting(RowError::rule)
                .containsExactlyInAnyOrder("NUMBER_INVALID", "LOOKUP_MISS");
    }

    @Test
    void transformsConvertDecimalCommaGramsAndDates() {
        MappingProfile profile = compile(csvProfile("  orderTime: { from: time, transform: ['date:dd.MM.yyyy HH:mm|Europe/Berlin'] }\n"
                + "  freight: { from: ship, transform: [decimal-comma] }\n", "")
                .replace("qty: qty", "qty: { from: qty, transform: [grams-to-kg] }"));
        Map<String, String> values = new LinkedHashMap<>(row(2, "A", "n", "1", "x", "", "1500", "1", "US").values());
        values.put("time", "24.12.2026 18:30");
        values.put("ship", "1.234,50");
        SubmittedOrder order = assemble(profile, SourceRecord.flat(2, "line 2", values)).get(0);
        assertThat(order.readErrors()).isEmpty();
        assertThat(order.order().orderTime()).as("Berlin 18:30 is Shanghai 01:30 next day").isEqualTo("20261225013000");
        assertThat(order.order().freight()).isEqualByComparingTo("1234.50");
        assertThat(order.order().lines().get(0).quantity()).isEqualByComparingTo("1.5");
    }

    @Test
    void nestedRecordsGiveOneOrderWithItsChildrenAsLines() {
        MappingProfile profile = compile(csvProfile("", "").replace("format: CSV", "format: JSON"));
        SourceRecord child1 = SourceRecord.flat(2, "record 1", Map.of("item", "x", "qty", "1", "price", "2",
                "origin", "US"));
        SourceRecord child2 = SourceRecord.flat(2, "record 1", Map.of("item", "y", "qty", "3", "price", "1",
                "origin", "DE"));
        SourceRecord order = new SourceRecord(1, "record 1", Map.of("no", "A", "name", "n", "phone", "1"),
                List.of(child1, child2), Map.of());
        List<SubmittedOrder> orders = assemble(profile, order);
        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.readErrors()).isEmpty();
            assertThat(o.order().lines()).extracting(l -> l.country()).containsExactly("502", "304");
        });
    }

    private static List<SubmittedOrder> assemble(MappingProfile profile, SourceRecord... records) {
        List<SubmittedOrder> orders = new ArrayList<>();
        new OrderStream(List.of(records).iterator(), profile, ProfileFixtures.LOOKUPS, TestOrders.merchant(), "s").forEachRemaining(orders::add);
        return orders;
    }

    private static SourceRecord row(int row, String... values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            map.put(COLUMNS[i], values[i]);
        }
        return SourceRecord.flat(row, "line " + row, map);
    }
}
