package org.custseg.report;

import java.util.List;

/** A small report (one row per segment, tier, ...) ready to be written as one CSV file. */
public record ReportTable(
    String fileName, String description, List<ColumnSpec> columns, List<List<Object>> rows) {

  public ReportTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            fileName + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
      }
    }
  }
}
