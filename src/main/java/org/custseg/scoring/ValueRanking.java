package org.custseg.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.spark_partition_id;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.custseg.schema.Columns;

/**
 * {@code value_rank}: 1 for the most valuable customer. Active customers come first, by value
 * (descending), ties broken by customer id (ascending) so the order is total and reproducible;
 * inactive customers follow in the same order.
 *
 * <p>Ranked by one distributed sort: the sorted table is persisted with each row's partition and
 * position in it; one small aggregation counts the rows per partition (as many rows as partitions
 * reach the driver), and a customer's rank is the rows of the partitions before its own plus its
 * position. The result stays sorted (partition by partition, in rank order) and persisted: later
 * passes (the tiers' summaries, the Parquet and CSV outputs) reuse it; the caller's step clears
 * Spark's cache at its end.
 */
public final class ValueRanking {

  private static final String PARTITION = "_rank_partition";
  private static final String POSITION = "_rank_position";

  private ValueRanking() {}

  /** Customers per partition of the ranked table (and so per part file of its outputs). */
  static final long ROWS_PER_PARTITION = 1_000_000;

  /**
   * @param customerCount the number of customers, which sizes the partitions of the sort (a
   *     partition for every {@link #ROWS_PER_PARTITION} customers, at least one per core)
   */
  public static Dataset<Row> rank(Dataset<Row> customers, String valueColumn, long customerCount) {
    Column[] order = {
      col(Columns.IS_ACTIVE).desc(),
      col(valueColumn).desc_nulls_last(),
      col(Columns.CUSTOMER_ID).asc()
    };
    int ranges =
        (int)
            Math.max(
                customers.sparkSession().sparkContext().defaultParallelism(),
                Math.min(10_000, (customerCount + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
    Dataset<Row> sorted =
        customers
            .repartitionByRange(ranges, order)
            .sortWithinPartitions(order)
            .withColumn(PARTITION, spark_partition_id())
            .withColumn(POSITION, monotonically_increasing_id())
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<Row> sizes = sorted.groupBy(col(PARTITION)).agg(count(lit(1))).collectAsList();
    int partitions = sizes.stream().mapToInt(r -> r.getInt(0) + 1).max().orElse(0);
    long[] rows = new long[partitions];
    for (Row r : sizes) {
      rows[r.getInt(0)] = r.getLong(1);
    }
    Column[] before = new Column[Math.max(partitions, 1)];
    long sum = 0;
    for (int p = 0; p < before.length; p++) {
      before[p] = lit(sum);
      sum += p < partitions ? rows[p] : 0;
    }
    // monotonically_increasing_id = partition index << 33 + position within the partition
    Column position = col(POSITION).minus(col(PARTITION).cast("long").multiply(1L << 33));
    Column offset =
        element_at(org.apache.spark.sql.functions.array(before), col(PARTITION).plus(1));
    return sorted
        .withColumn(Columns.VALUE_RANK, offset.plus(position).plus(1))
        .drop(PARTITION, POSITION);
  }
}
