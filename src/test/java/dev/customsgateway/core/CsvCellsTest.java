package dev.customsgateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void rejectsFormulaInjectionByTurningFormulasIntoText() {
        for (String formula : new String[] {"=1+2", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1",
                "=HYPERLINK(\"http://evil.example\")"}) {
            assertThat(CsvCells.neutral(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void leavesOrdinaryCellsAlone() {
        assertThat(CsvCells.neutral("SO-2026-0001")).isEqualTo("SO-2026-0001");
        assertThat(CsvCells.neutral("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.neutral("")).isEmpty();
        assertThat(CsvCells.neutral(null)).isNull();
    }
}
