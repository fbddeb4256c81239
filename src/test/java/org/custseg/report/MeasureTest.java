package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.custseg.report.html.ReportLabels;
import org.custseg.report.html.Units;
import org.junit.jupiter.api.Test;

class MeasureTest {

  private static final Units EUR_DEFAULTS = new Units("EUR", 365, 12, 30.4375, 365);

  @Test
  void theEnglishWordsAreTheAgreedOnesWithTheirWindows() {
    assertThat(Measure.TRAILING_VALUE.label(EUR_DEFAULTS))
        .isEqualTo("Net spend, trailing 365 days");
    assertThat(Measure.MONETARY_TOTAL.label(EUR_DEFAULTS)).isEqualTo("Net spend, all time");
    assertThat(Measure.HISTORICAL_VALUE.label(EUR_DEFAULTS)).isEqualTo("Net spend, all time");
    assertThat(Measure.CLV.label(EUR_DEFAULTS)).isEqualTo("CLV, next 12 months (discounted)");
    assertThat(Measure.CURRENT_OPPORTUNITY.label(EUR_DEFAULTS))
        .isEqualTo("Expected spend, next period");
    assertThat(Measure.FUTURE_VALUE.label(EUR_DEFAULTS))
        .isEqualTo("Expected spend after the next period, discounted");
    assertThat(Measure.CUSTOMER_VALUE.label(EUR_DEFAULTS))
        .isEqualTo("Customer value = historical + current opportunity + future value");
    assertThat(Measure.PREDICTED_GROWTH.label(EUR_DEFAULTS))
        .isEqualTo(
            "Predicted growth index: (next-12-month CLV − trailing spend) / (|CLV| + |trailing"
                + " spend|), −1..1; above 0 = next 12 months predicted above the last 365 days");
    assertThat(Measure.GROWTH_RATE.label(EUR_DEFAULTS))
        .isEqualTo("Spend growth: recent vs previous half of the trailing 365 days, −1..1");
  }

  @Test
  void theWindowsComeFromTheRun() {
    Units other = new Units("", 90, 24, 7, 180);

    assertThat(Measure.TRAILING_VALUE.label(other)).isEqualTo("Net spend, trailing 90 days");
    assertThat(Measure.CLV.label(other)).isEqualTo("CLV, next 24 months (discounted)");
  }

  @Test
  void everyMeasureHasWordsInBothLanguages() {
    ReportLabels zh = ReportLabels.forLanguageTag("zh-CN");
    for (Measure m : Measure.values()) {
      assertThat(zh.measure(m.column(), EUR_DEFAULTS))
          .as(m.name())
          .containsPattern("\\p{IsHan}")
          .isNotEqualTo(m.label(EUR_DEFAULTS));
    }
    assertThat(zh.measure("trailing_value", EUR_DEFAULTS)).isEqualTo("净消费额，最近 365 天");
  }

  @Test
  void otherColumnsKeepTheirNameAndTheCurrencyIsNamedOrNotStated() {
    assertThat(Measure.labelOf("recency_days", EUR_DEFAULTS)).isEqualTo("recency_days");
    assertThat(Measure.labelOf("clv", EUR_DEFAULTS)).isEqualTo("CLV, next 12 months (discounted)");
    assertThat(Measure.currency(EUR_DEFAULTS)).isEqualTo("EUR");
    assertThat(Measure.currency(new Units("", 365, 12, 30.4375, 365))).isEqualTo("not stated");
  }

  @Test
  void theDictionaryGivesMoneyTheReportingCurrencyAndOpensWithTheMeasure() {
    ColumnSpec clv = ColumnSpec.measure(Measure.CLV, "More words.");

    assertThat(clv.unit(EUR_DEFAULTS)).isEqualTo("EUR");
    assertThat(clv.unit(new Units("", 365, 12, 30.4375, 365)))
        .isEqualTo("reporting currency (not stated)");
    assertThat(clv.unit(new Units(null, 365, 12, 30.4375, 365))).isEqualTo("reporting currency");
    assertThat(clv.description(EUR_DEFAULTS))
        .isEqualTo("CLV, next 12 months (discounted). More words.");
    assertThat(ColumnSpec.measure(Measure.PREDICTED_GROWTH, "").unit(EUR_DEFAULTS))
        .isEqualTo("-1..1");
  }
}
