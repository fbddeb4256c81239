package org.custseg.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;

/**
 * The one definition of an order and of a purchase, shared by the customer state (and so the RFM
 * features and the value models' inputs) and the holdout evaluation: the rows of one customer with
 * the same transaction id on the same date form one order, whose net amount ({@link #ORDER_AMOUNT})
 * is the sum of its rows (a refund dated later than its order is its own refund order on its own
 * date, which is what lets incremental runs merge exactly). An order with a positive net amount is
 * a purchase, and so is a zero-value order all of whose rows are zero (free goods; only present
 * when {@code segmentation.quality.keep-zero-amount} is true). A refunded order that nets to zero
 * is not a purchase.
 *
 * <p>Where a refund nets: a refund order (net amount below zero) belongs to the customer's latest
 * purchase day on or before its date (the same day included) and lowers that day's net value. So
 * the first purchase day's net value is its purchases plus the refunds dated from it to before the
 * second purchase day, and the repeat purchase days' net value is their purchases plus every refund
 * dated on or after the second purchase day. A refund dated before the customer's first purchase in
 * the data (its order predates the data) lowers only the net spend ({@link
 * CustomerState#LEADING_REFUNDS}).
 *
 * <p>The nightly state applies the same definition in one pass over sorted rows ({@link
 * StateBuilder}, for speed); {@code StateBuilderTest} holds the two equal on random data.
 */
public final class Orders {

  public static final String ORDER_AMOUNT = "order_amount";
  private static final String ROWS_ALL_ZERO = "order_rows_all_zero";

  private Orders() {}

  /**
   * {@code customer_id, transaction_id, order_date, order_amount} (and an internal flag), one row
   * per order.
   */
  public static Dataset<Row> of(Dataset<Row> clean) {
    return clean
        .groupBy(col(Columns.CUSTOMER_ID), col(Columns.TRANSACTION_ID), col(Columns.ORDER_DATE))
        .agg(
            sum(col(Columns.AMOUNT)).as(ORDER_AMOUNT),
            min(col(Columns.AMOUNT))
                .equalTo(0)
                .and(max(col(Columns.AMOUNT)).equalTo(0))
                .as(ROWS_ALL_ZERO));
  }

  /** Whether an order (a row of {@link #of}) is a purchase. */
  public static Column isPurchase() {
    return col(ORDER_AMOUNT).gt(0).or(col(ROWS_ALL_ZERO));
  }
}
