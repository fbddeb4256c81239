package org.custseg.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.PortfolioSettings;
import org.custseg.schema.Columns;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

class PortfolioQuadrantTest extends SparkTestBase {

  private static Map<String, String> quadrants(Dataset<Row> f, PortfolioQuadrant.Thresholds t) {
    Map<String, String> out = new HashMap<>();
    for (Row r :
        PortfolioQuadrant.apply(f, Columns.TRAILING_VALUE, Columns.GROWTH_RATE, t)
            .select(Columns.CUSTOMER_ID, Columns.PORTFOLIO_QUADRANT)
            .collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  private static Dataset<Row> fourCustomers() {
    return Customers.features()
        .add("big_growing", 1, 5, "500.00", "500.00", 0.8, true)
        .add("big_flat", 1, 5, "400.00", "400.00", -0.5, true)
        .add("small_growing", 1, 1, "20.00", "20.00", 1.0, true)
        .add("small_flat", 1, 1, "10.00", "10.00", -1.0, true)
        .add("inactive", 600, 3, "900.00", "0.00", 0.0, false)
        .build();
  }

  @Test
  void mediansOverActiveCustomersAreTheDefaultThresholds() {
    PortfolioQuadrant.Thresholds t =
        PortfolioQuadrant.thresholds(
            fourCustomers(),
            Columns.TRAILING_VALUE,
            Columns.GROWTH_RATE,
            new PortfolioSettings("trailing_value", 0.5, 0.5, null, null, 365));

    // Active values 10 20 400 500 -> nearest-rank median (rank 2) = 20; growth -1 -0.5 0.8 1.0
    // -> -0.5. The inactive customer does not move the thresholds.
    assertThat(t).isEqualTo(new PortfolioQuadrant.Thresholds(20.0, -0.5));
  }

  @Test
  void customersAtATresholdCountAsHighAndEachQuadrantIsReached() {
    Map<String, String> q = quadrants(fourCustomers(), new PortfolioQuadrant.Thresholds(20, -0.5));

    assertThat(q)
        .containsEntry("big_growing", "star")
        .containsEntry("big_flat", "star") // growth -0.5 equals the threshold: high
        .containsEntry("small_growing", "star") // value 20 equals the threshold: high
        .containsEntry("small_flat", "dog")
        .containsEntry("inactive", "inactive"); // value 0 low, growth 0 high: still inactive

    Map<String, String> strict =
        quadrants(fourCustomers(), new PortfolioQuadrant.Thresholds(100, 0.0));
    assertThat(strict)
        .containsEntry("big_growing", "star")
        .containsEntry("big_flat", "cash_cow")
        .containsEntry("small_growing", "question_mark")
        .containsEntry("small_flat", "dog");
  }

  /**
   * A lapsed customer with a positive CLV: trailing value 0, so predicted growth is +1 (the top of
   * the growth axis), and a large value on any other axis. Still inactive, never a star or a
   * question mark.
   */
  @Test
  void anInactiveCustomerWithPositiveClvIsInactiveNotAStarOrAQuestionMark() {
    Dataset<Row> f =
        Customers.features()
            .add("active", 10, 2, "50.00", "50.00", -0.2, true)
            .add("lapsed", 400, 6, "5000.00", "5000.00", 1.0, false)
            .build();
    for (PortfolioQuadrant.Thresholds t :
        new PortfolioQuadrant.Thresholds[] {
          new PortfolioQuadrant.Thresholds(0, 0), new PortfolioQuadrant.Thresholds(50, -0.2)
        }) {
      assertThat(quadrants(f, t)).containsEntry("lapsed", "inactive");
    }
    assertThat(PortfolioQuadrant.QUADRANTS).doesNotContain(PortfolioQuadrant.INACTIVE);
    assertThat(PortfolioQuadrant.VALUES).endsWith(PortfolioQuadrant.INACTIVE);
  }

  @Test
  void absoluteThresholdsWinOverQuantiles() {
    PortfolioQuadrant.Thresholds t =
        PortfolioQuadrant.thresholds(
            fourCustomers(),
            Columns.TRAILING_VALUE,
            Columns.GROWTH_RATE,
            new PortfolioSettings("trailing_value", 0.5, 0.5, 250.0, 0.1, 365));
    assertThat(t).isEqualTo(new PortfolioQuadrant.Thresholds(250.0, 0.1));
  }
}
