package org.custseg.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link FlowMatrix} as heatmap data: rows are where customers were ({@code new} first), columns
 * where they are now ({@code lost} last); each cell has its customers and its share of the row.
 */
final class FlowMatrixData {

  private FlowMatrixData() {}

  static Map<String, Object> of(
      FlowMatrix m, List<String> canonical, Function<String, String> label, Page p) {
    List<String> order = new ArrayList<>(List.of("new"));
    order.addAll(canonical);
    order.add("lost");
    List<String> from = Keys.ordered(m.cells().stream().map(FlowMatrix.Cell::from).toList(), order);
    List<String> to = Keys.ordered(m.cells().stream().map(FlowMatrix.Cell::to).toList(), order);
    Map<String, Long> rowTotals = new TreeMap<>();
    for (FlowMatrix.Cell c : m.cells()) {
      rowTotals.merge(c.from(), c.customers(), Long::sum);
    }
    List<Object[]> cells = new ArrayList<>();
    for (FlowMatrix.Cell c : m.cells()) {
      long total = rowTotals.get(c.from());
      cells.add(
          new Object[] {
            to.indexOf(c.to()),
            from.indexOf(c.from()),
            c.customers(),
            total > 0 ? (double) c.customers() / total : 0.0
          });
    }
    return new JsonData()
        .put("from", from.stream().map(k -> fixed(k, label, p)).toList())
        .put("to", to.stream().map(k -> fixed(k, label, p)).toList())
        .put("cells", cells)
        .map();
  }

  /** new and lost are the same words in every matrix. */
  private static String fixed(String key, Function<String, String> label, Page p) {
    return key.equals("new") || key.equals("lost") ? p.labels.tier(key) : label.apply(key);
  }
}
