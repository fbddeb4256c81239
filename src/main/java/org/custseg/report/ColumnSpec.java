package org.custseg.report;

import org.custseg.report.html.ReportLabels;
import org.custseg.report.html.Units;

/**
 * One column of an output file: the single source of truth for its name, kind (which fixes its CSV
 * formatting), unit and meaning. The data dictionary is generated from these.
 *
 * @param unit the unit or range; {@link #CURRENCY} for an amount in the reporting currency
 * @param measure the vocabulary's measure the column holds, or {@code null}: its words (with the
 *     run's window) open the description
 */
public record ColumnSpec(String name, Kind kind, String unit, String description, Measure measure) {

  /** The unit of amounts: written as the run's reporting currency. */
  public static final String CURRENCY = "currency";

  private static final ReportLabels ENGLISH = ReportLabels.forLanguageTag("en");

  /** How a column is typed and written. */
  public enum Kind {
    /** Text; cells starting with = + - @ tab or CR are neutralised in CSV. */
    TEXT("string"),
    INTEGER("integer"),
    /** Money: decimal, written with exactly two places. */
    MONEY("decimal(18,2)"),
    /** A share or probability: written with four places. */
    RATIO("double"),
    /** Another measure: written with six places, never in scientific notation. */
    NUMBER("double"),
    DATE("date (ISO-8601)"),
    BOOLEAN("boolean");

    private final String typeName;

    Kind(String typeName) {
      this.typeName = typeName;
    }

    public String typeName() {
      return typeName;
    }
  }

  public static ColumnSpec of(String name, Kind kind, String unit, String description) {
    return new ColumnSpec(name, kind, unit, description, null);
  }

  /**
   * A column holding a measure of the vocabulary: money in the reporting currency, or an index from
   * -1 to 1.
   *
   * @param more what the column adds to the measure's words (may be empty)
   */
  public static ColumnSpec measure(String name, Measure measure, String more) {
    return measure.money()
        ? new ColumnSpec(name, Kind.MONEY, CURRENCY, more, measure)
        : new ColumnSpec(name, Kind.NUMBER, "-1..1", more, measure);
  }

  /** The customer-table column of a measure, under its own name. */
  public static ColumnSpec measure(Measure measure, String more) {
    return measure(measure.column(), measure, more);
  }

  /** The unit as the dictionary writes it: the reporting currency for amounts. */
  public String unit(Units units) {
    return CURRENCY.equals(unit) ? ENGLISH.currency(units) : unit;
  }

  /** The meaning as the dictionary writes it: the measure's words first, with their window. */
  public String description(Units units) {
    if (measure == null) {
      return description;
    }
    String words = measure.label(units);
    return description.isEmpty() ? words + "." : words + ". " + description;
  }
}
