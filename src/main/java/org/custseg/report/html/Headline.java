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
 * @param totals the rows of every run the customer state stands on (an incremental run continues
 *     the state of earlier runs and reads only the new files), or {@code null} when the run stands
 *     on no earlier run: then the cards show this run's counts alone
 * @param noCustomersReason why the run has no customer, or {@code null} when it has some
 */
public record Headline(
    LocalDate runDate,
    long customers,
    long activeCustomers,
    BigDecimal netSpendAllTime,
    BigDecimal netSpendTrailing,
    BigDecimal clvNext,
    Long inputRows,
    Long quarantinedRows,
    RunTotals totals,
    String noCustomersReason) {

  public Headline {
    Objects.requireNonNull(runDate, "runDate");
    Objects.requireNonNull(netSpendAllTime, "netSpendAllTime");
    Objects.requireNonNull(netSpendTrailing, "netSpendTrailing");
  }

  /** The figures of a run that stands on no earlier run and has customers. */
  public Headline(
      LocalDate runDate,
      long customers,
      long activeCustomers,
      BigDecimal netSpendAllTime,
      BigDecimal netSpendTrailing,
      BigDecimal clvNext,
      Long inputRows,
      Long quarantinedRows) {
    this(
        runDate,
        customers,
        activeCustomers,
        netSpendAllTime,
        netSpendTrailing,
        clvNext,
        inputRows,
        quarantinedRows,
        null,
        null);
  }

  /** The same figures with the totals of the runs the state stands on. */
  public Headline withTotals(RunTotals value) {
    return with(value, noCustomersReason);
  }

  /** The same figures, saying why the run has no customer. */
  public Headline withNoCustomersReason(String reason) {
    return with(totals, reason);
  }

  private Headline with(RunTotals newTotals, String newReason) {
    return new Headline(
        runDate,
        customers,
        activeCustomers,
        netSpendAllTime,
        netSpendTrailing,
        clvNext,
        inputRows,
        quarantinedRows,
        newTotals,
        newReason);
  }

  /**
   * Input and quarantined rows summed over the runs a customer state stands on.
   *
   * @param runs how many runs (this one included)
   * @param inputRows their input rows
   * @param quarantinedRows their quarantined rows
   */
  public record RunTotals(int runs, long inputRows, long quarantinedRows) {}
}
