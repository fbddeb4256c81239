package org.custseg.features;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.custseg.ingest.ExportSchema;

/**
 * Per-customer recency, frequency and monetary features as of a run date (domain.md section 2).
 *
 * <p>Rows with the same transaction id form one order; its net amount is the sum of its rows, so a
 * refund row on the same order nets against it. An order with a positive net amount is a
 * purchase; other orders (refunds, cancellations) never count in the frequency, but their amounts
 * are netted into the customer's spend. Customers with no purchase at all are left out of the
 * customer table (the caller reports how many).
 *
 * <p>Input: clean transactions with {@code customer_id, transaction_id, order_date, amount}, all
 * dated on or before the run date. Pure: the run date is an argument.
 */
public final class RfmFeatures {

  private RfmFeatures() {}

  /**
   * @param trailingDays the trailing window of the value axis; its two halves give the growth axis
   * @param activityWindowDays a customer whose last purchase is older than this is inactive
   */
  public static Dataset<Row> compute(
      Dataset<Row> clean, LocalDate runDate, int trailingDays, int activityWindowDays) {
    Column asOf = lit(Date.valueOf(runDate));
    Column trailingStart = lit(Date.valueOf(runDate.minusDays(trailingDays)));
    Column halfStart = lit(Date.valueOf(runDate.minusDays(trailingDays / 2)));

    Dataset<Row> orders = Orders.of(clean);

    Column amount = col(Orders.ORDER_AMOUNT);
    Column purchase = Orders.isPurchase();
    Column date = col(Columns.ORDER_DATE);
    Column zero = lit(0).cast(ExportSchema.MONEY);

    Dataset<Row> customers = orders
        .groupBy(col(Columns.CUSTOMER_ID))
        .agg(count(when(purchase, lit(1))).as(Columns.FREQUENCY),
            min(when(purchase, date)).as(Columns.FIRST_PURCHASE_DATE),
            max(when(purchase, date)).as(Columns.LAST_PURCHASE_DATE),
            sum(amount).as(Columns.MONETARY_TOTAL),
            sum(when(amount.lt(0), functions.negate(amount)).otherwise(zero)).as(Columns.REFUND_TOTAL),
            sum(when(date.gt(trailingStart), amount).otherwise(zero)).as(Columns.TRAILING_VALUE),
            sum(when(date.gt(halfStart), amount).otherwise(zero)).as(Columns.SPEND_RECENT_HALF),
            sum(when(date.gt(trailingStart).and(date.leq(halfStart)), amount).otherwise(zero))
                .as(Columns.SPEND_PREVIOUS_HALF));

    Column recent = col(Columns.SPEND_RECENT_HALF).cast("double");
    Column previous = col(Columns.SPEND_PREVIOUS_HALF).cast("double");
    Column scale = abs(recent).plus(abs(previous));

    return customers
        .where(col(Columns.FREQUENCY).gt(0))
        .withColumn(Columns.FREQUENCY, col(Columns.FREQUENCY).cast("int"))
        .withColumn(Columns.RECENCY_DAYS, datediff(asOf, col(Columns.LAST_PURCHASE_DATE)))
        .withColumn(Columns.TENURE_DAYS, datediff(asOf, col(Columns.FIRST_PURCHASE_DATE)))
        .withColumn(Columns.MONETARY_TOTAL, col(Columns.MONETARY_TOTAL).cast(ExportSchema.MONEY))
        .withColumn(Columns.MONETARY_AVG,
            round(col(Columns.MONETARY_TOTAL).divide(col(Columns.FREQUENCY)), 4)
                .cast(ExportSchema.MONEY))
        .withColumn(Columns.REFUND_TOTAL, col(Columns.REFUND_TOTAL).cast(ExportSchema.MONEY))
        .withColumn(Columns.TRAILING_VALUE, col(Columns.TRAILING_VALUE).cast(ExportSchema.MONEY))
        .withColumn(Columns.SPEND_RECENT_HALF,
            col(Columns.SPEND_RECENT_HALF).cast(ExportSchema.MONEY))
        .withColumn(Columns.SPEND_PREVIOUS_HALF,
            col(Columns.SPEND_PREVIOUS_HALF).cast(ExportSchema.MONEY))
        .withColumn(Columns.GROWTH_RATE,
            when(scale.gt(0), round(recent.minus(previous).divide(scale), 6)).otherwise(lit(0.0)))
        .withColumn(Columns.IS_ACTIVE, col(Columns.RECENCY_DAYS).leq(activityWindowDays))
        .select(Columns.CUSTOMER_ID, Columns.FIRST_PURCHASE_DATE, Columns.LAST_PURCHASE_DATE,
            Columns.RECENCY_DAYS, Columns.TENURE_DAYS, Columns.FREQUENCY, Columns.MONETARY_TOTAL,
            Columns.MONETARY_AVG, Columns.REFUND_TOTAL, Columns.TRAILING_VALUE,
            Columns.SPEND_RECENT_HALF, Columns.SPEND_PREVIOUS_HALF, Columns.GROWTH_RATE,
            Columns.IS_ACTIVE);
  }
}
