package org.custseg.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;

/**
 * Amounts into the reporting currency ({@link ExchangeRates}): a row's currency is its currency
 * cell, or, when the cell is empty or the file has no currency column, the reporting currency. Its
 * rate is 1 in the reporting currency, otherwise the rate of its currency with the latest {@code
 * valid_from} on or before its order date (a broadcast join with the small rates table), or none.
 * The converted amount is amount x rate, rounded half-even to four decimals ({@link Money#MONEY}).
 * Without a reporting currency amounts stay as they are.
 */
final class CurrencyConversion {

  /** The row's rate; null when its currency has no rate on its order date. */
  static final String RATE = "_rate";

  private CurrencyConversion() {}

  /**
   * The currency a row's amount is in: its (normalised) currency, or the reporting currency when
   * none is stated and one is set.
   */
  static Column currency(ExchangeRates rates) {
    return rates.converts()
        ? coalesce(col(Columns.CURRENCY), lit(rates.reportingCurrency()))
        : col(Columns.CURRENCY);
  }

  /** {@code rows} (with the normalised currency and the order date) with their {@link #RATE}. */
  static Dataset<Row> withRate(Dataset<Row> rows, ExchangeRates rates) {
    if (!rates.converts()) {
      return rows.withColumn(RATE, lit(BigDecimal.ONE).cast(Money.RATE));
    }
    Column same = currency(rates).equalTo(rates.reportingCurrency());
    if (rates.rates().isEmpty()) {
      return rows.withColumn(RATE, when(same, lit(BigDecimal.ONE)).cast(Money.RATE));
    }
    Column date = col(Columns.ORDER_DATE);
    Column matches =
        currency(rates)
            .equalTo(col(ExchangeRates.CURRENCY))
            .and(date.geq(col(ExchangeRates.FROM)))
            .and(col(ExchangeRates.UNTIL).isNull().or(date.lt(col(ExchangeRates.UNTIL))));
    return rows.join(broadcast(rates.table(rows.sparkSession())), matches, "left")
        .withColumn(
            RATE,
            when(same, lit(BigDecimal.ONE)).otherwise(col(ExchangeRates.RATE)).cast(Money.RATE))
        .drop(ExchangeRates.CURRENCY, ExchangeRates.FROM, ExchangeRates.UNTIL, ExchangeRates.RATE);
  }

  /** {@code amount} in the reporting currency: null when the row has no rate or overflows. */
  static Column converted(ExchangeRates rates, Column amount) {
    return rates.converts()
        ? bround(amount.multiply(col(RATE)), Money.MONEY.scale()).try_cast(Money.MONEY)
        : amount;
  }

  /** Why a row has no rate, e.g. {@code no rate for CHF on 2024-01-03 in rates.csv}. */
  static Column noRateDetail(ExchangeRates rates) {
    return concat(
        lit("no rate for "),
        currency(rates),
        lit(" on "),
        col(Columns.ORDER_DATE).cast("string"),
        lit(
            rates.file() == null
                ? " (segmentation.money.rates is not set)"
                : " in " + rates.file()));
  }
}
