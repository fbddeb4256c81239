package org.custseg.report.html;

import java.util.ArrayList;
import java.util.List;
import org.custseg.schema.Columns;

/** RFM: the R x F heatmap and the named segments' size and net spend. */
final class RfmSection implements Section {

  @Override
  public String id() {
    return "rfm";
  }

  private static List<Rfm.Segment> segments(Page p) {
    return p.model.rfm() == null
        ? List.of()
        : Keys.rows(p.model.rfm().segments(), Rfm.Segment::segment, ReportLabels.SEGMENTS);
  }

  @Override
  public void write(Page p) {
    Rfm rfm = p.model.rfm();
    if (rfm == null || (rfm.heatmap().isEmpty() && rfm.segments().isEmpty())) {
      p.unavailable(id(), p.text("section.rfm"), null);
      return;
    }
    p.open(
        id(),
        p.text("section.rfm"),
        p.format("section.rfm.desc", p.measure(Columns.MONETARY_TOTAL)));
    p.markup("<div class=\"row\"><div class=\"col\">");
    p.chart("chart-rfm-heatmap", "");
    p.markup("</div><div class=\"col-2\">");
    p.chart("chart-segments", "");
    p.markup("</div></div>\n");
    HtmlTable t =
        new HtmlTable("table-segments")
            .words(p.text("col.segment"))
            .number(p.text("col.customers"))
            .number(p.money(Columns.MONETARY_TOTAL))
            .number(p.text("col.meanRecency"))
            .number(p.text("col.meanOrders"))
            .number(p.labels.inCurrency(p.text("col.meanNetSpend"), p.units));
    for (Rfm.Segment s : segments(p)) {
      t.row(
          p.labels.segment(s.segment()),
          p.fmt.integer(s.customers()),
          p.fmt.money(s.netSpendAllTime()),
          p.fmt.number(s.meanRecencyDays()),
          p.fmt.number(s.meanFrequency()),
          p.fmt.money(s.meanNetSpend()));
    }
    p.table(t);
    p.close();
  }

  @Override
  public Object data(Page p) {
    Rfm rfm = p.model.rfm();
    if (rfm == null || (rfm.heatmap().isEmpty() && rfm.segments().isEmpty())) {
      return null;
    }
    List<Object[]> cells = new ArrayList<>();
    for (Rfm.Cell c : rfm.heatmap()) {
      cells.add(
          new Object[] {
            c.fScore() - 1, c.rScore() - 1, JsonData.finite(c.meanNetSpend()), c.customers()
          });
    }
    List<Object> segments = new ArrayList<>();
    for (Rfm.Segment s : segments(p)) {
      segments.add(
          new JsonData()
              .put("key", s.segment())
              .put("label", p.labels.segment(s.segment()))
              .put("customers", s.customers())
              .put("netSpend", JsonData.finite(s.netSpendAllTime()))
              .map());
    }
    return new JsonData()
        .put("cells", cells)
        .put("segments", segments)
        .put("netSpendName", p.money(Columns.MONETARY_TOTAL))
        .put("meanNetSpendName", p.labels.inCurrency(p.text("col.meanNetSpend"), p.units))
        .map();
  }
}
