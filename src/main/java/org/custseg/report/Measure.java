package org.custseg.report;

import java.util.Arrays;
import java.util.Optional;
import org.custseg.report.html.ReportLabels;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;

/**
 * The vocabulary of the measures and axes: which customer-table column a figure sums or plots, and
 * the words that say so with its window ("Net spend, trailing 365 days"). The words live in the
 * report's message catalogues ({@code measure.<column>}), so the CSVs, the data dictionary (both in
 * English) and report.html (in its language) say the same thing.
 */
public enum Measure {
  TRAILING_VALUE(Columns.TRAILING_VALUE, true),
  MONETARY_TOTAL(Columns.MONETARY_TOTAL, true),
  HISTORICAL_VALUE(Columns.HISTORICAL_VALUE, true),
  CLV(Columns.CLV, true),
  CURRENT_OPPORTUNITY(Columns.CURRENT_OPPORTUNITY, true),
  FUTURE_VALUE(Columns.FUTURE_VALUE, true),
  CUSTOMER_VALUE(Columns.CUSTOMER_VALUE, true),
  PREDICTED_GROWTH(Columns.PREDICTED_GROWTH, false),
  GROWTH_RATE(Columns.GROWTH_RATE, false);

  private static final ReportLabels ENGLISH = ReportLabels.forLanguageTag("en");

  private final String column;
  private final boolean money;

  Measure(String column, boolean money) {
    this.column = column;
    this.money = money;
  }

  /** The customer-table column. */
  public String column() {
    return column;
  }

  /** Whether it is an amount in the reporting currency (else an index without a unit). */
  public boolean money() {
    return money;
  }

  /** The English label with its window, as the CSVs and the data dictionary write it. */
  public String label(Units units) {
    return ENGLISH.measure(column, units);
  }

  /** The measure of a column, if it is one. */
  public static Optional<Measure> ofColumn(String column) {
    return Arrays.stream(values()).filter(m -> m.column.equals(column)).findFirst();
  }

  /** The English label of a column: the vocabulary's words, or the column name itself. */
  public static String labelOf(String column, Units units) {
    return ofColumn(column).map(m -> m.label(units)).orElse(column);
  }

  /** The reporting currency as the CSVs write it: the ISO code, or "not stated". */
  public static String currency(Units units) {
    return units.currencyStated() ? units.currency() : "not stated";
  }
}
