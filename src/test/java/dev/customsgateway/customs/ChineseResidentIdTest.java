package dev.customsgateway.customs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseResidentIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"110101199003071233", "310104198511224568", "11010519491231002X", "11010519491231002x"})
    void acceptsValidNumbers(String id) {
        assertThat(ChineseResidentId.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "110101199003071234",   // check character wrong
        "110101199013071237",   // month 13, check character right
        "11010119900307123",    // 17 characters
        "1101011990030712331",  // 19 characters
        "11010119900307A233",   // letter inside
        "110101230003071236",   // born in 2300, check character right
        ""})
    void rejectsInvalidNumbers(String id) {
        assertThat(ChineseResidentId.isValid(id)).isFalse();
    }
}
