package org.custseg.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * What makes an ingested row usable for a run.
 *
 * @param timestampFormats patterns tried in order on the order timestamp
 * @param runDate the business date of the run: rows dated after it are "later" rows
 * @param futureToleranceDays a row dated more than this many days after its export's own date is
 *     quarantined as {@code future_timestamp}
 * @param today the export date assumed for files whose name carries no date (the wall clock)
 * @param keepZeroAmount whether a zero amount is a valid row (a zero-value order, e.g. free goods)
 *     instead of a {@code zero_amount} quarantine
 */
public record ValidationRules(
    List<String> timestampFormats, LocalDate runDate, int futureToleranceDays, LocalDate today,
    boolean keepZeroAmount) {

  public ValidationRules {
    timestampFormats = List.copyOf(timestampFormats);
  }

  /** Rules that quarantine zero amounts. */
  public ValidationRules(List<String> timestampFormats, LocalDate runDate,
      int futureToleranceDays, LocalDate today) {
    this(timestampFormats, runDate, futureToleranceDays, today, false);
  }
}
