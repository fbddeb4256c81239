package org.custseg.features;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.map_zip_with;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;

/**
 * Per-customer sufficient statistics as of a date S: everything the features and value models need,
 * and nothing that grows with the customer's history except the daily net amounts of the trailing
 * window. States merge exactly: the state of S merged with the state of the transactions dated
 * after S equals the state computed from all transactions, so a nightly run can read yesterday's
 * state plus today's exports instead of all history.
 *
 * <p>Orders, purchases and where a refund nets are those of {@link Orders}.
 */
public final class CustomerState {

  public static final String PURCHASE_ORDERS = "purchase_orders";
  public static final String PURCHASE_DAYS = "purchase_days";
  public static final String NET_TOTAL = "net_total";

  /**
   * Net value of the first purchase day: its purchases and the refunds attributed to it (dated on
   * it or later, before the second purchase day). 0 without a purchase.
   */
  public static final String FIRST_DAY_NET = "first_day_net";

  /**
   * Net value of the repeat purchase days: their purchases and the refunds dated on or after the
   * second purchase day.
   */
  public static final String REPEAT_NET = "repeat_net";

  /**
   * Refunds dated before the first purchase day (their order predates the data): they lower only
   * the net spend. {@code NET_TOTAL = FIRST_DAY_NET + REPEAT_NET + LEADING_REFUNDS}.
   */
  public static final String LEADING_REFUNDS = "leading_refunds";

  /** Net amount per day, for the days inside the trailing window: array of (day, net). */
  public static final String RECENT_DAYS = "recent_days";

  public static final String DAY = "day";
  public static final String NET = "net";

  /** Attributes whose value counts the state keeps, for the breakdowns by attribute. */
  public static final List<String> ATTRIBUTES = List.of(Columns.COUNTRY, Columns.CHANNEL);

  /** The state column counting the rows per value of an attribute. */
  public static String counts(String attribute) {
    return attribute + "_counts";
  }

