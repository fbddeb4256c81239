package org.custseg.report.html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Movement between tiers and between quadrants since the previous completed run: two heatmaps and a
 * table of who stayed, moved up or down, or became inactive per previous tier.
 */
final class MigrationSection implements Section {

  private static final String NEW = "new";
  private static final String LOST = "lost";
  private static final String INACTIVE = "inactive";

  @Override
  public String id() {
    return "migration";
  }

  @Override
  public void write(Page p) {
    Migration m = p.model.migration();
    if (m == null) {
      p.unavailable(id(), p.text("section.migration"), p.text("migration.none"));
      return;
    }
    p.open(
        id(),
        p.text("section.migration"),
        p.format("section.migration.desc", m.previousRunDate().toString()));
    p.markup("<div class=\"row\"><div class=\"col\">");
    p.heading(p.text("migration.tiers"));
    p.chart("chart-migration", "");
    p.markup("</div><div class=\"col\">");
    p.heading(p.text("migration.quadrants"));
    p.chart("chart-quadrant-migration", "");
    p.markup("</div></div>\n");
    HtmlTable t =
        new HtmlTable("table-migration")
            .words(p.text("col.previousTier"))
            .number(p.text("col.customersThen"))
            .number(p.text("col.stayed"))
            .number(p.text("col.movedUp"))
            .number(p.text("col.movedDown"))
            .number(p.text("col.becameInactive"))
            .number(p.text("col.leftTable"));
    Map<String, long[]> byTier = summary(m.tiers());
    byTier.forEach(
        (tier, c) ->
            t.row(
                p.labels.tier(tier),
                p.fmt.integer(c[0]),
                p.fmt.integer(c[1]),
                p.fmt.integer(c[2]),
                p.fmt.integer(c[3]),
                tier.equals(INACTIVE) ? "" : p.fmt.integer(c[4]),
                p.fmt.integer(c[5])));
    p.table(t);
    long joined =
        m.tiers().cells().stream()
            .filter(c -> c.from().equals(NEW))
            .mapToLong(FlowMatrix.Cell::customers)
            .sum();
    p.note(p.format("migration.note", p.fmt.integer(joined), m.previousRunDate().toString()));
    p.close();
  }

  /**
   * Per previous tier: customers then, stayed, moved up, moved down (still active), became
   * inactive, left the table. An inactive customer who bought again moved up. New customers are not
   * in it (the note counts them).
   */
  static Map<String, long[]> summary(FlowMatrix tiers) {
    List<String> order = ReportLabels.TIERS;
    Map<String, long[]> out = new LinkedHashMap<>();
    List<String> previous =
        tiers.cells().stream().map(FlowMatrix.Cell::from).filter(k -> !k.equals(NEW)).toList();
    for (String key : Keys.ordered(previous, order)) {
      out.put(key, new long[6]);
    }
    for (FlowMatrix.Cell c : tiers.cells()) {
      long[] a = out.get(c.from());
      if (a == null) {
        continue;
      }
      a[0] += c.customers();
      int from = order.indexOf(c.from());
      int to = order.indexOf(c.to());
      if (c.to().equals(LOST)) {
        a[5] += c.customers();
      } else if (c.from().equals(c.to())) {
        a[1] += c.customers();
      } else if (c.to().equals(INACTIVE)) {
        a[4] += c.customers();
      } else if (to >= 0 && (from < 0 || to < from)) {
        a[2] += c.customers();
      } else {
        a[3] += c.customers();
      }
    }
    return out;
  }

  @Override
  public Object data(Page p) {
    Migration m = p.model.migration();
    if (m == null) {
      return null;
    }
    return new JsonData()
        .put("tiers", FlowMatrixData.of(m.tiers(), ReportLabels.TIERS, p.labels::tier, p))
        .put(
            "quadrants",
            FlowMatrixData.of(m.quadrants(), ReportLabels.QUADRANTS, p.labels::quadrant, p))
        .put("fromTier", p.text("chart.previousTier"))
        .put("toTier", p.text("chart.currentTier"))
        .put("fromQuadrant", p.text("chart.previousQuadrant"))
        .put("toQuadrant", p.text("chart.currentQuadrant"))
        .map();
  }
}
