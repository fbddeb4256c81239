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
    // the refund of 03-02 nets against the latest purchase day on or before it, 03-01 (a repeat
    // day): first day 10, repeat days 20 - 5 - 7 = 8
    assertThat(a.getDecimal(a.fieldIndex(CustomerState.FIRST_DAY_NET))).isEqualByComparingTo("10");
    assertThat(a.getDecimal(a.fieldIndex(CustomerState.REPEAT_NET))).isEqualByComparingTo("8");
    assertThat(a.getDecimal(a.fieldIndex(CustomerState.LEADING_REFUNDS))).isEqualByComparingTo("0");
  }

  /**
   * Where refunds net, on hand-made days: before the first purchase day (leading), between the
   * first and second purchase day (the first day), on a purchase day (that day), after it.
   */
  @Test
  void aRefundNetsAgainstTheLatestPurchaseDayOnOrBeforeIt() {
    Dataset<Row> tx =
        Customers.orders()
            .order("b", "r0", "2024-01-01", "-4.00") // its order predates the data: leading
            .order("b", "p1", "2024-01-05", "50.00") // first purchase day
            .order("b", "r1", "2024-01-05", "-10.00") // same day: the first day
            .order("b", "r2", "2024-01-09", "-15.00") // before the second purchase day: first day
            .order("b", "p2", "2024-02-01", "30.00") // second purchase day
            .order("b", "r3", "2024-02-03", "-30.00") // after it: repeat value
            .order("b", "p3", "2024-03-01", "12.00") // third purchase day
            .order("b", "r4", "2024-03-01", "-2.00") // same day: repeat value
            .build();
    Row b = CustomerState.fromTransactions(tx, LocalDate.of(2024, 3, 10), 30).first();

    assertThat(b.getDecimal(b.fieldIndex(CustomerState.LEADING_REFUNDS)))
        .isEqualByComparingTo("-4");
    assertThat(b.getDecimal(b.fieldIndex(CustomerState.FIRST_DAY_NET))).isEqualByComparingTo("25");
    assertThat(b.getDecimal(b.fieldIndex(CustomerState.REPEAT_NET))).isEqualByComparingTo("10");
    assertThat(b.getDecimal(b.fieldIndex(CustomerState.NET_TOTAL))).isEqualByComparingTo("31");
    assertThat(b.getLong(b.fieldIndex(CustomerState.PURCHASE_DAYS))).isEqualTo(3);

    // The same split at every date: the merge attributes the delta's leading refunds to the old
    // latest purchase day (first day while there is one, repeat value after).
    for (String split : new String[] {"2024-01-03", "2024-01-05", "2024-01-20", "2024-02-02"}) {
      java.sql.Date cut = java.sql.Date.valueOf(split);
      Dataset<Row> old =
          CustomerState.fromTransactions(
              tx.where(col(Columns.ORDER_DATE).leq(cut)), LocalDate.parse(split), 30);
      Dataset<Row> delta =
          CustomerState.fromTransactions(
              tx.where(col(Columns.ORDER_DATE).gt(cut)), LocalDate.of(2024, 3, 10), 30);
      assertThat(CustomerState.merge(old, delta, LocalDate.of(2024, 3, 10), 30).first())
          .as("split after %s", split)
          .isEqualTo(b);
    }
  }
}
