package org.custseg.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.ConfigurationException;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;

/**
 * The currency every money figure of a run is in, and where it comes from: the setting {@code
 * segmentation.money.currency}; otherwise the data, when its usable rows hold one currency; or "not
 * stated" when they state none. Usable rows in several currencies without the setting stop the run:
 * their sums would add up different currencies.
 *
 * @param currency the ISO code, or {@code null} when not stated
 * @param source {@link #SETTING}, {@link #DATA} or {@link #NOT_STATED}
 * @param ratesFile the rates file converted with, or {@code null}
 * @param convertedRows clean rows converted into the currency, by their own currency
 */
public record ReportingCurrency(
    String currency, String source, String ratesFile, Map<String, Long> convertedRows) {

  public static final String SETTING = "segmentation.money.currency";
  public static final String DATA = "the data";
  public static final String NOT_STATED = "not stated";

  /** At most this many distinct currencies are fetched to name them. */
  private static final int NAMED = 50;

  /** The ISO code, or "" when not stated. */
  public String code() {
    return currency == null ? "" : currency;
  }

  /**
   * The run's currency for {@code classified} (before it is stored): the configured one, or the one
   * its valid rows (and {@code earlier}, the currency of the state an incremental run continues)
   * state. Fails with a {@link ConfigurationException} (exit 2) when they state several and none is
   * configured; checking that costs one small aggregation, only when none is configured.
   */
  static ReportingCurrency of(
      ExchangeRates rates, Dataset<Row> classified, Optional<String> earlier) {
    if (rates.converts()) {
      return new ReportingCurrency(rates.reportingCurrency(), SETTING, rates.file(), Map.of());
    }
    TreeSet<String> found = new TreeSet<>();
    earlier.filter(c -> !c.isEmpty()).ifPresent(found::add);
    ClassifiedRows.withStatus(classified, RowStatus.CLEAN, RowStatus.LATER)
        .select(Columns.CURRENCY)
        .where(col(Columns.CURRENCY).isNotNull())
        .distinct()
        .limit(NAMED)
        .collectAsList()
        .forEach(r -> found.add(r.getString(0)));
    if (found.size() > 1) {
      throw new ConfigurationException(
          "the input holds "
              + (found.size() < NAMED ? "" : "at least ")
              + found.size()
              + " currencies ("
              + String.join(", ", found)
              + ") and no reporting currency is set: set segmentation.money.currency and "
              + "segmentation.money.rates (a "
              + ExchangeRates.HEADER
              + " file)");
    }
    return found.isEmpty()
        ? new ReportingCurrency(null, NOT_STATED, null, Map.of())
        : new ReportingCurrency(found.first(), DATA, null, Map.of());
  }

  /** The same, counting the clean rows of {@code stored} that were converted (one aggregation). */
  public ReportingCurrency withConvertedRows(Dataset<Row> stored) {
    if (!SETTING.equals(source)) {
      return this;
    }
    Map<String, Long> converted = new TreeMap<>();
    List<Row> counts =
        ClassifiedRows.withStatus(stored, RowStatus.CLEAN)
            .where(col(Columns.CURRENCY).isNotNull().and(col(Columns.CURRENCY).notEqual(currency)))
            .groupBy(Columns.CURRENCY)
            .count()
            .collectAsList();
    counts.forEach(r -> converted.put(r.getString(0), r.getLong(1)));
    return new ReportingCurrency(currency, source, ratesFile, converted);
  }
}
