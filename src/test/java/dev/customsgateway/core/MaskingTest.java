package dev.customsgateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void keepsOnlyFirstAndLastCharacter() {
        assertThat(Masking.mask("110101199003071233")).isEqualTo("1***3");
        assertThat(Masking.mask("13800000001")).isEqualTo("1***1");
        assertThat(Masking.mask("北京市东城区东华门街道 1 号")).isEqualTo("北***号");
    }

    @Test
    void identifiersKeepOnlyTheirLastFourCharacters() {
        assertThat(Masking.maskIdentifier("110101199003071233")).isEqualTo("**************1233");
        assertThat(Masking.maskIdentifier("13800000001")).isEqualTo("*******0001");
        assertThat(Masking.maskIdentifier("1234")).isEqualTo("****");
    }

    @Test
    void hidesShortValuesEntirely() {
        assertThat(Masking.mask("张三")).isEqualTo("***");
        assertThat(Masking.mask("李")).isEqualTo("***");
        assertThat(Masking.mask(null)).isNull();
    }

    @Test
    void personalRecordsNeverPrintWhole() {
        CanonicalOrder.Buyer buyer = new CanonicalOrder.Buyer("buyer001", "张三丰收", "1", "110101199003071233",
                "13800000001");
        CanonicalOrder.Consignee consignee = new CanonicalOrder.Consignee("张三丰收", "13800000001",
                "北京市东城区东华门街道 1 号", "110101");
        String shown = buyer + " " + consignee + " " + RowError.of(CanonicalField.BUYER_NAME, 2, "buyer_name", "张三丰收", "R", "m")
                + RowError.of(CanonicalField.BUYER_ID_NUMBER, 2, "id", "110101199003071233", "R", "m");
        for (String secret : List.of("110101199003071233", "13800000001", "张三丰收", "东华门街道")) {
            assertThat(shown).doesNotContain(secret);
        }
    }
}
