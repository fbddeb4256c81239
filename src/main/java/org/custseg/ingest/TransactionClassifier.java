package org.custseg.ingest;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;
import org.custseg.schema.QuarantineReason;
import org.custseg.schema.RowStatus;

/**
 * Gives every parsed export row a status ({@link RowStatus}) and, when quarantined, a reason code.
 * A pure {@code Dataset -> Dataset} transformation: the run date and the wall clock are arguments.
 *
 * <p>A header line and a blank line are no data rows: they get the status {@code header} or {@code
 * blank} and no reason. Order of the checks on a data row (the first failing one is the reason):
 * the parser's own finding (malformed row, encoding, missing column), missing customer id,
 * unparseable timestamp, implausible date (before the minimum date), invalid amount, zero amount,
 * amount outlier, unknown currency, future timestamp. Rows that pass are deduplicated by {@link
 * #rowKey} (the first occurrence in file-name and line order is kept, the rest are {@code
 * duplicate}), then dated: after the run date is {@code later}, otherwise {@code clean}.
 *
 * <p>Values are normalised first: a customer id written as an integral float ({@code 17850.0})
 * becomes {@code 17850}; currencies are upper-cased; numbers are read with the configured
 * separators; the amount is the amount column or, when none is mapped or the row's file lacks it,
 * quantity x unit price; with a refund id prefix, a positive amount on such a transaction is made
 * negative.
 */
public final class TransactionClassifier {

  public static final String TS = "order_ts_value";
  public static final String AMOUNT_VALUE = "amount_value";

  /**
   * Columns whose equal values make two rows the same transaction ("the same full row"): the typed
   * values, and every field of the export row, mapped or not.
   */
  private static final List<String> DEDUPE_KEY =
      List.of(
          Columns.TRANSACTION_ID,
          Columns.CUSTOMER_ID,
          TS,
          Columns.AMOUNT_ORIGINAL,
          Columns.CURRENCY,
          Columns.QUANTITY,
          Columns.UNIT_PRICE,
          Columns.STORE_ID,
          Columns.CHANNEL,
          Columns.COUNTRY,
          ExportSchema.ALL_FIELDS);

  private TransactionClassifier() {}

  /**
   * A 64-bit hash of the dedupe key, salted so two salts give independent hashes: the one place
   * that says when two rows are the same transaction (within a run and, through the stored row
   * keys, across runs).
   *
   * <ul>
   *   <li>{@code full-row}: every column of {@link #DEDUPE_KEY} contributes, nulls as a sentinel
   *       (Spark's hash functions would skip them, so values shifted between columns could
   *       collide). A row without a transaction id also counts its occurrence among the identical
   *       rows of its file: an export of customer, time and amount alone holds identical lines that
   *       are separate purchases (two items of one price in one basket), while a re-sent copy of
   *       the file repeats them with the same occurrences;
   *   <li>{@code transaction-id}: the id alone, or as {@code full-row} when a row has no id;
   *   <li>{@code none}: the row's file and line, so no two rows are the same (for exports that are
   *       never re-sent and may hold identical rows, e.g. CDNOW's same-day purchases).
   * </ul>
   */
  static Column rowKey(String salt, String dedupeKey) {
    return when(identified(dedupeKey), baseKey(salt, dedupeKey))
        .otherwise(
            xxhash64(
                lit(salt), lit("nth"), contentKey(salt), col(OCCURRENCE_IN_FILE).cast("long")));
  }

  /**
   * The key a row shares with the rows it may duplicate: its id, its place ({@code none}) or its
   * content; the rows of one key are compared in one window partition.
   */
  private static Column baseKey(String salt, String dedupeKey) {
    return switch (dedupeKey) {
      case "transaction-id" ->
          when(
                  col(Columns.TRANSACTION_ID).isNotNull(),
                  xxhash64(lit(salt), lit("id"), col(Columns.TRANSACTION_ID)))
              .otherwise(contentKey(salt));
      case "none" ->
          xxhash64(lit(salt), lit("at"), col(Columns.SOURCE_FILE), col(Columns.LINE_NUMBER));
      default -> contentKey(salt);
    };
  }

  /** Whether a row's key names it alone (an id, or its place under {@code none}). */
  private static Column identified(String dedupeKey) {
    return "none".equals(dedupeKey) ? lit(true) : col(Columns.TRANSACTION_ID).isNotNull();
  }

