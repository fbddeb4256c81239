package org.custseg.features;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/** The property incremental runs rely on: merging states equals computing from all rows. */
class CustomerStateTest extends SparkTestBase {

  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final int WINDOW = 60;

  /** Random orders, refunds and multi-line orders of 40 customers over 200 days. */
  private static Dataset<Row> transactions(long seed) {
    Random rnd = new Random(seed);
    Customers.OrderBuilder b = Customers.orders();
    for (int i = 0; i < 600; i++) {
      String customer = "c" + rnd.nextInt(40);
      String day = START.plusDays(rnd.nextInt(200)).toString();
      String tx = "t" + rnd.nextInt(400);
      int cents = rnd.nextInt(20000) - (rnd.nextInt(6) == 0 ? 15000 : 0);
      if (cents == 0) {
        cents = 1;
      }
      b.order(customer, tx, day, String.format("%d.%02d", cents / 100, Math.abs(cents % 100)));
    }
    return b.build();
  }

  private static List<Row> sorted(Dataset<Row> d) {
    return d.orderBy(col(Columns.CUSTOMER_ID)).collectAsList();
  }

  @Test
  void mergingTheStateOfSWithTheRowsAfterSEqualsTheStateOfAllRows() {
    for (long seed : new long[] {1, 2}) {
      Dataset<Row> all = transactions(seed).cache();
      LocalDate d = START.plusDays(199);
      Dataset<Row> full = CustomerState.fromTransactions(all, d, WINDOW);
      for (int split : new int[] {20, 198}) {
        LocalDate s = START.plusDays(split);
        java.sql.Date cut = java.sql.Date.valueOf(s);
        Dataset<Row> old =
            CustomerState.fromTransactions(all.where(col(Columns.ORDER_DATE).leq(cut)), s, WINDOW);
        Dataset<Row> delta =
            CustomerState.fromTransactions(all.where(col(Columns.ORDER_DATE).gt(cut)), d, WINDOW);
        Dataset<Row> merged = CustomerState.merge(old, delta, d, WINDOW);
        Dataset<Row> broadcastMerged = CustomerState.merge(old, delta, d, WINDOW, true);

        assertThat(sorted(merged))
            .as("seed " + seed + ", split " + s)
            .containsExactlyElementsOf(sorted(full));
        assertThat(sorted(broadcastMerged))
            .as("broadcast, seed " + seed + ", split " + s)
            .containsExactlyElementsOf(sorted(full));
        assertThat(sorted(RfmFeatures.fromState(merged, d, WINDOW, 90)))
            .containsExactlyElementsOf(sorted(RfmFeatures.fromState(full, d, WINDOW, 90)));
      }
      all.unpersist();
    }
  }

  @Test
  void theWindowKeepsOnlyTheDaysThatCanStillCount() {
    Dataset<Row> tx =
        Customers.orders()
            .order("a", "1", "2024-01-01", "10.00")
            .order("a", "2", "2024-03-01", "20.00")
            .order("a", "2", "2024-03-01", "-5.00")
            .order("a", "3", "2024-03-02", "-7.00")
            .build();
    Row a = CustomerState.fromTransactions(tx, LocalDate.of(2024, 3, 10), 30).first();

    assertThat(a.getList(a.fieldIndex(CustomerState.RECENT_DAYS))).hasSize(2);
    assertThat(a.getLong(a.fieldIndex(CustomerState.PURCHASE_ORDERS))).isEqualTo(2);
    assertThat(a.getLong(a.fieldIndex(CustomerState.PURCHASE_DAYS))).isEqualTo(2);
    assertThat(a.getDecimal(a.fieldIndex(CustomerState.NET_TOTAL))).isEqualByComparingTo("18");
    assertThat(a.getDecimal(a.fieldIndex(Columns.REFUND_TOTAL))).isEqualByComparingTo("7");
    assertThat(a.getDecimal(a.fieldIndex(CustomerState.FIRST_DAY_PURCHASE)))
        .isEqualByComparingTo("10");
  }
}
