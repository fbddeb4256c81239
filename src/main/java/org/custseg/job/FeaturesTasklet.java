package org.custseg.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.custseg.config.Settings;
import org.custseg.features.CustomerState;
import org.custseg.ingest.ClassifiedRows;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;
import org.custseg.schema.RowStatus;
import org.custseg.spark.SparkSessionProvider;
import org.custseg.state.StateStore;

/**
 * Step 2: the customer state as of the run date. A full run builds the state from all clean rows;
 * an incremental run merges the previous state with the state of the new clean rows (and of the
 * earlier runs' pending rows now due). Also stages the new state's pending rows and row keys for
 * the publish step, and counts the customers. The per-customer features are derived from the staged
 * state by the segmentation step ({@link org.custseg.features.CustomerFeatures}).
 */
class FeaturesTasklet extends SparkTasklet {

  static final String CUSTOMERS_SEEN = "customers.seen";

  FeaturesTasklet(SparkSessionProvider spark, Settings properties) {
    super(spark, properties);
  }

  @Override
  protected void execute(StepContext ctx) {
    LocalDate runDate = ctx.run().runDate();
    OutputLayout layout = ctx.layout();
    int window = properties.portfolio().trailingDays();
    Dataset<Row> rows =
        ClassifiedRows.read(ctx.session(), layout.stagingClassified(runDate).toString());
    String base = ctx.job().getString(JobKeys.STATE_BASE, "");
    StateStore store = StateStore.under(layout.root());
    Column due = col(Columns.ORDER_DATE).leq(lit(Date.valueOf(runDate)));

    Dataset<Row> clean = ClassifiedRows.withStatus(rows, RowStatus.CLEAN);
    Dataset<Row> pending = ClassifiedRows.withStatus(rows, RowStatus.LATER);
    Dataset<Row> state;
    if (base.isEmpty()) {
      state = CustomerState.fromTransactions(clean, runDate, window);
    } else {
      LocalDate baseDate = LocalDate.parse(base);
      Dataset<Row> carried = ClassifiedRows.read(ctx.session(), store.pending(baseDate).toString());
      clean = clean.unionByName(carried.where(due));
      pending = pending.unionByName(carried.where(due.unary_$bang()));
      Dataset<Row> previous =
          ctx.session()
              .read()
              .schema(CustomerState.SCHEMA)
              .parquet(store.customers(baseDate).toString());
      // A night's delta is small: persisted and broadcast, so the state of every customer
      // is read in one stream and never shuffled (the step clears the cache at its end).
      Dataset<Row> delta =
          CustomerState.fromTransactions(clean, runDate, window)
              .persist(StorageLevel.MEMORY_AND_DISK());
      boolean small = delta.count() <= CustomerState.BROADCAST_DELTA_CUSTOMERS;
      state = CustomerState.merge(previous, delta, runDate, window, small);
    }
    state.write().mode("overwrite").parquet(layout.stagingState(runDate, "customers").toString());
    pending.write().mode("overwrite").parquet(layout.stagingState(runDate, "pending").toString());
    ClassifiedRows.withStatus(rows, RowStatus.CLEAN, RowStatus.LATER)
        .select(Columns.ROW_KEY1, Columns.ROW_KEY2)
        .write()
        .mode("overwrite")
        .parquet(layout.stagingState(runDate, "keys").toString());

    // The features are derived from the staged state by the segmentation step as it reads it
    // (CustomerFeatures): writing them here and reading them back cost a pass over every customer.
    Dataset<Row> stored =
        ctx.session()
            .read()
            .schema(CustomerState.SCHEMA)
            .parquet(layout.stagingState(runDate, "customers").toString());
    // Reported, not dropped: refunds may leave a customer's net spend at or below zero; refunds
    // dated before the customer's first purchase in the data lower only the net spend. One pass
    // over the state counts these, every customer and those with a purchase (the customer table).
    Column leading = col(CustomerState.LEADING_REFUNDS);
    Row refunds =
        stored
            .agg(
                count(when(col(CustomerState.NET_TOTAL).leq(0), lit(1))),
                count(when(leading.lt(0), lit(1))),
                coalesce(sum(leading), lit(0)).cast(Money.MONEY),
                count(lit(1)),
                count(when(col(CustomerState.PURCHASE_ORDERS).gt(0), lit(1))))
            .first();
    long seen = refunds.getLong(3);
    long customers = refunds.getLong(4);
    ctx.job().putLong(JobKeys.CUSTOMERS_NOT_POSITIVE, refunds.getLong(0));
    Map<String, Object> unmatched = new LinkedHashMap<>();
    unmatched.put("customers", refunds.getLong(1));
    unmatched.put("amount", refunds.getDecimal(2).negate());
    ctx.job().putString(JobKeys.REFUNDS_BEFORE_FIRST_PURCHASE, Json.write(unmatched));
    ctx.job().putLong(CUSTOMERS_SEEN, seen);
    ctx.rows(seen, customers);
  }
}
