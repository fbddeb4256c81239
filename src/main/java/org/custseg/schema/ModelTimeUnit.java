package org.custseg.schema;

/**
 * Time unit in which a transaction model is fitted (the unit of {@code tx}, {@code T}, horizons and
 * rate parameters). Conversions are explicit: a month is 30.4375 days (365.25 / 12) and a week is 7
 * days.
 */
public enum ModelTimeUnit {
  DAYS(1.0),
  WEEKS(7.0);

  /** Average length of a calendar month in days (365.25 / 12). */
  public static final double DAYS_PER_MONTH = 30.4375;

  private final double days;

  ModelTimeUnit(double days) {
    this.days = days;
  }

  /** Length of one period of this unit, in days. */
  public double days() {
    return days;
  }

  /** Number of periods of this unit in one average month (30.4375 days). */
  public double periodsPerMonth() {
    return DAYS_PER_MONTH / days;
  }

  /** Converts a duration expressed in {@code from} units into this unit. */
  public double convertFrom(double duration, ModelTimeUnit from) {
    return duration * from.days / days;
  }
}
