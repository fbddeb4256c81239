package org.custseg.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.features.PurchaseHistory;
import org.custseg.features.RfmFeatures;
import org.custseg.schema.Columns;
import org.custseg.schema.ModelTimeUnit;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/**
 * The value parts count every month once: customer_value = historical_value + current_opportunity +
 * future_value, where the current opportunity is the next month (undiscounted) and the future value
 * the horizon after it (discounted), so current + future = clv + the next month's value x (1 - 1 /
 * (1 + d)).
 */
class ValueScoresTest extends SparkTestBase {

  private static final LocalDate RUN = LocalDate.parse("2024-03-31");

  private static Row scored(ScoringParameters p) {
    Dataset<Row> clean =
        Customers.orders()
            .order("c", "t1", "2024-01-31", "50.00")
            .order("c", "t2", "2024-03-31", "50.00")
            .build();
    Dataset<Row> features = PurchaseHistory.attach(RfmFeatures.compute(clean, RUN, 365, 365), RUN);
    return ValueScores.apply(features, p).first();
  }

  private static double money(Row r, String column) {
    return ((BigDecimal) r.getAs(column)).doubleValue();
  }

  /**
   * The empirical fallback by hand: 2 purchase days in 60 days, rate 1/30 a day, last purchase
   * today (p_alive 1), so 30.4375 / 30 = 1.0145833 purchases a month at 50: the next month 50.7292;
   * months 2..12 discounted at 1 %: 1.0145833 x 50 x (11.2550775 - 1 / 1.01) = 520.7338; clv =
   * 1.0145833 x 50 x 11.2550775 = 570.9607.
   */
  @Test
  void theValuePartsAddUpOnceByHand() {
    Row r =
        scored(
            new ScoringParameters(
                null, null, null, ModelTimeUnit.WEEKS, 30.4375, 12, 0.01, 0.3, 0.0));

    assertThat(((Number) r.getAs(Columns.P_ALIVE)).doubleValue()).isEqualTo(1.0);
    assertThat(((Number) r.getAs(Columns.EXPECTED_PURCHASES)).doubleValue())
        .isCloseTo(1.014583, within(1e-6));
    assertThat(money(r, Columns.EXPECTED_SPEND)).isEqualTo(50.0);
    assertThat(money(r, Columns.HISTORICAL_VALUE)).isEqualTo(100.0);
    assertThat(money(r, Columns.CURRENT_OPPORTUNITY)).isEqualTo(50.7292);
    assertThat(money(r, Columns.FUTURE_VALUE)).isEqualTo(520.7338);
    assertThat(money(r, Columns.CLV)).isEqualTo(570.9607);
    assertThat(money(r, Columns.CUSTOMER_VALUE)).isEqualTo(671.463);
    assertThat(money(r, Columns.LIFETIME_PROFIT)).isEqualTo(201.2882);
    assertThat(((Number) r.getAs(Columns.PREDICTED_GROWTH)).doubleValue())
        .isCloseTo(0.701920, within(1e-6));
    assertPartsCountEveryMonthOnce(r, 0.01);
  }

  /** The same identities with BG/NBD and Gamma-Gamma (CDNOW's published parameters). */
  @Test
  void theValuePartsAddUpOnceWithTheModels() {
    Row r =
        scored(
            new ScoringParameters(
                "bgnbd",
                new double[] {0.2426, 4.4137, 0.7930, 2.4262},
                new double[] {6.25, 3.74, 15.44},
                ModelTimeUnit.WEEKS,
                30.4375,
                12,
                0.01,
                0.3,
                0.0));

    assertThat(money(r, Columns.FUTURE_VALUE)).isPositive().isLessThan(money(r, Columns.CLV));
    assertPartsCountEveryMonthOnce(r, 0.01);
  }

  private static void assertPartsCountEveryMonthOnce(Row r, double d) {
    BigDecimal parts =
        ((BigDecimal) r.getAs(Columns.HISTORICAL_VALUE))
            .add(r.getAs(Columns.CURRENT_OPPORTUNITY))
            .add(r.getAs(Columns.FUTURE_VALUE));
    assertThat(((BigDecimal) r.getAs(Columns.CUSTOMER_VALUE)).subtract(parts))
        .isEqualByComparingTo("0");
    double current = money(r, Columns.CURRENT_OPPORTUNITY);
    assertThat(current + money(r, Columns.FUTURE_VALUE))
        .isCloseTo(money(r, Columns.CLV) + current * (1 - 1 / (1 + d)), within(2e-4));
    assertThat(ValueScores.COLUMNS)
        .containsAll(List.of(Columns.HISTORICAL_VALUE, Columns.CUSTOMER_VALUE));
  }
}
