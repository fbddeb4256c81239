package org.custseg.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;
import org.custseg.schema.RowStatus;

/**
 * The classified lines as the ingest step stores them (Parquet, partitioned by status): typed
 * values for every data row, and the original line only for rows that were quarantined, duplicate
 * or later. Header and blank lines are kept as rows of their own status (no values, no text), so
 * that the counts account for every physical line.
 */
public final class ClassifiedRows {

  public static final StructType SCHEMA =
      new StructType()
          .add(Columns.SOURCE_FILE, DataTypes.StringType)
          .add(Columns.LINE_NUMBER, DataTypes.LongType)
          .add(Columns.RAW_LINE, DataTypes.StringType)
          .add(Columns.TRANSACTION_ID, DataTypes.StringType)
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.ORDER_TS, DataTypes.TimestampType)
          .add(Columns.ORDER_DATE, DataTypes.DateType)
          .add(Columns.AMOUNT, Money.MONEY)
          .add(Columns.AMOUNT_ORIGINAL, Money.MONEY)
          .add(Columns.CURRENCY, DataTypes.StringType)
          .add(Columns.STORE_ID, DataTypes.StringType)
          .add(Columns.CHANNEL, DataTypes.StringType)
          .add(Columns.COUNTRY, DataTypes.StringType)
          .add(Columns.REASON, DataTypes.StringType)
          .add(Columns.DETAIL, DataTypes.StringType)
          .add(Columns.ROW_KEY1, DataTypes.LongType)
          .add(Columns.ROW_KEY2, DataTypes.LongType)
          .add(Columns.STATUS, DataTypes.StringType)
          .add(Columns.ABSENT_COLUMNS, DataTypes.StringType);

  private ClassifiedRows() {}

  /** Projects {@link TransactionClassifier#classify} output onto {@link #SCHEMA}. */
  public static Dataset<Row> project(Dataset<Row> classified) {
    return classified.select(
        col(Columns.SOURCE_FILE),
        col(Columns.LINE_NUMBER),
        when(
                col(Columns.STATUS)
                    .isin(RowStatus.CLEAN.code(), RowStatus.HEADER.code(), RowStatus.BLANK.code()),
                lit(null))
            .otherwise(col(Columns.RAW_LINE))
            .as(Columns.RAW_LINE),
        col(Columns.TRANSACTION_ID),
        col(Columns.CUSTOMER_ID),
        col(TransactionClassifier.TS).as(Columns.ORDER_TS),
        col(Columns.ORDER_DATE),
        col(TransactionClassifier.AMOUNT_VALUE).as(Columns.AMOUNT),
        col(Columns.AMOUNT_ORIGINAL),
        col(Columns.CURRENCY),
        col(Columns.STORE_ID),
        col(Columns.CHANNEL),
        col(Columns.COUNTRY),
        col(Columns.REASON),
        col(Columns.DETAIL),
        col(Columns.ROW_KEY1),
        col(Columns.ROW_KEY2),
        col(Columns.STATUS),
        col(Columns.ABSENT_COLUMNS));
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().schema(SCHEMA).parquet(path);
  }

  public static Dataset<Row> withStatus(Dataset<Row> rows, RowStatus... statuses) {
    Object[] codes = java.util.Arrays.stream(statuses).map(RowStatus::code).toArray();
    return rows.where(col(Columns.STATUS).isin(codes));
  }
}
