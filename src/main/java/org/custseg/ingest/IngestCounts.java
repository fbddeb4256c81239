package org.custseg.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.schema.QuarantineReason;
import org.custseg.schema.RowStatus;

/**
 * The reconciliation of one ingest, overall, by reason and per file: {@code input_rows ==
 * clean_rows + quarantined_rows + duplicate_rows + later_rows}, where the input rows are the data
 * lines, and {@code physical_lines == input_rows + header_lines + blank_lines}, so that every line
 * of every file is accounted for once. Computed with one aggregation over the stored classified
 * rows ({@link ClassifiedRows}); only the small result (files x statuses x reasons) reaches the
 * driver.
 *
 * @param filesWithoutData the files that hold no data line, with why (e.g. {@code header only})
 * @param absentColumns the files that lack optional mapped columns, with those columns (logical
 *     names), read as empty
 */
public record IngestCounts(
    long inputRows,
    long cleanRows,
    long quarantinedRows,
    long duplicateRows,
    long laterRows,
    long refundRows,
    Map<String, Long> quarantinedByReason,
    Map<String, FileCounts> files,
    List<String> encodingErrorFiles,
    long physicalLines,
    long headerLines,
    long blankLines,
    Map<String, String> filesWithoutData,
    Map<String, List<String>> absentColumns) {

  public IngestCounts {
    encodingErrorFiles = encodingErrorFiles == null ? List.of() : List.copyOf(encodingErrorFiles);
    filesWithoutData = filesWithoutData == null ? Map.of() : filesWithoutData;
    absentColumns = absentColumns == null ? Map.of() : absentColumns;
  }

  /** Counts of one export file. */
  public record FileCounts(
      long inputRows,
      long cleanRows,
      long quarantinedRows,
      long duplicateRows,
      long laterRows,
      long physicalLines,
      long headerLines,
      long blankLines) {

    static final FileCounts NONE = new FileCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Why a file holds no data line, or {@code null} when it holds some; {@code headerProblem} is
     * what is wrong with its header line, if anything.
     */
    String withoutData(String headerProblem) {
      if (inputRows > 0) {
        return null;
      }
      if (physicalLines == 0) {
        return "empty file";
      }
      String what =
          headerLines == 0
              ? blankLines + " blank line(s) only"
              : blankLines == 0
                  ? "header only"
                  : "header and " + blankLines + " blank line(s) only";
      return headerProblem == null ? what : what + "; " + headerProblem;
    }
  }

  public static IngestCounts of(Dataset<Row> classified) {
    List<Row> groups =
        classified
            .groupBy(col(Columns.SOURCE_FILE), col(Columns.STATUS), col(Columns.REASON))
            .agg(
                count(lit(1)).as("rows"),
                count(
                        when(
                            col(Columns.STATUS)
                                .equalTo(RowStatus.CLEAN.code())
                                .and(col(Columns.AMOUNT).lt(0)),
                            lit(1)))
                    .as("refunds"),
                max(when(col(Columns.STATUS).equalTo(RowStatus.HEADER.code()), col(Columns.DETAIL)))
                    .as("header_problem"),
                max(col(Columns.ABSENT_COLUMNS)).as("absent"))
            .collectAsList();
    long refunds = 0;
    long[] byStatus = new long[RowStatus.values().length];
    Map<String, Long> byReason = new TreeMap<>();
    Map<String, long[]> perFile = new TreeMap<>();
    Map<String, String> headerProblems = new TreeMap<>();
    Map<String, List<String>> absent = new TreeMap<>();
    java.util.SortedSet<String> undecodable = new java.util.TreeSet<>();
    for (Row g : groups) {
      String file = g.getString(0);
      RowStatus status = RowStatus.valueOf(g.getString(1).toUpperCase(Locale.ROOT));
      long rows = g.getLong(3);
      refunds += g.getLong(4);
      byStatus[status.ordinal()] += rows;
      if (!g.isNullAt(5)) {
        headerProblems.put(file, g.getString(5));
      }
      if (!g.isNullAt(6)) {
        absent.put(file, List.of(g.getString(6).split(",")));
      }
      if (status == RowStatus.QUARANTINED) {
        byReason.merge(g.getString(2), rows, Long::sum);
        if (QuarantineReason.ENCODING_ERROR.code().equals(g.getString(2))) {
          undecodable.add(file);
        }
      }
      perFile.computeIfAbsent(file, f -> new long[RowStatus.values().length])[status.ordinal()] +=
          rows;
    }
    Map<String, FileCounts> files = new LinkedHashMap<>();
    Map<String, String> withoutData = new TreeMap<>();
    perFile.forEach(
        (f, c) -> {
          FileCounts fc = fileCounts(c);
          files.put(f, fc);
          String why = fc.withoutData(headerProblems.get(f));
          if (why != null) {
            withoutData.put(f, why);
          }
        });
    FileCounts total = fileCounts(byStatus);
    return new IngestCounts(
        total.inputRows(),
        total.cleanRows(),
        total.quarantinedRows(),
        total.duplicateRows(),
        total.laterRows(),
        refunds,
        byReason,
        files,
        List.copyOf(undecodable),
        total.physicalLines(),
        total.headerLines(),
        total.blankLines(),
        withoutData,
        absent);
  }

  private static FileCounts fileCounts(long[] byStatus) {
    long clean = byStatus[RowStatus.CLEAN.ordinal()];
    long quarantined = byStatus[RowStatus.QUARANTINED.ordinal()];
    long duplicate = byStatus[RowStatus.DUPLICATE.ordinal()];
    long later = byStatus[RowStatus.LATER.ordinal()];
    long header = byStatus[RowStatus.HEADER.ordinal()];
    long blank = byStatus[RowStatus.BLANK.ordinal()];
    long input = clean + quarantined + duplicate + later;
    return new FileCounts(
        input, clean, quarantined, duplicate, later, input + header + blank, header, blank);
  }

  /**
   * The same counts listing {@code allFiles} (a file without any line counts zero and is an empty
   * file), in that order.
   */
  public IngestCounts withFiles(List<String> allFiles) {
    Map<String, FileCounts> all = new LinkedHashMap<>();
    Map<String, String> withoutData = new TreeMap<>(filesWithoutData);
    for (String f : allFiles) {
      FileCounts fc = files.getOrDefault(f, FileCounts.NONE);
      all.put(f, fc);
      if (fc.physicalLines() == 0) {
        withoutData.put(f, fc.withoutData(null));
      }
    }
    return new IngestCounts(
        inputRows,
        cleanRows,
        quarantinedRows,
        duplicateRows,
        laterRows,
        refundRows,
        quarantinedByReason,
        all,
        encodingErrorFiles,
        physicalLines,
        headerLines,
        blankLines,
        withoutData,
        absentColumns);
  }

  /** Quarantined rows over input rows (0 for an empty input). */
  public double quarantineRate() {
    return inputRows == 0 ? 0 : (double) quarantinedRows / inputRows;
  }

  /**
   * Whether every data row has one place and every physical line is a data, header or blank line.
   */
  public boolean reconciles() {
    return inputRows == cleanRows + quarantinedRows + duplicateRows + laterRows
        && physicalLines == inputRows + headerLines + blankLines;
  }
}
