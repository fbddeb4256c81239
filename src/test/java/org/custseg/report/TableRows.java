package org.custseg.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A report table's rows as column name to cell, keyed by their first cells joined with ":". */
final class TableRows {

  private TableRows() {}

  static Map<String, Map<String, Object>> byKey(ReportTable t, int keyCells) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (List<Object> row : t.rows()) {
      Map<String, Object> cells = new HashMap<>();
      for (int i = 0; i < row.size(); i++) {
        cells.put(t.columns().get(i).name(), row.get(i));
      }
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < keyCells; i++) {
        key.append(i == 0 ? "" : ":").append(row.get(i));
      }
      out.put(key.toString(), cells);
    }
    return out;
  }
}