  /**
   * The hash of every column of {@link #DEDUPE_KEY} ({@link #contentHash}), computed before the
   * dedupe shuffle so that the text of every field does not travel through it.
   */
  private static Column contentKey(String salt) {
    return col(CONTENT + salt);
  }

  private static final String CONTENT = "_content_key_";

  /** The hash of every column of {@link #DEDUPE_KEY}, nulls as a sentinel. */
  private static Column contentHash(String salt) {
    Column[] cols =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(lit(salt)),
                DEDUPE_KEY.stream().map(c -> coalesce(col(c).cast("string"), lit("\u0000"))))
            .toArray(Column[]::new);
    return xxhash64(cols);
  }

  /**
   * Marks the duplicates among rows with the same base key, in one shuffle: the rows are
   * partitioned by that key once, and both windows below (which of the identical rows of its file a
   * row is; what earlier rows held) are computed in those partitions, in file and line order. A row
   * with an id (or under {@code none}) is a duplicate when an earlier row has its key; the n-th
   * identical line of a file without ids, when an earlier file held n such lines.
   */
  private static Dataset<Row> markDuplicates(Dataset<Row> checked, String dedupeKey) {
    Column[] group = {col(BASE1), col(BASE2), col(Columns.REASON)};
    Dataset<Row> keyed =
        checked
            .withColumn(CONTENT + "k1", contentHash("k1"))
            .withColumn(CONTENT + "k2", contentHash("k2"))
            .drop(ExportSchema.ALL_FIELDS)
            .withColumn(BASE1, baseKey("k1", dedupeKey))
            .withColumn(BASE2, baseKey("k2", dedupeKey))
            .repartition(group);
    WindowSpec earlier =
        Window.partitionBy(group)
            .orderBy(col(Columns.SOURCE_FILE), col(Columns.LINE_NUMBER))
            .rowsBetween(Window.unboundedPreceding(), -1);
    Column occurrence =
        row_number()
            .over(
                Window.partitionBy(
                        col(BASE1), col(BASE2), col(Columns.REASON), col(Columns.SOURCE_FILE))
                    .orderBy(col(Columns.LINE_NUMBER)));
    Column duplicate =
        when(identified(dedupeKey), count(lit(1)).over(earlier).gt(0))
            .otherwise(
                coalesce(max(col(OCCURRENCE_IN_FILE)).over(earlier), lit(0))
                    .geq(col(OCCURRENCE_IN_FILE)));
    return keyed
        .withColumn(OCCURRENCE_IN_FILE, occurrence)
        .withColumn(Columns.ROW_KEY1, rowKey("k1", dedupeKey))
        .withColumn(Columns.ROW_KEY2, rowKey("k2", dedupeKey))
        .withColumn(DUPLICATE, col(Columns.REASON).isNull().and(duplicate))
        .drop(BASE1, BASE2, OCCURRENCE_IN_FILE, CONTENT + "k1", CONTENT + "k2");
  }

  private static final String BASE1 = "_base_key1";
  private static final String BASE2 = "_base_key2";
  private static final String DUPLICATE = "_duplicate";
  private static final String OCCURRENCE_IN_FILE = "_occurrence_in_file";

  /**
   * Parses a number written with the configured separators: thousands separators removed, the
   * decimal mark made a dot, a leading {@code +} dropped; {@code null} when it is no number.
   */
  static Column number(Column text, ValidationRules rules) {
    Column t = trim(text);
    if (rules.thousandsSeparator() != null) {
      t = regexp_replace(t, java.util.regex.Pattern.quote(rules.thousandsSeparator()), "");
    }
    if (!".".equals(rules.decimalSeparator())) {
      t = regexp_replace(t, java.util.regex.Pattern.quote(rules.decimalSeparator()), ".");
    }
    return regexp_replace(t, "^\\+", "").try_cast(Money.MONEY);
  }

  public static Dataset<Row> classify(Dataset<Row> parsed, ValidationRules rules) {
    Column ts = null;
    for (String format : rules.timestampFormats()) {
      Column attempt = try_to_timestamp(col(Columns.ORDER_TS), lit(format));
      ts = ts == null ? attempt : coalesce(ts, attempt);
    }
    // quantity x unit price when no amount column is mapped, or when the row's file lacks it
    Column derived =
        rules.amountFromQuantity()
            ? lit(true)
            : coalesce(
                array_contains(split(col(Columns.ABSENT_COLUMNS), ","), Columns.AMOUNT),
                lit(false));
    Column amount =
        when(
                derived,
                number(col(Columns.QUANTITY), rules)
                    .multiply(number(col(Columns.UNIT_PRICE), rules))
                    .try_cast(Money.MONEY))
            .otherwise(number(col(Columns.AMOUNT), rules));
    if (rules.refundIdPrefix() != null) {
      amount =
          when(
                  col(Columns.TRANSACTION_ID).startsWith(rules.refundIdPrefix()).and(amount.gt(0)),
                  functions.negate(amount))
              .otherwise(amount);
    }
    Column amountText =
        when(
                derived,
                concat(
                    coalesce(col(Columns.QUANTITY), lit("(empty)")),
                    lit(" x "),
                    coalesce(col(Columns.UNIT_PRICE), lit("(empty)"))))
            .otherwise(col(Columns.AMOUNT));
    Column customerId = regexp_replace(trim(col(Columns.CUSTOMER_ID)), "^(\\d+)\\.0+$", "$1");
    Column currency = upper(trim(col(Columns.CURRENCY)));
    ExchangeRates rates = rules.rates();
    Column outlier =
        rules.amountOutlier() == null
            ? lit(false)
            : functions
                .abs(coalesce(col(AMOUNT_VALUE), col(Columns.AMOUNT_ORIGINAL)))
                .gt(lit(java.math.BigDecimal.valueOf(rules.amountOutlier())));
    Column rowCurrency = CurrencyConversion.currency(rates);
    Column noRate = col(CurrencyConversion.RATE).isNull();
    Column unknownCurrency =
        rules.currencies().isEmpty()
            ? noRate
            : rowCurrency
                .isNull()
                .or(functions.not(rowCurrency.isin(rules.currencies().toArray())))
                .or(noRate);
    // try_to_timestamp: a file name without a date (or with digits that are no date) gives
    // null, not an error (ANSI mode), and the wall clock applies.
    Column exportDate =
        coalesce(
            to_date(
                try_to_timestamp(
                    regexp_extract(col(Columns.SOURCE_FILE), "(\\d{4}-\\d{2}-\\d{2})[^/]*$", 1),
                    lit("yyyy-MM-dd"))),
            to_date(
                try_to_timestamp(
                    regexp_extract(col(Columns.SOURCE_FILE), "(?<!\\d)(\\d{8})(?!\\d)[^/]*$", 1),
                    lit("yyyyMMdd"))),
            lit(java.sql.Date.valueOf(rules.today())));

    Dataset<Row> normalised =
        parsed
            .withColumn(
                Columns.CUSTOMER_ID, when(customerId.equalTo(""), lit(null)).otherwise(customerId))
            .withColumn(Columns.CURRENCY, when(currency.equalTo(""), lit(null)).otherwise(currency))
            .withColumn(TS, ts)
            .withColumn(Columns.AMOUNT_ORIGINAL, amount)
            .withColumn(Columns.ORDER_DATE, to_date(col(TS)));
    Dataset<Row> checked =
        CurrencyConversion.withRate(normalised, rates)
            .withColumn(
                AMOUNT_VALUE, CurrencyConversion.converted(rates, col(Columns.AMOUNT_ORIGINAL)))
            .withColumn(
                Columns.REASON,
                // a header or blank line takes its kind as a provisional reason: it is no data
                // line, so it is neither validated nor deduplicated
                when(col(ExportSchema.LINE_KIND).isNotNull(), col(ExportSchema.LINE_KIND))
                    .when(col(ExportSchema.PARSE_ERROR).isNotNull(), col(ExportSchema.PARSE_ERROR))
                    .when(
                        col(Columns.CUSTOMER_ID).isNull(),
                        lit(QuarantineReason.MISSING_CUSTOMER_ID.code()))
                    .when(col(TS).isNull(), lit(QuarantineReason.UNPARSEABLE_TIMESTAMP.code()))
                    .when(
                        col(Columns.ORDER_DATE).lt(lit(java.sql.Date.valueOf(rules.minDate()))),
                        lit(QuarantineReason.IMPLAUSIBLE_DATE.code()))
                    .when(
                        col(Columns.AMOUNT_ORIGINAL)
                            .isNull()
                            .or(col(AMOUNT_VALUE).isNull().and(noRate.unary_$bang())),
                        lit(QuarantineReason.INVALID_AMOUNT.code()))
                    .when(
                        col(Columns.AMOUNT_ORIGINAL).equalTo(0).and(lit(!rules.keepZeroAmount())),
                        lit(QuarantineReason.ZERO_AMOUNT.code()))
                    .when(outlier, lit(QuarantineReason.AMOUNT_OUTLIER.code()))
                    .when(unknownCurrency, lit(QuarantineReason.UNKNOWN_CURRENCY.code()))
                    .when(
                        col(Columns.ORDER_DATE)
                            .gt(date_add(exportDate, rules.futureToleranceDays())),
                        lit(QuarantineReason.FUTURE_TIMESTAMP.code())))
            .withColumn(
                Columns.DETAIL,
                when(
                        col(ExportSchema.LINE_KIND)
                            .isNotNull()
                            .or(col(ExportSchema.PARSE_ERROR).isNotNull()),
                        col(ExportSchema.PARSE_DETAIL))
                    .when(
                        col(Columns.REASON)
                            .equalTo(QuarantineReason.UNKNOWN_CURRENCY.code())
                            .and(noRate),
                        CurrencyConversion.noRateDetail(rates))
                    .when(
                        col(Columns.REASON).isNotNull(),
                        concat(
                            lit("value: "),
                            coalesce(
                                when(
                                        col(Columns.REASON)
                                            .equalTo(QuarantineReason.UNPARSEABLE_TIMESTAMP.code()),
                                        col(Columns.ORDER_TS))
                                    .when(
                                        col(Columns.REASON)
                                            .isin(
                                                QuarantineReason.INVALID_AMOUNT.code(),
                                                QuarantineReason.ZERO_AMOUNT.code()),
                                        amountText)
                                    .when(
                                        col(Columns.REASON)
                                            .equalTo(QuarantineReason.AMOUNT_OUTLIER.code()),
                                        col(AMOUNT_VALUE).cast("string"))
                                    .when(
                                        col(Columns.REASON)
                                            .equalTo(QuarantineReason.UNKNOWN_CURRENCY.code()),
                                        rowCurrency)
                                    .when(
                                        col(Columns.REASON)
                                            .equalTo(QuarantineReason.FUTURE_TIMESTAMP.code()),
                                        col(Columns.ORDER_TS))
                                    .when(
                                        col(Columns.REASON)
                                            .equalTo(QuarantineReason.IMPLAUSIBLE_DATE.code()),
                                        concat(
                                            col(Columns.ORDER_TS),
                                            lit(
                                                " (before segmentation.quality.min-date "
                                                    + rules.minDate()
                                                    + ")"))),
                                lit("(empty)")))));

    // Valid rows are compared among themselves only (the reason is part of the key), so a
    // quarantined copy never makes a valid row look like a duplicate.
    Dataset<Row> ranked = markDuplicates(checked, rules.dedupeKey());

    return ranked
        .withColumn(
            Columns.STATUS,
            when(
                    col(ExportSchema.LINE_KIND).equalTo(ExportSchema.HEADER_LINE),
                    lit(RowStatus.HEADER.code()))
                .when(
                    col(ExportSchema.LINE_KIND).equalTo(ExportSchema.BLANK_LINE),
                    lit(RowStatus.BLANK.code()))
                .when(col(Columns.REASON).isNotNull(), lit(RowStatus.QUARANTINED.code()))
                .when(col(DUPLICATE), lit(RowStatus.DUPLICATE.code()))
                .when(
                    col(Columns.ORDER_DATE).gt(lit(java.sql.Date.valueOf(rules.runDate()))),
                    lit(RowStatus.LATER.code()))
                .otherwise(lit(RowStatus.CLEAN.code())))
        .withColumn(
            Columns.REASON,
            when(col(ExportSchema.LINE_KIND).isNotNull(), lit(null))
                .when(col(Columns.STATUS).equalTo(RowStatus.DUPLICATE.code()), lit("duplicate"))
                .otherwise(col(Columns.REASON)))
        // Without a transaction id, a customer's rows at one moment are one order (a basket:
        // an export of lines repeats the time on every line of it); rows without a time keep
        // their place in the file as their id.
        .withColumn(
            Columns.TRANSACTION_ID,
            coalesce(
                col(Columns.TRANSACTION_ID),
                concat(lit("@"), col(TS).cast("string")),
                concat(col(Columns.SOURCE_FILE), lit("#"), col(Columns.LINE_NUMBER))))
        .drop(
            DUPLICATE,
            ExportSchema.LINE_KIND,
            ExportSchema.PARSE_ERROR,
            ExportSchema.PARSE_DETAIL,
            CurrencyConversion.RATE,
            ExportSchema.ALL_FIELDS);
  }
}
