package org.custseg.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.custseg.features.Columns;

/**
 * Gives every parsed export row a status ({@link RowStatus}) and, when quarantined, a reason code.
 * A pure {@code Dataset -> Dataset} transformation: the run date and the wall clock are arguments.
 *
 * <p>Order of the checks (the first failing one is the reason): the parser's own finding
 * (malformed row, encoding, missing column), missing customer id, unparseable timestamp, invalid
 * amount, zero amount, future timestamp. Rows that pass are deduplicated (the first occurrence in
 * file-name and line order is kept, the rest are {@code duplicate}), then dated: after the run date
 * is {@code later}, otherwise {@code clean}.
 */
public final class TransactionClassifier {

  public static final String STATUS = "status";
  public static final String TS = "order_ts_value";
  public static final String AMOUNT_VALUE = "amount_value";
  /** Two independent 64-bit hashes of the dedupe key: a row's identity across runs. */
  public static final String KEY1 = "row_key1";
  public static final String KEY2 = "row_key2";

  /** Columns whose equal values make two rows the same transaction. */
  private static final List<String> DEDUPE_KEY = List.of(Columns.TRANSACTION_ID,
      Columns.CUSTOMER_ID, TS, AMOUNT_VALUE, Columns.CURRENCY, Columns.QUANTITY,
      Columns.UNIT_PRICE, Columns.STORE_ID, Columns.CHANNEL, Columns.COUNTRY);

  private TransactionClassifier() {}

  /**
   * A 64-bit hash of the dedupe key columns, salted so two salts give independent hashes. Every
   * column contributes, nulls as a sentinel (Spark's hash functions would skip them, so values
   * shifted between columns could collide).
   */
  static Column rowKey(String salt) {
    Column[] cols = java.util.stream.Stream.concat(java.util.stream.Stream.of(lit(salt)),
        DEDUPE_KEY.stream().map(c -> coalesce(col(c).cast("string"), lit("\u0000")))).toArray(
            Column[]::new);
    return xxhash64(cols);
  }

  public static Dataset<Row> classify(Dataset<Row> parsed, ValidationRules rules) {
    Column ts = null;
    for (String format : rules.timestampFormats()) {
      Column attempt = try_to_timestamp(col(Columns.ORDER_TS), lit(format));
      ts = ts == null ? attempt : coalesce(ts, attempt);
    }
    Column amount = regexp_replace(trim(col(Columns.AMOUNT)), "^\\+", "")
        .try_cast(ExportSchema.MONEY);
    // A file name without a date extracts "": no date (to_date("") fails under ANSI mode).
    Column isoName = regexp_extract(col(Columns.SOURCE_FILE), "(\\d{4}-\\d{2}-\\d{2})[^/]*$", 1);
    Column compactName =
        regexp_extract(col(Columns.SOURCE_FILE), "(?<!\\d)(\\d{8})(?!\\d)[^/]*$", 1);
    Column exportDate = coalesce(
        when(isoName.notEqual(""), to_date(isoName)),
        when(compactName.notEqual(""), to_date(compactName, "yyyyMMdd")),
        lit(java.sql.Date.valueOf(rules.today())));

    Dataset<Row> checked = parsed
        .withColumn(TS, ts)
        .withColumn(AMOUNT_VALUE, amount)
        .withColumn(Columns.ORDER_DATE, to_date(col(TS)))
        .withColumn(Columns.REASON,
            when(col(ExportSchema.PARSE_ERROR).isNotNull(), col(ExportSchema.PARSE_ERROR))
                .when(col(Columns.CUSTOMER_ID).isNull(),
                    lit(QuarantineReason.MISSING_CUSTOMER_ID.code()))
                .when(col(TS).isNull(), lit(QuarantineReason.UNPARSEABLE_TIMESTAMP.code()))
                .when(col(AMOUNT_VALUE).isNull(), lit(QuarantineReason.INVALID_AMOUNT.code()))
                .when(col(AMOUNT_VALUE).equalTo(0).and(lit(!rules.keepZeroAmount())),
                    lit(QuarantineReason.ZERO_AMOUNT.code()))
                .when(col(Columns.ORDER_DATE)
                        .gt(date_add(exportDate, rules.futureToleranceDays())),
                    lit(QuarantineReason.FUTURE_TIMESTAMP.code())))
        .withColumn(Columns.DETAIL,
            when(col(ExportSchema.PARSE_ERROR).isNotNull(), col(ExportSchema.PARSE_DETAIL))
                .when(col(Columns.REASON).isNotNull(),
                    concat(lit("value: "), coalesce(
                        when(col(Columns.REASON).equalTo(
                            QuarantineReason.UNPARSEABLE_TIMESTAMP.code()), col(Columns.ORDER_TS))
                            .when(col(Columns.REASON).isin(
                                QuarantineReason.INVALID_AMOUNT.code(),
                                QuarantineReason.ZERO_AMOUNT.code()), col(Columns.AMOUNT))
                            .when(col(Columns.REASON).equalTo(
                                QuarantineReason.FUTURE_TIMESTAMP.code()), col(Columns.ORDER_TS)),
                        lit("(empty)")))));

    // Valid rows are numbered among themselves only (the reason is part of the key), so a
    // quarantined copy never makes a valid row look like a duplicate.
    checked = checked.withColumn(KEY1, rowKey("k1")).withColumn(KEY2, rowKey("k2"));
    Column firstOccurrence = row_number().over(Window
        .partitionBy(col(KEY1), col(KEY2), col(Columns.REASON))
        .orderBy(col(Columns.SOURCE_FILE), col(Columns.LINE_NUMBER)));
    Column valid = col(Columns.REASON).isNull();
    Dataset<Row> ranked = checked.withColumn("_occurrence",
        when(valid, firstOccurrence).otherwise(lit(1)));

    return ranked
        .withColumn(STATUS,
            when(col(Columns.REASON).isNotNull(), lit(RowStatus.QUARANTINED.code()))
                .when(col("_occurrence").gt(1), lit(RowStatus.DUPLICATE.code()))
                .when(col(Columns.ORDER_DATE).gt(lit(java.sql.Date.valueOf(rules.runDate()))),
                    lit(RowStatus.LATER.code()))
                .otherwise(lit(RowStatus.CLEAN.code())))
        .withColumn(Columns.REASON, when(col(STATUS).equalTo(RowStatus.DUPLICATE.code()),
            lit("duplicate")).otherwise(col(Columns.REASON)))
        .withColumn(Columns.TRANSACTION_ID, coalesce(col(Columns.TRANSACTION_ID),
            concat(col(Columns.SOURCE_FILE), lit("#"), col(Columns.LINE_NUMBER))))
        .drop("_occurrence", ExportSchema.PARSE_ERROR, ExportSchema.PARSE_DETAIL);
  }
}
