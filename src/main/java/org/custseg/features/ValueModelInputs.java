package org.custseg.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-customer sufficient statistics of the value models (docs/value-models.md), in days, from
 * the clean transactions as of a run date. Orders and purchases are those of {@link Orders}.
 *
 * <ul>
 *   <li>purchase days: distinct dates with at least one purchase order (purchases on the same day
 *       count once; refunds and cancellations never make a purchase day);</li>
 *   <li>{@link #X} = purchase days - 1 (repeat purchases);</li>
 *   <li>{@link #T_X_DAYS} = last purchase date - first purchase date;</li>
 *   <li>{@link #T_DAYS} = run date - first purchase date (the customer's age);</li>
 *   <li>{@link #REPEAT_SPEND} = net amount of the purchase orders on the repeat days (every
 *       purchase day but the first); its mean per repeat day, {@code repeat_spend / x}, is the
 *       Gamma-Gamma model's mean spend.</li>
 * </ul>
 *
 * <p>Customers without any purchase are left out, as in {@link RfmFeatures}.
 */
public final class ValueModelInputs {

  public static final String X = "x";
  public static final String T_X_DAYS = "t_x_days";
  public static final String T_DAYS = "T_days";
  public static final String REPEAT_SPEND = "repeat_spend";

  private ValueModelInputs() {}

  /** {@code customer_id, x, t_x_days, T_days, repeat_spend}, one row per customer with a purchase. */
  public static Dataset<Row> compute(Dataset<Row> clean, LocalDate runDate) {
    Column asOf = lit(Date.valueOf(runDate));
    Dataset<Row> purchaseDays = Orders.of(clean)
        .where(Orders.isPurchase())
        .groupBy(col(Columns.CUSTOMER_ID), col(Columns.ORDER_DATE))
        .agg(sum(col(Orders.ORDER_AMOUNT)).as("day_amount"));
    return purchaseDays
        .groupBy(col(Columns.CUSTOMER_ID))
        .agg(count(lit(1)).as("_days"),
            min(col(Columns.ORDER_DATE)).as("_first"),
            max(col(Columns.ORDER_DATE)).as("_last"),
            sum(col("day_amount")).as("_spend"),
            min_by(col("day_amount"), col(Columns.ORDER_DATE)).as("_first_spend"))
        .select(col(Columns.CUSTOMER_ID),
            col("_days").minus(1).cast("int").as(X),
            datediff(col("_last"), col("_first")).as(T_X_DAYS),
            datediff(asOf, col("_first")).as(T_DAYS),
            // Decimal sums (exact, whatever the order) turned into a double at the end.
            col("_spend").minus(col("_first_spend")).cast("double").as(REPEAT_SPEND));
  }

  /** The features with the value-model statistics added (same customers). */
  public static Dataset<Row> attach(Dataset<Row> features, Dataset<Row> clean,
      LocalDate runDate) {
    return features.join(compute(clean, runDate), Columns.CUSTOMER_ID);
  }
}