  private static final org.apache.spark.sql.types.MapType COUNTS =
      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType);

  public static final StructType SCHEMA =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.FIRST_PURCHASE_DATE, DataTypes.DateType)
          .add(Columns.LAST_PURCHASE_DATE, DataTypes.DateType)
          .add(PURCHASE_ORDERS, DataTypes.LongType)
          .add(PURCHASE_DAYS, DataTypes.LongType)
          .add(NET_TOTAL, Money.TOTAL)
          .add(Columns.REFUND_TOTAL, Money.TOTAL)
          .add(FIRST_DAY_NET, Money.TOTAL)
          .add(REPEAT_NET, Money.TOTAL)
          .add(LEADING_REFUNDS, Money.TOTAL)
          .add(
              RECENT_DAYS,
              DataTypes.createArrayType(
                  new StructType().add(DAY, DataTypes.DateType).add(NET, Money.TOTAL)))
          .add(counts(Columns.COUNTRY), COUNTS)
          .add(counts(Columns.CHANNEL), COUNTS);

  private CustomerState() {}

  /**
   * The state of the given clean transactions ({@code customer_id, transaction_id, order_date,
   * amount}) as of {@code asOf}, keeping the daily amounts of the {@code windowDays} days up to and
   * including {@code asOf}.
   */
  public static Dataset<Row> fromTransactions(Dataset<Row> clean, LocalDate asOf, int windowDays) {
    // One shuffle by customer and a sort within partitions; then each partition is read once
    // by StateBuilder (orders, days and customers are runs of adjacent rows). Spark's
    // aggregations would need several aggregation levels, joins for the attribute counts and
    // per-customer object buffers (collect_list, maps), which cost several times more.
    List<String> present = java.util.Arrays.asList(clean.columns());
    List<Column> columns =
        new java.util.ArrayList<>(
            List.of(
                col(Columns.CUSTOMER_ID),
                col(Columns.TRANSACTION_ID),
                col(Columns.ORDER_DATE),
                col(Columns.AMOUNT).cast(Money.TOTAL).as(Columns.AMOUNT)));
    int[] attributeColumns = new int[ATTRIBUTES.size()];
    for (int i = 0; i < ATTRIBUTES.size(); i++) {
      String a = ATTRIBUTES.get(i);
      attributeColumns[i] = present.contains(a) ? columns.size() : -1;
      if (present.contains(a)) {
        columns.add(col(a).cast("string").as(a));
      }
    }
    StateBuilder builder = new StateBuilder(asOf, windowDays, attributeColumns);
    return clean
        .select(columns.toArray(Column[]::new))
        .repartition(col(Columns.CUSTOMER_ID))
        .sortWithinPartitions(Columns.CUSTOMER_ID, Columns.ORDER_DATE, Columns.TRANSACTION_ID)
        .mapPartitions((MapPartitionsFunction<Row, Row>) builder::build, Encoders.row(SCHEMA));
  }

  /** The customer's most frequent value of an attribute (ties: the value that sorts first). */
  public static Column mostFrequent(String attribute) {
    return array_min(
            transform(
                map_entries(col(counts(attribute))),
                e -> struct(e.getField("value").multiply(-1).as("n"), e.getField("key").as("v"))))
        .getField("v");
  }

  /** Delta states up to this many customers are broadcast by {@link #merge}. */
  public static final long BROADCAST_DELTA_CUSTOMERS = 250_000;

  /**
   * Merges the state of S with the state of transactions dated strictly after S (as of D > S),
   * dropping daily amounts that left the window ending on {@code asOf}.
   */
  public static Dataset<Row> merge(
      Dataset<Row> old, Dataset<Row> delta, LocalDate asOf, int windowDays) {
    return merge(old, delta, asOf, windowDays, false);
  }

  /**
   * @param smallDelta the delta holds few customers (a night's new data): it is broadcast, and the
   *     old state (one row per customer ever seen) is read in a stream, never shuffled. The delta
   *     is read three times then: the caller should persist it.
   */
  public static Dataset<Row> merge(
      Dataset<Row> old, Dataset<Row> delta, LocalDate asOf, int windowDays, boolean smallDelta) {
    Column key = col("o." + Columns.CUSTOMER_ID).equalTo(col("d." + Columns.CUSTOMER_ID));
    Column cutoff = lit(Date.valueOf(asOf.minusDays(windowDays)));
    if (!smallDelta) {
      return merged(old.alias("o").join(delta.alias("d"), key, "full_outer"), cutoff);
    }
    Dataset<Row> known =
        old.select(Columns.CUSTOMER_ID)
            .join(broadcast(delta.select(Columns.CUSTOMER_ID)), Columns.CUSTOMER_ID, "left_semi");
    Dataset<Row> added = delta.join(broadcast(known), Columns.CUSTOMER_ID, "left_anti");
    Dataset<Row> updated = old.alias("o").join(broadcast(delta).alias("d"), key, "left_outer");
    // New customers: joined to no old row (an empty old side), so one merge expression serves.
    Dataset<Row> fresh = old.limit(0).alias("o").join(added.alias("d"), key, "right_outer");
    return merged(updated, cutoff).unionByName(merged(fresh, cutoff));
  }

  /**
   * The merged state of a join of old ("o") and delta ("d") states, in the state's order and types.
   * The daily amounts stay sorted without sorting: the old ones are all on or before S, the delta's
   * after S. Counts are re-sorted only where the delta adds some.
   *
   * <p>Refund netting: when the old state has a purchase, the delta's leading refunds (dated after
   * S, before the delta's first purchase day) belong to the old latest purchase day: the first
   * day's value when the old state has one purchase day, the repeat value otherwise; and the
   * delta's first-day and repeat values are repeat value. Otherwise the delta's values stand and
   * the leading refunds add up.
   */
  private static Dataset<Row> merged(Dataset<Row> joined, Column cutoff) {
    Column zero = lit(0).cast(Money.TOTAL);
    Column oldBought = col("o." + Columns.FIRST_PURCHASE_DATE).isNotNull();
    Column oneDay = col("o." + PURCHASE_DAYS).equalTo(1);
    Column deltaLeading = coalesce(col("d." + LEADING_REFUNDS), zero);
    Column emptyDays = array().cast(SCHEMA.apply(RECENT_DAYS).dataType());
    Column hasDelta = col("d." + Columns.CUSTOMER_ID).isNotNull();
    return joined.select(
        coalesce(col("o." + Columns.CUSTOMER_ID), col("d." + Columns.CUSTOMER_ID))
            .as(Columns.CUSTOMER_ID),
        least(col("o." + Columns.FIRST_PURCHASE_DATE), col("d." + Columns.FIRST_PURCHASE_DATE))
            .as(Columns.FIRST_PURCHASE_DATE),
        greatest(col("o." + Columns.LAST_PURCHASE_DATE), col("d." + Columns.LAST_PURCHASE_DATE))
            .as(Columns.LAST_PURCHASE_DATE),
        plus("o." + PURCHASE_ORDERS, "d." + PURCHASE_ORDERS, lit(0L))
            .cast("long")
            .as(PURCHASE_ORDERS),
        plus("o." + PURCHASE_DAYS, "d." + PURCHASE_DAYS, lit(0L)).cast("long").as(PURCHASE_DAYS),
        plus("o." + NET_TOTAL, "d." + NET_TOTAL, zero).cast(Money.TOTAL).as(NET_TOTAL),
        plus("o." + Columns.REFUND_TOTAL, "d." + Columns.REFUND_TOTAL, zero)
            .cast(Money.TOTAL)
            .as(Columns.REFUND_TOTAL),
        when(oldBought, col("o." + FIRST_DAY_NET).plus(when(oneDay, deltaLeading).otherwise(zero)))
            .otherwise(coalesce(col("d." + FIRST_DAY_NET), zero))
            .cast(Money.TOTAL)
            .as(FIRST_DAY_NET),
        when(
                oldBought,
                col("o." + REPEAT_NET)
                    .plus(when(oneDay, zero).otherwise(deltaLeading))
                    .plus(coalesce(col("d." + FIRST_DAY_NET), zero))
                    .plus(coalesce(col("d." + REPEAT_NET), zero)))
            .otherwise(coalesce(col("d." + REPEAT_NET), zero))
            .cast(Money.TOTAL)
            .as(REPEAT_NET),
        when(oldBought, col("o." + LEADING_REFUNDS))
            .otherwise(plus("o." + LEADING_REFUNDS, "d." + LEADING_REFUNDS, zero))
            .cast(Money.TOTAL)
            .as(LEADING_REFUNDS),
        filter(
                concat(
                    coalesce(col("o." + RECENT_DAYS), emptyDays),
                    coalesce(col("d." + RECENT_DAYS), emptyDays)),
                e -> e.getField(DAY).gt(cutoff))
            .cast(SCHEMA.apply(RECENT_DAYS).dataType())
            .as(RECENT_DAYS),
        mergeCounts(Columns.COUNTRY, hasDelta),
        mergeCounts(Columns.CHANNEL, hasDelta));
  }

  private static Column mergeCounts(String attribute, Column hasDelta) {
    String c = counts(attribute);
    Column empty = map().cast(COUNTS);
    Column zipped =
        map_zip_with(
            coalesce(col("o." + c), empty),
            coalesce(col("d." + c), empty),
            (k, v1, v2) -> coalesce(v1, lit(0L)).plus(coalesce(v2, lit(0L))));
    return when(hasDelta.and(col("d." + c).isNotNull()), sortedCounts(zipped))
        .otherwise(col("o." + c))
        .cast(COUNTS)
        .as(c);
  }

  private static Column plus(String a, String b, Column zero) {
    return coalesce(col(a), zero).plus(coalesce(col(b), zero));
  }

  /** The state's column order and types, and its daily amounts sorted by day. */
  static Dataset<Row> normalise(Dataset<Row> state) {
    return state.select(
        col(Columns.CUSTOMER_ID),
        col(Columns.FIRST_PURCHASE_DATE),
        col(Columns.LAST_PURCHASE_DATE),
        col(PURCHASE_ORDERS).cast("long").as(PURCHASE_ORDERS),
        col(PURCHASE_DAYS).cast("long").as(PURCHASE_DAYS),
        col(NET_TOTAL).cast(Money.TOTAL).as(NET_TOTAL),
        col(Columns.REFUND_TOTAL).cast(Money.TOTAL).as(Columns.REFUND_TOTAL),
        col(FIRST_DAY_NET).cast(Money.TOTAL).as(FIRST_DAY_NET),
        col(REPEAT_NET).cast(Money.TOTAL).as(REPEAT_NET),
        col(LEADING_REFUNDS).cast(Money.TOTAL).as(LEADING_REFUNDS),
        array_sort(col(RECENT_DAYS)).cast(SCHEMA.apply(RECENT_DAYS).dataType()).as(RECENT_DAYS),
        sortedCounts(Columns.COUNTRY),
        sortedCounts(Columns.CHANNEL));
  }

  /** Counts as a map with its keys in order (map equality in Spark is order-sensitive). */
  private static Column sortedCounts(String attribute) {
    return sortedCounts(col(counts(attribute))).as(counts(attribute));
  }

  /** The map with its keys in order; null when empty or null. */
  private static Column sortedCounts(Column counts) {
    Column entries = array_sort(map_entries(coalesce(counts, map().cast(COUNTS))));
    return when(size(counts).gt(0), map_from_entries(entries)).cast(COUNTS);
  }

  /**
   * The sums of the daily net amounts after {@code from} and after {@code mid} (both exclusive), up
   * to {@code to} (inclusive), in one pass over the days: a struct of {@code all} and {@code
   * recent} (the amounts between {@code from} and {@code mid} are their difference).
   */
  static Column windowSums(LocalDate from, LocalDate mid, LocalDate to) {
    Column zero = lit(0).cast(Money.TOTAL);
    Column lo = lit(Date.valueOf(from));
    Column middle = lit(Date.valueOf(mid));
    Column hi = lit(Date.valueOf(to));
    return aggregate(
        col(RECENT_DAYS),
        struct(zero.as("all"), zero.as("recent")),
        (acc, e) -> {
          Column day = e.getField(DAY);
          Column net = e.getField(NET);
          Column upTo = day.leq(hi);
          return struct(
              acc.getField("all")
                  .plus(when(day.gt(lo).and(upTo), net).otherwise(zero))
                  .cast(Money.TOTAL)
                  .as("all"),
              acc.getField("recent")
                  .plus(when(day.gt(middle).and(upTo), net).otherwise(zero))
                  .cast(Money.TOTAL)
                  .as("recent"));
        });
  }

  static Column money(Column c) {
    return c.cast(Money.MONEY);
  }
}
