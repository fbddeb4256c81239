package org.custseg.state;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;

/**
 * Duplicate detection across runs for an incremental run: the new files' valid rows that an earlier
 * run already took in (a re-sent file) become duplicates. Pure Dataset transformations.
 */
public final class KnownRows {

  private static final String KNOWN = "_known";

  private KnownRows() {}

  /** Valid (clean or later) rows of the new files dated on or before the state's date. */
  public static Dataset<Row> datedOnOrBefore(Dataset<Row> classified, LocalDate stateDate) {
    return classified.where(valid().and(col(Columns.ORDER_DATE).leq(lit(Date.valueOf(stateDate)))));
  }

  /**
   * The keys of {@code rows} found in {@code keyStore} (both with row_key1, row_key2). The rows'
   * keys are few (a day's exports) and broadcast; the store is only scanned.
   */
  public static Dataset<Row> found(Dataset<Row> rows, Dataset<Row> keyStore) {
    Dataset<Row> wanted = rows.select(Columns.ROW_KEY1, Columns.ROW_KEY2).distinct();
    return keyStore
        .select(Columns.ROW_KEY1, Columns.ROW_KEY2)
        .join(broadcast(wanted), joinKeys(), "left_semi")
        .distinct();
  }

  /** Marks the valid rows whose key is in {@code known} as duplicates. */
  public static Dataset<Row> markDuplicates(Dataset<Row> classified, Dataset<Row> known) {
    Dataset<Row> flags =
        known.select(Columns.ROW_KEY1, Columns.ROW_KEY2).distinct().withColumn(KNOWN, lit(true));
    // The flag is decided once, on the row's status before it changes: both the status and the
    // reason follow it.
    Dataset<Row> joined =
        classified
            .join(flags, joinKeys(), "left")
            .withColumn(KNOWN, col(KNOWN).equalTo(true).and(valid()));
    Column dup = col(KNOWN);
    return joined
        .withColumn(
            Columns.STATUS,
            when(dup, lit(RowStatus.DUPLICATE.code())).otherwise(col(Columns.STATUS)))
        .withColumn(Columns.REASON, when(dup, lit("duplicate")).otherwise(col(Columns.REASON)))
        .drop(KNOWN)
        .select(
            classified.columns()[0],
            java.util.Arrays.copyOfRange(classified.columns(), 1, classified.columns().length));
  }

  private static Column valid() {
    return col(Columns.STATUS).isin(RowStatus.CLEAN.code(), RowStatus.LATER.code());
  }

  private static scala.collection.immutable.Seq<String> joinKeys() {
    return scala.jdk.javaapi.CollectionConverters.asScala(
            java.util.List.of(Columns.ROW_KEY1, Columns.ROW_KEY2))
        .toList();
  }
}
