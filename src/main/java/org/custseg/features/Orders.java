package org.custseg.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one definition of an order and of a purchase, shared by the RFM features and the value
 * models' inputs: rows with the same customer and transaction id form one order, dated by its
 * earliest row, whose net amount ({@link #ORDER_AMOUNT}) is the sum of its rows; an order with a
 * positive net amount is a purchase.
 */
public final class Orders {

  public static final String ORDER_AMOUNT = "order_amount";

  private Orders() {}

  /** {@code customer_id, transaction_id, order_date, order_amount}, one row per order. */
  public static Dataset<Row> of(Dataset<Row> clean) {
    return clean
        .groupBy(col(Columns.CUSTOMER_ID), col(Columns.TRANSACTION_ID))
        .agg(min(col(Columns.ORDER_DATE)).as(Columns.ORDER_DATE),
            sum(col(Columns.AMOUNT)).as(ORDER_AMOUNT));
  }

  /** Whether an order (a row of {@link #of}) is a purchase. */
  public static Column isPurchase() {
    return col(ORDER_AMOUNT).gt(0);
  }
}
