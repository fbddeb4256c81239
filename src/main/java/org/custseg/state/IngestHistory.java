package org.custseg.state;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.custseg.ingest.IngestCounts;

/**
 * The row counts of every run a state stands on, added up run by run: a full run's history is its
 * own counts; an incremental run's is its base state's history plus what the night read. Each run
 * reads only the files its base has not seen, so every input row is counted once. {@code laterRows}
 * are rows dated after the date of the run that read them: the state carries them, and a later run
 * uses them without reading or counting them again.
 *
 * @param runs how many runs the totals add up
 * @param since the run date of the first of them (the full run the chain started from)
 */
public record IngestHistory(
    int runs,
    String since,
    long inputRows,
    long cleanRows,
    long quarantinedRows,
    Map<String, Long> quarantinedByReason,
    long duplicateRows,
    long laterRows,
    long refundRows) {

  public IngestHistory {
    quarantinedByReason =
        quarantinedByReason == null ? Map.of() : new TreeMap<>(quarantinedByReason);
  }

  /** The history of a full run: its own counts. */
  public static IngestHistory of(IngestCounts run, LocalDate runDate) {
    return new IngestHistory(
        1,
        runDate.toString(),
        run.inputRows(),
        run.cleanRows(),
        run.quarantinedRows(),
        run.quarantinedByReason(),
        run.duplicateRows(),
        run.laterRows(),
        run.refundRows());
  }

  /**
   * The history after a run: its own counts when it is a full run or its base state recorded no
   * history (a state kept before histories were), otherwise the base's history plus its counts.
   */
  public static IngestHistory after(StateMeta base, IngestCounts run, LocalDate runDate) {
    if (base == null || base.history() == null) {
      return of(run, runDate);
    }
    return base.history().plus(run);
  }

  /** These totals plus one more run's counts. */
  public IngestHistory plus(IngestCounts run) {
    Map<String, Long> reasons = new TreeMap<>(quarantinedByReason);
    run.quarantinedByReason().forEach((r, n) -> reasons.merge(r, n, Long::sum));
    return new IngestHistory(
        runs + 1,
        since,
        inputRows + run.inputRows(),
        cleanRows + run.cleanRows(),
        quarantinedRows + run.quarantinedRows(),
        reasons,
        duplicateRows + run.duplicateRows(),
        laterRows + run.laterRows(),
        refundRows + run.refundRows());
  }
}
