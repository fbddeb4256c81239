package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void moneyHasTwoPlacesAndNeverScientificNotation() {
    assertThat(CsvCells.format(new BigDecimal("1E+7"), ColumnSpec.Kind.MONEY))
        .isEqualTo("10000000.00");
    assertThat(CsvCells.format(new BigDecimal("0.005"), ColumnSpec.Kind.MONEY)).isEqualTo("0.01");
    assertThat(CsvCells.format(1.0e-7, ColumnSpec.Kind.NUMBER)).isEqualTo("0.000000");
    assertThat(CsvCells.format(123456789.0, ColumnSpec.Kind.RATIO)).isEqualTo("123456789.0000");
    assertThat(CsvCells.format(Double.NaN, ColumnSpec.Kind.NUMBER)).isEmpty();
    assertThat(CsvCells.format(null, ColumnSpec.Kind.MONEY)).isEmpty();
  }

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
    for (String hostile : new String[] {"=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"}) {
      assertThat(CsvCells.format(hostile, ColumnSpec.Kind.TEXT)).isEqualTo("'" + hostile);
    }
    assertThat(CsvCells.format("champions", ColumnSpec.Kind.TEXT)).isEqualTo("champions");
    assertThat("=x".matches(CsvCells.FORMULA_START + ".*")).isTrue();
  }
}
