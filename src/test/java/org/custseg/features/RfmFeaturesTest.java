package org.custseg.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

class RfmFeaturesTest extends SparkTestBase {

  private static final LocalDate RUN = LocalDate.of(2025, 3, 1);

  private static Map<String, Row> compute(Customers.OrderBuilder orders) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : RfmFeatures.compute(orders.build(), RUN, 365, 365).collectAsList()) {
      out.put(r.getString(r.fieldIndex(Columns.CUSTOMER_ID)), r);
    }
    return out;
  }

  private static BigDecimal money(Row r, String c) {
    return r.getDecimal(r.fieldIndex(c)).stripTrailingZeros();
  }

  @Test
  void refundsNetAgainstSpendButNeverCountAsPurchases() {
    Map<String, Row> f =
        compute(
            Customers.orders()
                .order("hand", "o1", "2025-01-10", "100.00")
                // order o2 of two lines, one of them a partial refund on the same order: net 40
                .order("hand", "o2", "2025-02-20", "50.00")
                .order("hand", "o2", "2025-02-20", "-10.00")
                // a separate refund order (e.g. a cancellation invoice)
                .order("hand", "r1", "2025-02-25", "-20.00"));

    Row hand = f.get("hand");
    // Worked by hand: 2 purchase orders (o1, o2); net spend 100 + 40 - 20 = 120; mean 60;
    // last purchase 2025-02-20 -> 9 days before 2025-03-01; first 2025-01-10 -> 50 days.
    assertThat(hand.getInt(hand.fieldIndex(Columns.FREQUENCY))).isEqualTo(2);
    assertThat(money(hand, Columns.MONETARY_TOTAL)).isEqualByComparingTo("120");
    assertThat(money(hand, Columns.MONETARY_AVG)).isEqualByComparingTo("60");
    assertThat(money(hand, Columns.REFUND_TOTAL)).isEqualByComparingTo("20");
    assertThat(hand.getInt(hand.fieldIndex(Columns.RECENCY_DAYS))).isEqualTo(9);
    assertThat(hand.getInt(hand.fieldIndex(Columns.TENURE_DAYS))).isEqualTo(50);
    assertThat(hand.getDate(hand.fieldIndex(Columns.LAST_PURCHASE_DATE)).toLocalDate())
        .isEqualTo(LocalDate.of(2025, 2, 20));
    assertThat(hand.getBoolean(hand.fieldIndex(Columns.IS_ACTIVE))).isTrue();
  }

  @Test
  void trailingWindowAndGrowthBetweenItsTwoHalves() {
    Map<String, Row> f =
        compute(
            Customers.orders()
                // older than the 365-day window (window starts after 2024-03-01)
                .order("g", "a", "2024-02-01", "1000.00")
                // previous half: (2024-03-01, 2024-08-31]
                .order("g", "b", "2024-06-01", "100.00")
                // recent half: after 2024-08-31 (run date minus 182 days)
                .order("g", "c", "2025-01-15", "300.00"));

    Row g = f.get("g");
    assertThat(money(g, Columns.TRAILING_VALUE)).isEqualByComparingTo("400");
    assertThat(money(g, Columns.SPEND_PREVIOUS_HALF)).isEqualByComparingTo("100");
    assertThat(money(g, Columns.SPEND_RECENT_HALF)).isEqualByComparingTo("300");
    // (300 - 100) / (300 + 100) = 0.5
    assertThat(g.getDouble(g.fieldIndex(Columns.GROWTH_RATE))).isEqualTo(0.5);
    assertThat(money(g, Columns.MONETARY_TOTAL)).isEqualByComparingTo("1400");
  }

  @Test
  void customersWithoutAnyPurchaseAreLeftOutAndOldOnesAreInactive() {
    Map<String, Row> f =
        compute(
            Customers.orders()
                .order("refund_only", "r9", "2025-02-01", "-15.00")
                .order("old", "x", "2023-01-01", "10.00"));

    assertThat(f).doesNotContainKey("refund_only");
    Row old = f.get("old");
    assertThat(old.getBoolean(old.fieldIndex(Columns.IS_ACTIVE))).isFalse();
    assertThat(old.getDouble(old.fieldIndex(Columns.GROWTH_RATE))).isEqualTo(0.0);
  }
}
