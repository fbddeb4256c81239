package org.custseg.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.schema.QuarantineReason;
import org.custseg.schema.RowStatus;

/**
 * The reconciliation of one ingest: {@code input_rows == clean_rows + quarantined_rows +
 * duplicate_rows + later_rows}, overall, by reason and per file. Computed with one aggregation over
 * the stored classified rows ({@link ClassifiedRows}); only the small result (files x statuses x
 * reasons) reaches the driver.
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
    List<String> encodingErrorFiles) {

  public IngestCounts {
    encodingErrorFiles = encodingErrorFiles == null ? List.of() : List.copyOf(encodingErrorFiles);
  }

  /** Counts of one export file. */
  public record FileCounts(
      long inputRows, long cleanRows, long quarantinedRows, long duplicateRows, long laterRows) {}

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
                    .as("refunds"))
            .collectAsList();
    long input = 0;
    long refunds = 0;
    long[] byStatus = new long[RowStatus.values().length];
    Map<String, Long> byReason = new TreeMap<>();
    Map<String, long[]> perFile = new TreeMap<>();
    java.util.SortedSet<String> undecodable = new java.util.TreeSet<>();
    for (Row g : groups) {
      String file = g.getString(0);
      RowStatus status = RowStatus.valueOf(g.getString(1).toUpperCase(java.util.Locale.ROOT));
      long rows = g.getLong(3);
      input += rows;
      refunds += g.getLong(4);
      byStatus[status.ordinal()] += rows;
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
    perFile.forEach(
        (f, c) ->
            files.put(
                f,
                new FileCounts(
                    c[0] + c[1] + c[2] + c[3],
                    c[RowStatus.CLEAN.ordinal()],
                    c[RowStatus.QUARANTINED.ordinal()],
                    c[RowStatus.DUPLICATE.ordinal()],
                    c[RowStatus.LATER.ordinal()])));
    return new IngestCounts(
        input,
        byStatus[RowStatus.CLEAN.ordinal()],
        byStatus[RowStatus.QUARANTINED.ordinal()],
        byStatus[RowStatus.DUPLICATE.ordinal()],
        byStatus[RowStatus.LATER.ordinal()],
        refunds,
        byReason,
        files,
        List.copyOf(undecodable));
  }

  /** The same counts listing {@code allFiles} (files without a row count zero), in that order. */
  public IngestCounts withFiles(List<String> allFiles) {
    Map<String, FileCounts> all = new LinkedHashMap<>();
    for (String f : allFiles) {
      all.put(f, files.getOrDefault(f, new FileCounts(0, 0, 0, 0, 0)));
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
        encodingErrorFiles);
  }

  /** Quarantined rows over input rows (0 for an empty input). */
  public double quarantineRate() {
    return inputRows == 0 ? 0 : (double) quarantinedRows / inputRows;
  }

  public boolean reconciles() {
    return inputRows == cleanRows + quarantinedRows + duplicateRows + laterRows;
  }
}
