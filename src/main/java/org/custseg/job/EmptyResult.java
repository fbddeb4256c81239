package org.custseg.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.report.DataDictionary;
import org.custseg.report.ReportTable;
import org.custseg.report.html.ReportLabels;
import org.custseg.schema.Columns;
import org.custseg.state.IngestHistory;

/**
 * A run whose input leaves no customer is a result, not a failure (contract: "A run whose input
 * leaves no customer still publishes every file (headers only) and says why"): the customer table
 * is written with its schema and no row, and the manifest and the report say why it is empty.
 */
final class EmptyResult {

  private EmptyResult() {}

  /**
   * Spark writes no {@code run_date=D} directory for a table partitioned by run date that has no
   * row: then the date's partition is written as one Parquet file with the table's schema (the
   * partition column comes from the directory name, as for a table with rows).
   */
  static void ensurePartition(Dataset<Row> table, Path partition, Configuration conf) {
    try {
      if (partition.getFileSystem(conf).exists(partition)) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + partition, e);
    }
    Dataset<Row> none = table.sparkSession().createDataFrame(List.of(), table.schema());
    none.drop(Columns.RUN_DATE).coalesce(1).write().mode("overwrite").parquet(partition.toString());
  }

  /**
   * A summary report of a run without customers: its header only (a table of tiers or segments with
   * zero everywhere would read as data). The data dictionary describes the files, not the
   * customers, and is kept whole.
   */
  static ReportTable summary(ReportTable table, long customers) {
    if (customers > 0 || table.fileName().equals(DataDictionary.FILE)) {
      return table;
    }
    return new ReportTable(table.fileName(), table.description(), table.columns(), List.of());
  }

  /**
   * Why a run has no customer, in English (the manifest's {@code empty_reason}), from the row
   * counts of the history the run stands on (a full run's own counts), e.g. "no customer with a
   * purchase up to 2025-12-27: the 50 clean rows are all refunds".
   */
  static String reason(LocalDate runDate, IngestHistory rows) {
    return reason(runDate, rows, ReportLabels.forLocale(Locale.ENGLISH));
  }

  /** The same reason in the words of a report language (report.html's first line). */
  static String reason(LocalDate runDate, IngestHistory rows, ReportLabels words) {
    String scope =
        rows.runs() > 1
            ? words.format("empty.scope", String.valueOf(rows.runs()), rows.since())
            : "";
    String why;
    if (rows.inputRows() == 0) {
      why = words.format("empty.noDataRow", scope);
    } else if (rows.cleanRows() == 0) {
      why =
          words.format(
              "empty.noneClean",
              String.valueOf(rows.inputRows()),
              scope,
              String.valueOf(rows.quarantinedRows()),
              String.valueOf(rows.duplicateRows()),
              words.text(rows.duplicateRows() == 1 ? "empty.duplicate" : "empty.duplicates"),
              String.valueOf(rows.laterRows()));
    } else if (rows.refundRows() == rows.cleanRows()) {
      why =
          rows.cleanRows() == 1
              ? words.format("empty.oneRefund", scope)
              : words.format("empty.allRefunds", String.valueOf(rows.cleanRows()), scope);
    } else {
      why =
          words.format(
              "empty.noPositiveOrder",
              String.valueOf(rows.cleanRows()),
              scope,
              String.valueOf(rows.refundRows()));
    }
    return words.format("empty.head", runDate.toString(), why);
  }
}
