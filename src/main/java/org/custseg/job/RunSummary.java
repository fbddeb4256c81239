package org.custseg.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.custseg.ingest.IngestCounts;

/**
 * The last lines of every run, for the person or the scheduler log that reads them: how it ended
 * and with which exit code, the run date, where the outputs are, the headline counts as far as the
 * run got, and the wall time.
 */
final class RunSummary {

  private static final String PREFIX = "run summary: ";

  private RunSummary() {}

  /**
   * @param outcome how the run ended, e.g. "completed", "failed in step reports"
   * @param where where the outputs are, e.g. "outputs in out/reports/run_date=2025-12-31"
   */
  static List<String> lines(
      String outcome, int exitCode, String runDate, String where, RunFigures f, Duration wall) {
    List<String> lines = new ArrayList<>();
    lines.add(
        PREFIX
            + outcome
            + " (exit code "
            + exitCode
            + ")"
            + (runDate == null ? "" : "; run date " + runDate)
            + (where == null ? "" : "; " + where));
    String counts = counts(f);
    if (!counts.isEmpty()) {
      lines.add(PREFIX + counts);
    }
    StringBuilder time = new StringBuilder(PREFIX + "wall time " + seconds(wall.toMillis() / 1e3));
    if (!f.stepSeconds().isEmpty()) {
      time.append(" (")
          .append(
              f.stepSeconds().entrySet().stream()
                  .map(e -> e.getKey() + " " + seconds(e.getValue()))
                  .collect(Collectors.joining(", ")))
          .append(")");
    }
    lines.add(time.toString());
    return lines;
  }

  private static String counts(RunFigures f) {
    List<String> parts = new ArrayList<>();
    IngestCounts c = f.counts();
    if (c != null) {
      parts.add(
          String.format(
              Locale.ROOT,
              "input rows %,d: clean %,d, quarantined %,d, duplicates %,d, later %,d",
              c.inputRows(),
              c.cleanRows(),
              c.quarantinedRows(),
              c.duplicateRows(),
              c.laterRows()));
    }
    if (f.facts() != null) {
      String customers = String.format(Locale.ROOT, "customers %,d", f.facts().customers());
      if (f.segments() != null) {
        customers += " (" + byKey(f.segments().tiers()) + ")";
      }
      parts.add(customers);
    }
    return String.join("; ", parts);
  }

  private static String byKey(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
