package dev.customsgateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.TestOrders;
import dev.customsgateway.core.SubmittedOrder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvOrderReaderTest {

    private static final String HEADER = "order_no,buyer_reg_no,buyer_name,buyer_id_number,buyer_phone,consignee,"
            + "consignee_phone,consignee_address,item_name,item_model,unit,qty,price,country";

    @Test
    void groupsContiguousRowsIntoOrdersAndComputesLineTotals() throws Exception {
        List<SubmittedOrder> orders = read("\uFEFF" + HEADER + "\n"
                + "A,b,n,110101199003071233,1,c,2,\"addr, with comma\",x,m,011,2,1.5,142\n"
                + "A,,,,,,,,y,\"multi\nline\",011,1,3,142\n"
                + "B,b,n,110101199003071233,1,c,2,addr,z,m,011,1,1,142\n", Set.of());

        assertThat(orders).hasSize(2);
        SubmittedOrder a = orders.get(0);
        assertThat(a.readable()).isTrue();
        assertThat(a.order().lines()).hasSize(2);
        assertThat(a.order().lines().get(0).totalPrice()).isEqualByComparingTo("3.0");
        assertThat(a.order().lines().get(1).model()).isEqualTo("multi\nline");
        assertThat(a.order().consignee().address()).isEqualTo("addr, with comma");
        assertThat(orders.get(1).origin().sourceRow()).as("rows are counted as records, header = row 1")
                .isEqualTo(4);
    }

    @Test
    void aRepeatedOrderLaterInTheFileNamesBothRows() throws Exception {
        List<SubmittedOrder> orders = read(HEADER + "\n"
                + "A,b,n,i,1,c,2,a,x,m,011,1,1,142\n"
                + "B,b,n,i,1,c,2,a,x,m,011,1,1,142\n"
                + "A,b,n,i,1,c,2,a,x,m,011,1,1,142\n", Set.of());

        assertThat(orders.get(2).readErrors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("ORDER_ROWS_NOT_CONTIGUOUS");
            assertThat(e.message()).contains("row 2").contains("row 4");
        });
    }

    @Test
    void orderLevelValuesMustAgreeAcrossRowsAndStayMasked() throws Exception {
        List<SubmittedOrder> orders = read(HEADER + "\n"
                + "A,b,张三丰收,i,1,c,2,a,x,m,011,1,1,142\n"
                + "A,b,李四光明,i,1,c,2,a,y,m,011,1,1,142\n", Set.of());

        assertThat(orders.get(0).readErrors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("ORDER_FIELD_CONFLICT");
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.value()).isEqualTo("李***明");
        });
    }

    @Test
    void numbersThatAreNotNumbersAreRowErrors() throws Exception {
        List<SubmittedOrder> orders = read(HEADER + "\nA,b,n,i,1,c,2,a,x,m,011,two,1,142\n", Set.of());
        assertThat(orders.get(0).readErrors()).extracting(e -> e.column() + ":" + e.rule())
                .containsExactly("qty:NUMBER_INVALID");
    }

    @Test
    void skipsOrdersThatAlreadyHaveAnOutcome() throws Exception {
        List<SubmittedOrder> orders = read(HEADER + "\n"
                + "A,b,n,i,1,c,2,a,x,m,011,1,1,142\n"
                + "B,b,n,i,1,c,2,a,x,m,011,1,1,142\n", Set.of(2));
        assertThat(orders).extracting(o -> o.origin().orderNo()).containsExactly("B");
    }

    private static List<SubmittedOrder> read(String csv, Set<Integer> skip) throws Exception {
        List<SubmittedOrder> orders = new ArrayList<>();
        try (CsvOrderReader reader = new CsvOrderReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                TestOrders.merchant(), "sub", skip)) {
            reader.forEachRemaining(orders::add);
        }
        return orders;
    }
}
