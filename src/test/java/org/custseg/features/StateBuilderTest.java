package org.custseg.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/**
 * The one-pass state builder against an independent formulation of the same definitions in Spark
 * SQL aggregations (orders by {@link Orders}, then days, then customers, attribute counts by a
 * second aggregation): same state, column by column, on random data with multi-line orders,
 * refunds, zero-amount orders, blank and missing attribute values.
 */
class StateBuilderTest extends SparkTestBase {

  private static final LocalDate AS_OF = LocalDate.of(2024, 7, 18);
  private static final int WINDOW = 45;

  private static final StructType ROWS =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.TRANSACTION_ID, DataTypes.StringType)
          .add(Columns.ORDER_DATE, DataTypes.DateType)
          .add(Columns.AMOUNT, Money.MONEY)
          .add(Columns.COUNTRY, DataTypes.StringType)
          .add(Columns.CHANNEL, DataTypes.StringType);

  private static Dataset<Row> transactions(long seed) {
    Random rnd = new Random(seed);
    String[] countries = {"DE", "FR", " FR ", "", null, "UK"};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      int cents = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(30000) - (rnd.nextInt(5) == 0 ? 25000 : 0);
      rows.add(
          RowFactory.create(
              "c" + rnd.nextInt(120),
              "t" + rnd.nextInt(300),
              Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(200))),
              BigDecimal.valueOf(cents, 2).setScale(4),
              countries[rnd.nextInt(countries.length)],
              rnd.nextBoolean() ? "web" : null));
    }
    return spark().createDataFrame(rows, ROWS);
  }

  /**
   * The state by Spark SQL aggregations (the formulation the builder replaced). Where a refund
   * nets: each day is numbered by the purchase days on or before it (a running count); its net
   * amount is leading refunds at 0, the first day's value at 1, repeat value from 2.
   */
  private static Dataset<Row> reference(Dataset<Row> clean) {
    Column zero = lit(0).cast(Money.TOTAL);
    Dataset<Row> orders =
        Orders.of(clean).withColumn("net", col(Orders.ORDER_AMOUNT).cast(Money.TOTAL));
    Column purchase = Orders.isPurchase();
    Dataset<Row> days =
        orders
            .groupBy(col(Columns.CUSTOMER_ID), col(Columns.ORDER_DATE))
            .agg(
                count(when(purchase, lit(1))).as("po"),
                sum(col("net")).as("net"),
                sum(when(purchase, zero).otherwise(col("net").multiply(-1))).as("rt"))
            .withColumn(
                "k",
                sum(when(col("po").gt(0), 1).otherwise(0))
                    .over(
                        Window.partitionBy(col(Columns.CUSTOMER_ID))
                            .orderBy(col(Columns.ORDER_DATE))
                            .rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    Column purchaseDay = col("po").gt(0);
    Column inWindow = col(Columns.ORDER_DATE).gt(lit(Date.valueOf(AS_OF.minusDays(WINDOW))));
    Dataset<Row> state =
        days.groupBy(col(Columns.CUSTOMER_ID))
            .agg(
                min(when(purchaseDay, col(Columns.ORDER_DATE))).as(Columns.FIRST_PURCHASE_DATE),
                max(when(purchaseDay, col(Columns.ORDER_DATE))).as(Columns.LAST_PURCHASE_DATE),
                sum(col("po")).as(CustomerState.PURCHASE_ORDERS),
                count(when(purchaseDay, lit(1))).as(CustomerState.PURCHASE_DAYS),
                sum(col("net")).as(CustomerState.NET_TOTAL),
                sum(col("rt")).as(Columns.REFUND_TOTAL),
                sum(when(col("k").equalTo(1), col("net")).otherwise(zero))
                    .as(CustomerState.FIRST_DAY_NET),
                sum(when(col("k").geq(2), col("net")).otherwise(zero)).as(CustomerState.REPEAT_NET),
                sum(when(col("k").equalTo(0), col("net")).otherwise(zero))
                    .as(CustomerState.LEADING_REFUNDS),
                collect_list(
                        when(
                            inWindow,
                            struct(
                                col(Columns.ORDER_DATE).as(CustomerState.DAY),
                                col("net").as(CustomerState.NET))))
                    .as(CustomerState.RECENT_DAYS));
    for (String a : CustomerState.ATTRIBUTES) {
      Column v = trim(col(a));
      Dataset<Row> counts =
          clean
              .where(v.isNotNull().and(v.notEqual("")))
              .groupBy(col(Columns.CUSTOMER_ID), v.as("v"))
              .agg(count(lit(1)).as("n"))
              .groupBy(col(Columns.CUSTOMER_ID))
              .agg(
                  map_from_entries(collect_list(struct(col("v"), col("n"))))
                      .as(CustomerState.counts(a)));
      state = state.join(counts, Columns.CUSTOMER_ID, "left");
    }
    return CustomerState.normalise(state);
  }

  private static List<Row> sorted(Dataset<Row> d) {
    return d.orderBy(col(Columns.CUSTOMER_ID)).collectAsList();
  }

  @Test
  void theOnePassBuilderGivesTheStateOfTheSqlDefinitions() {
    for (long seed : new long[] {3, 4}) {
      Dataset<Row> clean = transactions(seed).cache();
      List<Row> built = sorted(CustomerState.fromTransactions(clean, AS_OF, WINDOW));
      List<Row> expected = sorted(reference(clean));
      assertThat(built).hasSize(expected.size());
      for (int i = 0; i < built.size(); i++) {
        assertThat(built.get(i))
            .as("seed %d, %s", seed, expected.get(i))
            .isEqualTo(expected.get(i));
      }
      clean.unpersist();
    }
  }

  @Test
  void anExportWithoutAttributeColumnsHasNoCounts() {
    Dataset<Row> clean = transactions(5).drop(Columns.COUNTRY, Columns.CHANNEL);
    for (Row r : CustomerState.fromTransactions(clean, AS_OF, WINDOW).collectAsList()) {
      assertThat(r.isNullAt(r.fieldIndex(CustomerState.counts(Columns.COUNTRY)))).isTrue();
      assertThat(r.isNullAt(r.fieldIndex(CustomerState.counts(Columns.CHANNEL)))).isTrue();
    }
  }
}
