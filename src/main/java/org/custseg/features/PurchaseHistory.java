package org.custseg.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;

/**
 * Per-customer sufficient statistics of the value models (docs/value-models.md), in days, taken
 * from the features (which come from the {@link CustomerState}, so full and incremental runs
 * agree). Orders and purchases are those of {@link Orders}.
 *
 * <ul>
 *   <li>purchase days: distinct dates with at least one purchase order (purchases on the same day
 *       count once; refunds and cancellations never make a purchase day);
 *   <li>{@link #X} = purchase days - 1 (repeat purchases);
 *   <li>{@link #T_X_DAYS} = last purchase date - first purchase date;
 *   <li>{@link #T_DAYS} = run date - first purchase date (the customer's age);
 *   <li>{@link #REPEAT_SPEND} = net amount of the purchase orders on the repeat days (every
 *       purchase day but the first); its mean per repeat day, {@code repeat_spend / x}, is the
 *       Gamma-Gamma model's mean spend.
 * </ul>
 *
 * <p>Customers without any purchase are left out, as in {@link RfmFeatures}.
 */
public final class PurchaseHistory {

  private PurchaseHistory() {}

  /** {@code customer_id, x, t_x_days, T_days, repeat_spend} of clean transactions. */
  public static Dataset<Row> compute(Dataset<Row> clean, LocalDate runDate) {
    return attach(RfmFeatures.compute(clean, runDate, 1, 1), runDate)
        .select(
            Columns.CUSTOMER_ID, Columns.X, Columns.T_X_DAYS, Columns.T_DAYS, Columns.REPEAT_SPEND);
  }

  /** The features with the value-model statistics added (same customers). */
  public static Dataset<Row> attach(Dataset<Row> features, LocalDate runDate) {
    return features
        .withColumn(Columns.X, col(RfmFeatures.PURCHASE_DAYS).minus(1).cast("int"))
        .withColumn(
            Columns.T_X_DAYS,
            datediff(col(Columns.LAST_PURCHASE_DATE), col(Columns.FIRST_PURCHASE_DATE)))
        .withColumn(Columns.T_DAYS, col(Columns.TENURE_DAYS).cast("int"))
        .withColumn(Columns.REPEAT_SPEND, col(RfmFeatures.REPEAT_PURCHASE_VALUE).cast("double"));
  }
}
