package org.custseg.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.custseg.config.InputSettings;
import org.custseg.config.QualitySettings;
import org.custseg.schema.Columns;

/**
 * The schema check ({@code --validate-only}): reads the exports, applies the mapping and the
 * validation of a run, and prints the reconciliation, a few example rows per reason and the
 * reporting currency (an input in several currencies without one set is a configuration error, as
 * in a run). Writes nothing: no output directory, no job repository, no state.
 */
public final class ExportValidation {

  /** Example rows printed per reason. */
  public static final int EXAMPLES = 3;

  private ExportValidation() {}

  /** What the check found; {@code passesGate} tells whether a run would pass the gate. */
  public record Result(
      IngestCounts counts,
      LocalDate runDate,
      boolean passesGate,
      Map<String, List<String>> examples) {}

  /**
   * Checks the exports under {@code input} for {@code runDate} (default: the latest date in the
   * input) and prints what a run would see.
   */
  public static Result run(Ingest ingest, String input, LocalDate runDate, PrintStream out) {
    ExportFiles.Listing listing = ingest.list(input);
    List<String> files = listing.exports();
    LocalDate date = runDate != null ? runDate : ingest.latestDate(files);
    QualitySettings quality = ingest.qualitySettings();
    Dataset<Row> classified = ingest.classify(files, date).cache();
    try {
      IngestCounts counts = IngestCounts.of(classified).withFiles(files);
      Map<String, List<String>> examples = new java.util.TreeMap<>();
      List<Row> rows =
          classified
              .where(col(Columns.REASON).isNotNull())
              .withColumn(
                  "_n",
                  row_number()
                      .over(
                          Window.partitionBy(col(Columns.REASON))
                              .orderBy(col(Columns.SOURCE_FILE), col(Columns.LINE_NUMBER))))
              .where(col("_n").leq(EXAMPLES))
              .select(
                  Columns.REASON,
                  Columns.SOURCE_FILE,
                  Columns.LINE_NUMBER,
                  Columns.DETAIL,
                  Columns.RAW_LINE)
              .orderBy(Columns.REASON, Columns.SOURCE_FILE, Columns.LINE_NUMBER)
              .collectAsList();
      for (Row r : rows) {
        examples
            .computeIfAbsent(r.getString(0), k -> new java.util.ArrayList<>())
            .add(
                String.format(
                    Locale.ROOT,
                    "%s:%d  %s  | %s",
                    name(r.getString(1)),
                    r.getLong(2),
                    r.isNullAt(3) ? "" : r.getString(3),
                    shorten(r.getString(4))));
      }
      boolean passes = counts.quarantineRate() <= quality.maxQuarantineRate();
      print(out, listing, counts, date, passes, ingest.inputSettings(), quality, examples);
      // after the reconciliation: input in several currencies without a setting is exit 2
      ReportingCurrency currency =
          ingest.reportingCurrency(classified, Optional.empty()).withConvertedRows(classified);
      out.printf(
          Locale.ROOT,
          "reporting currency %s (from %s)%s%n",
          currency.currency() == null ? "not stated" : currency.currency(),
          currency.source(),
          currency.convertedRows().isEmpty()
              ? ""
              : "; clean rows converted: " + currency.convertedRows());
      return new Result(counts, date, passes, examples);
    } finally {
      classified.unpersist();
    }
  }

  private static void print(
      PrintStream out,
      ExportFiles.Listing listing,
      IngestCounts c,
      LocalDate date,
      boolean passes,
      InputSettings input,
      QualitySettings quality,
      Map<String, List<String>> examples) {
    out.printf(
        Locale.ROOT,
        "Validation of %d export file(s) for run date %s (nothing written)%n",
        listing.exports().size(),
        date);
    listing
        .skippedByReason()
        .forEach(
            (reason, files) ->
                out.printf(
                    Locale.ROOT,
                    "  skipped, %s (%d): %s%n",
                    reason.code(),
                    files.size(),
                    files.stream().map(ExportValidation::name).toList()));
    out.printf(Locale.ROOT, "input_rows       %,d%n", c.inputRows());
    out.printf(Locale.ROOT, "clean_rows       %,d%n", c.cleanRows());
    out.printf(
        Locale.ROOT,
        "quarantined_rows %,d (%.2f%%; gate limit %.2f%%: %s)%n",
        c.quarantinedRows(),
        100 * c.quarantineRate(),
        100 * quality.maxQuarantineRate(),
        passes ? "passes" : "FAILS, a run would exit 3");
    c.quarantinedByReason()
        .forEach((reason, n) -> out.printf(Locale.ROOT, "  %-22s %,d%n", reason, n));
    out.printf(Locale.ROOT, "duplicate_rows   %,d%n", c.duplicateRows());
    out.printf(Locale.ROOT, "later_rows       %,d (dated after %s)%n", c.laterRows(), date);
    out.printf(
        Locale.ROOT, "refund_rows      %,d (clean rows with a negative amount)%n", c.refundRows());
    out.printf(
        Locale.ROOT,
        "physical_lines   %,d (= input + %,d header + %,d blank lines)%n",
        c.physicalLines(),
        c.headerLines(),
        c.blankLines());
    out.printf(
        Locale.ROOT,
        "reconciled       %s (input = clean + quarantined + duplicate + later)%n",
        c.reconciles());
    c.filesWithoutData()
        .forEach((f, why) -> out.printf(Locale.ROOT, "no data line in %s: %s%n", name(f), why));
    c.absentColumns()
        .forEach(
            (f, columns) ->
                out.printf(
                    Locale.ROOT,
                    "%s lacks the optional column(s) %s: read as empty%n",
                    name(f),
                    String.join(", ", columns)));
    if (!c.encodingErrorFiles().isEmpty()) {
      out.printf(Locale.ROOT, "files not valid %s: %s%n", input.encoding(), c.encodingErrorFiles());
    }
    out.println("per file (lines / input / clean / quarantined / duplicate / later):");
    c.files()
        .forEach(
            (f, fc) ->
                out.printf(
                    Locale.ROOT,
                    "  %s  %d / %d / %d / %d / %d / %d%n",
                    name(f),
                    fc.physicalLines(),
                    fc.inputRows(),
                    fc.cleanRows(),
                    fc.quarantinedRows(),
                    fc.duplicateRows(),
                    fc.laterRows()));
    if (!examples.isEmpty()) {
      out.printf(
          Locale.ROOT, "examples (up to %d per reason; file:line  detail | original):%n", EXAMPLES);
      examples.forEach(
          (reason, lines) -> {
            out.println("  " + reason);
            lines.forEach(l -> out.println("    " + l));
          });
    }
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 160 ? s : s.substring(0, 157) + "...";
  }
}
