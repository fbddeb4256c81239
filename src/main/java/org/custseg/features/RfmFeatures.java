package org.custseg.features;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;

/**
 * Per-customer recency, frequency and monetary features as of a run date (domain.md section 2),
 * computed from a {@link CustomerState}: frequency counts purchase orders (net amount > 0; see
 * {@link CustomerState} for what an order is), refunds and cancellations never count in it but are
 * netted into the customer's spend. Customers with no purchase at all are left out of the customer
 * table (the caller reports how many).
 *
 * <p>Pure: the run date is an argument.
 */
public final class RfmFeatures {

  /** Distinct days with a purchase (same-day purchases count once). */
  public static final String PURCHASE_DAYS = CustomerState.PURCHASE_DAYS;

  /**
   * Net value of the purchase days after the first one: their purchases and the refunds dated on or
   * after the second purchase day ({@link CustomerState#REPEAT_NET}).
   */
  public static final String REPEAT_PURCHASE_VALUE = "repeat_purchase_value";

  private RfmFeatures() {}

  /**
   * Features of clean transactions ({@code customer_id, transaction_id, order_date, amount}), all
   * dated on or before the run date.
   *
   * @param trailingDays the trailing window of the value axis; its two halves give the growth axis
   * @param activityWindowDays a customer whose last purchase is older than this is inactive
   */
  public static Dataset<Row> compute(
      Dataset<Row> clean, LocalDate runDate, int trailingDays, int activityWindowDays) {
    return fromState(
        CustomerState.fromTransactions(clean, runDate, trailingDays),
        runDate,
        trailingDays,
        activityWindowDays);
  }

  /** Features from a customer state as of the run date (its window at least trailingDays). */
  public static Dataset<Row> fromState(
      Dataset<Row> state, LocalDate runDate, int trailingDays, int activityWindowDays) {
    Column asOf = lit(Date.valueOf(runDate));
    LocalDate trailingStart = runDate.minusDays(trailingDays);
    LocalDate halfStart = runDate.minusDays(trailingDays / 2);

    Dataset<Row> customers =
        state
            .where(col(CustomerState.PURCHASE_ORDERS).gt(0))
            .withColumn("_window", CustomerState.windowSums(trailingStart, halfStart, runDate))
            .withColumn(Columns.TRAILING_VALUE, col("_window.all"))
            .withColumn(Columns.SPEND_RECENT_HALF, col("_window.recent"))
            .withColumn(
                Columns.SPEND_PREVIOUS_HALF,
                col("_window.all").minus(col("_window.recent")).cast(Money.TOTAL))
            .drop("_window");

    Column recent = col(Columns.SPEND_RECENT_HALF).cast("double");
    Column previous = col(Columns.SPEND_PREVIOUS_HALF).cast("double");
    Column scale = abs(recent).plus(abs(previous));

    return customers
        .withColumn(Columns.FREQUENCY, col(CustomerState.PURCHASE_ORDERS).cast("int"))
        .withColumn(Columns.RECENCY_DAYS, datediff(asOf, col(Columns.LAST_PURCHASE_DATE)))
        .withColumn(Columns.TENURE_DAYS, datediff(asOf, col(Columns.FIRST_PURCHASE_DATE)))
        .withColumn(Columns.MONETARY_TOTAL, col(CustomerState.NET_TOTAL).cast(Money.MONEY))
        .withColumn(
            Columns.MONETARY_AVG,
            round(col(CustomerState.NET_TOTAL).divide(col(Columns.FREQUENCY)), 4).cast(Money.MONEY))
        .withColumn(Columns.REFUND_TOTAL, col(Columns.REFUND_TOTAL).cast(Money.MONEY))
        .withColumn(Columns.TRAILING_VALUE, col(Columns.TRAILING_VALUE).cast(Money.MONEY))
        .withColumn(Columns.SPEND_RECENT_HALF, col(Columns.SPEND_RECENT_HALF).cast(Money.MONEY))
        .withColumn(Columns.SPEND_PREVIOUS_HALF, col(Columns.SPEND_PREVIOUS_HALF).cast(Money.MONEY))
        .withColumn(
            Columns.GROWTH_RATE,
            when(scale.gt(0), round(recent.minus(previous).divide(scale), 6)).otherwise(lit(0.0)))
        .withColumn(Columns.IS_ACTIVE, col(Columns.RECENCY_DAYS).leq(activityWindowDays))
        .withColumn(PURCHASE_DAYS, col(CustomerState.PURCHASE_DAYS).cast("int"))
        .withColumn(REPEAT_PURCHASE_VALUE, col(CustomerState.REPEAT_NET).cast(Money.MONEY))
        .select(
            Columns.CUSTOMER_ID,
            Columns.FIRST_PURCHASE_DATE,
            Columns.LAST_PURCHASE_DATE,
            Columns.RECENCY_DAYS,
            Columns.TENURE_DAYS,
            Columns.FREQUENCY,
            Columns.MONETARY_TOTAL,
            Columns.MONETARY_AVG,
            Columns.REFUND_TOTAL,
            Columns.TRAILING_VALUE,
            Columns.SPEND_RECENT_HALF,
            Columns.SPEND_PREVIOUS_HALF,
            Columns.GROWTH_RATE,
            Columns.IS_ACTIVE,
            PURCHASE_DAYS,
            REPEAT_PURCHASE_VALUE);
  }
}
