package org.custseg.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custseg.schema.Columns;

/**
 * The portfolio matrix: a bounded sample of active customers in the value x growth plane, the four
 * quadrants' counts, and the inactive customers apart (a card beside the matrix, not in it).
 */
final class PortfolioSection implements Section {

  @Override
  public String id() {
    return "portfolio";
  }

  @Override
  public void write(Page p) {
    Portfolio pf = p.model.portfolio();
    if (pf == null) {
      p.unavailable(id(), p.text("section.portfolio"), null);
      return;
    }
    p.open(id(), p.text("section.portfolio"), p.text("section.portfolio.desc"));
    List<Portfolio.Quadrant> quadrants =
        Keys.rows(pf.quadrants(), Portfolio.Quadrant::quadrant, ReportLabels.QUADRANTS);
    long active = pf.activeCustomers();
    BigDecimal trailing =
        quadrants.stream()
            .map(Portfolio.Quadrant::netSpendTrailing)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    p.markup("<div class=\"row\"><div class=\"col-2\">");
    p.chart("chart-portfolio", "tall");
    p.note(
        p.format(
            "section.portfolio.sample",
            p.fmt.integer(pf.sample().size()),
            p.fmt.integer(active),
            p.fmt.integer(Portfolio.MAX_SAMPLE_POINTS)));
    p.markup("</div><div class=\"col\">");
    HtmlTable t =
        new HtmlTable("table-portfolio")
            .words(p.text("col.quadrant"))
            .number(p.text("col.customers"))
            .number(p.text("col.customerShare"))
            .number(p.money(Columns.TRAILING_VALUE));
    for (Portfolio.Quadrant q : quadrants) {
      t.row(
          p.labels.quadrant(q.quadrant()),
          p.fmt.integer(q.customers()),
          p.fmt.share(q.customers(), active),
          p.fmt.money(q.netSpendTrailing()));
    }
    t.footer(p.text("col.activeTotal"), p.fmt.integer(active), "", p.fmt.money(trailing));
    p.table(t);
    p.markup("<div class=\"cards single\">");
    p.card(
        "inactive",
        p.text("portfolio.inactive"),
        p.fmt.integer(pf.inactive().customers()),
        p.format(
            "portfolio.inactive.detail",
            p.fmt.integer(p.units.activityWindowDays()),
            p.money(Columns.MONETARY_TOTAL),
            p.fmt.money(pf.inactive().netSpendAllTime())));
    p.markup("</div>");
    p.note(
        p.format(
            "portfolio.axes",
            p.labels.measure(pf.xAxis(), p.units),
            p.fmt.number(pf.xThreshold()),
            p.labels.measure(pf.yAxis(), p.units),
            p.fmt.number(pf.yThreshold())));
    p.markup("</div></div>\n");
    p.close();
  }

  @Override
  public Object data(Page p) {
    Portfolio pf = p.model.portfolio();
    if (pf == null) {
      return null;
    }
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<double[]>> byQuadrant = new LinkedHashMap<>();
    for (String q : ReportLabels.QUADRANTS) {
      names.put(q, p.labels.quadrant(q));
      byQuadrant.put(q, new ArrayList<>());
    }
    for (Portfolio.Point point : pf.sample()) {
      if (Double.isFinite(point.x()) && Double.isFinite(point.y())) {
        byQuadrant
            .computeIfAbsent(point.quadrant(), k -> new ArrayList<>())
            .add(new double[] {point.x(), point.y()});
      }
    }
    List<Object> series = new ArrayList<>();
    byQuadrant.forEach(
        (key, points) ->
            series.add(
                new JsonData()
                    .put("key", key)
                    .put("label", p.labels.quadrant(key))
                    .put("points", points)
                    .map()));
    String x = p.labels.measureAxis(pf.xAxis(), p.units);
    return new JsonData()
        .put("xAxis", isMoney(pf.xAxis()) ? p.labels.inCurrency(x, p.units) : x)
        .put("yAxis", p.labels.measureAxis(pf.yAxis(), p.units))
        .put("yIndex", !isMoney(pf.yAxis()))
        .put("xThreshold", JsonData.finite(pf.xThreshold()))
        .put("yThreshold", JsonData.finite(pf.yThreshold()))
        .put("labels", names)
        .put("series", series)
        .map();
  }

  private static boolean isMoney(String column) {
    return !column.equals(Columns.PREDICTED_GROWTH) && !column.equals(Columns.GROWTH_RATE);
  }
}
