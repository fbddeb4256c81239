package org.custseg.report;

import static org.custseg.report.ColumnSpec.Kind.TEXT;
import static org.custseg.report.ColumnSpec.of;

import org.custseg.report.html.Units;

/**
 * The columns by which a summary CSV says what its amounts and axes are: the vocabulary's words for
 * a measure (with its window) and the reporting currency. Their cells repeat on every row, so a
 * file read on its own still says what it holds.
 */
final class MeasureColumns {

  static final ColumnSpec CURRENCY =
      of(
          "currency",
          TEXT,
          "ISO 4217",
          "The reporting currency of the file's amounts: its ISO 4217 code, or not stated.");

  private MeasureColumns() {}

  /** A column naming, in words, the measure summed in {@code valueColumn}. */
  static ColumnSpec wordsFor(String name, String valueColumn) {
    return of(
        name,
        TEXT,
        "",
        "What "
            + valueColumn
            + " sums, in the vocabulary's words with the run's window (e.g. Net spend, "
            + "trailing 365 days).");
  }

  /** The cell of {@link #CURRENCY}. */
  static String currency(Units units) {
    return Measure.currency(units);
  }
}
