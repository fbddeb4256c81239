package org.custseg.report.html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Churn since the previous completed run (churn_summary.csv).
 *
 * @param windowDays the days between the two runs: the window the figures are measured on
 * @param annualised whether the window is long enough for a yearly rate and an expected life
 * @param lostValueBasis the column whose previous value measures the value lost
 */
public record Churn(
    LocalDate previousRunDate,
    long windowDays,
    boolean annualised,
    String lostValueBasis,
    List<Row> rows) {

  public Churn {
    Objects.requireNonNull(previousRunDate, "previousRunDate");
    Objects.requireNonNull(lostValueBasis, "lostValueBasis");
    rows = List.copyOf(rows);
  }

  /**
   * One group of the previous run's active customers.
   *
   * @param dimension pyramid_tier, portfolio_quadrant or all
   * @param lostPerYear null when not annualised
   * @param lifeYears T = N / lost per year; null when not annualised or when nobody was lost
   */
  public record Row(
      String dimension,
      String segment,
      long customersPrevious,
      long customersLost,
      Double retention,
      Double lostPerYear,
      Double lifeYears,
      BigDecimal valueLost) {

    public Row {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(valueLost, "valueLost");
    }
  }
}
