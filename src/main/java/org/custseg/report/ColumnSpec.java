package org.custseg.report;

/**
 * One column of an output file: the single source of truth for its name, kind (which fixes its CSV
 * formatting), unit and meaning. The data dictionary is generated from these.
 */
public record ColumnSpec(String name, Kind kind, String unit, String description) {

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
    return new ColumnSpec(name, kind, unit, description);
  }
}
