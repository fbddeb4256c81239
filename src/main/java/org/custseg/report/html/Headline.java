package org.custseg.report.html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The overview cards: the run's headline figures, each with its window.
 *
 * @param runDate the as-of date of the run
 * @param customers customers with a purchase up to the run date
 * @param activeCustomers customers with a purchase inside the activity window
 * @param netSpendAllTime sum of monetary_total
 * @param netSpendTrailing sum of trailing_value
 * @param clvNext sum of clv (the CLV horizon), or {@code null} when the table has no clv
 * @param inputRows input rows this run read, or {@code null} when unknown
 * @param quarantinedRows of those, quarantined, or {@code null} when unknown
 */
public record Headline(
    LocalDate runDate,
    long customers,
    long activeCustomers,
    BigDecimal netSpendAllTime,
    BigDecimal netSpendTrailing,
    BigDecimal clvNext,
    Long inputRows,
    Long quarantinedRows) {

  public Headline {
    Objects.requireNonNull(runDate, "runDate");
    Objects.requireNonNull(netSpendAllTime, "netSpendAllTime");
    Objects.requireNonNull(netSpendTrailing, "netSpendTrailing");
  }
}
