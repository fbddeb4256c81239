package org.custseg.report.html;

import static org.custseg.report.html.HtmlReportRenderer.escape;
import static org.custseg.report.html.HtmlReportRenderer.finite;
import static org.custseg.report.html.HtmlReportRenderer.ordered;
import static org.custseg.report.html.HtmlReportRenderer.orderedKeys;
import static org.custseg.report.html.HtmlReportRenderer.toScriptJson;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.custseg.report.html.ReportModel.FittedModel;
import org.custseg.report.html.ReportModel.Headline;
import org.custseg.report.html.ReportModel.Migration;
import org.custseg.report.html.ReportModel.MigrationCell;
import org.custseg.report.html.ReportModel.ModelFit;
import org.custseg.report.html.ReportModel.Point;
import org.custseg.report.html.ReportModel.Portfolio;
import org.custseg.report.html.ReportModel.QuadrantRow;
import org.custseg.report.html.ReportModel.RfmCell;
import org.custseg.report.html.ReportModel.SegmentRow;
import org.custseg.report.html.ReportModel.TierRow;
import org.custseg.report.html.ReportModel.TrendPoint;

/** One page being built: the HTML body and the JSON the charts read. */
final class ReportPage {

  private final ReportModel model;
  private final ReportLabels labels;
  private final Locale locale;

  ReportPage(ReportModel model, ReportLabels labels) {
    this.model = model;
    this.labels = labels;
    this.locale = labels.locale();
  }

  // ---------------------------------------------------------------- body

  String body() {
    StringBuilder b = new StringBuilder(32_000);
    Headline h = model.headline();
    b.append("<main>\n<header class=\"page\"><h1>")
        .append(t("page.title"))
        .append("</h1>")
        .append("<div class=\"subtitle\">")
        .append(escape(labels.format("page.subtitle", h.runDate().toString())))
        .append("</div></header>\n");
    if (h.noCustomersReason() != null) {
      b.append("<p class=\"no-customers\" id=\"no-customers\">")
          .append(escape(labels.format("page.noCustomers", h.noCustomersReason())))
          .append("</p>\n");
    }
    cards(b, h);
    pyramid(b);
    portfolio(b);
    b.append("<div class=\"pair\">\n");
    rfmHeatmap(b);
    migration(b);
    b.append("</div>\n");
    segments(b);
    trends(b);
    modelFit(b);
    b.append("<footer class=\"page\">").append(t("page.generatedBy")).append("</footer>\n</main>");
    return b.toString();
  }

  private void cards(StringBuilder b, Headline h) {
    b.append("<div class=\"cards\" id=\"headline\">\n");
    card(b, "customers", t("headline.customers"), integer(h.customers()), null);
    card(
        b,
        "active-customers",
        t("headline.activeCustomers"),
        integer(h.activeCustomers()),
        h.customers() > 0
            ? labels.format(
                "headline.activeShare", percent((double) h.activeCustomers() / h.customers()))
            : null);
    card(b, "revenue", t("headline.revenue"), money(h.revenue()), null);
    card(
        b, "top-tier-share", t("headline.topTierValueShare"), percent(h.topTierValueShare()), null);
    if (h.totalInputRows() != null && h.inputRows() != null && h.quarantinedRows() != null) {
      // An incremental run: the totals of the runs its state stands on, this run's beside them.
      card(
          b,
          "input-rows",
          t("headline.inputRowsTotal"),
          integer(h.totalInputRows()),
          labels.format("headline.thisRun", integer(h.inputRows())));
      card(
          b,
          "quarantined-rows",
          t("headline.quarantinedRowsTotal"),
          integer(h.totalQuarantinedRows()),
          quarantineRate(h.totalQuarantinedRows(), h.totalInputRows())
              + labels.format("headline.thisRun", integer(h.quarantinedRows())));
    } else {
      if (h.inputRows() != null) {
        card(b, "input-rows", t("headline.inputRows"), integer(h.inputRows()), null);
      }
      if (h.quarantinedRows() != null) {
        String rate =
            h.inputRows() != null && h.inputRows() > 0
                ? quarantineRate(h.quarantinedRows(), h.inputRows())
                : null;
        card(
            b,
            "quarantined-rows",
            t("headline.quarantinedRows"),
            integer(h.quarantinedRows()),
            rate);
      }
    }
    b.append("</div>\n");
  }

  private String quarantineRate(long quarantined, long input) {
    return input > 0
        ? labels.format("headline.quarantineRate", percent((double) quarantined / input)) + "; "
        : "";
  }

  private void card(StringBuilder b, String id, String label, String value, String detail) {
    b.append("<div class=\"card\" id=\"card-")
        .append(id)
        .append("\"><div class=\"label\">")
        .append(label)
        .append("</div><div class=\"value\">")
        .append(escape(value))
        .append("</div>");
    if (detail != null) {
      b.append("<div class=\"detail\">").append(escape(detail)).append("</div>");
    }
    b.append("</div>\n");
  }

  private void open(StringBuilder b, String section, String title, String desc) {
    b.append("<section class=\"panel\" id=\"section-")
        .append(section)
        .append("\"><h2>")
        .append(title)
        .append("</h2>");
    if (desc != null) {
      b.append("<p class=\"desc\">").append(desc).append("</p>");
    }
    b.append('\n');
  }

  private void notAvailable(StringBuilder b, String section) {
    b.append("<p class=\"na\" data-not-available=\"")
        .append(section)
        .append("\">")
        .append(t("page.notAvailable"))
        .append("</p>\n");
  }

  private static String chart(String id, String cssClass) {
    return "<div id=\"" + id + "\" class=\"chart " + cssClass + "\"></div>";
  }

  private void pyramid(StringBuilder b) {
    open(b, "pyramid", t("section.pyramid"), t("section.pyramid.desc"));
    List<TierRow> tiers = tiers();
    if (tiers.isEmpty()) {
      notAvailable(b, "pyramid");
    } else {
      b.append("<div class=\"row\"><div class=\"col\">")
          .append(chart("chart-pyramid", "short"))
          .append("</div><div class=\"col\">")
          .append(chart("chart-pyramid-shares", "short"))
          .append("</div></div>\n");
      b.append("<table class=\"data\" id=\"table-pyramid\"><thead><tr>")
          .append(
              th(
                  "col.tier",
                  "col.customers",
                  "col.customerShare",
                  "col.revenue",
                  "col.revenueShare"))
          .append("</tr></thead><tbody>\n");
      long customers = 0;
      BigDecimal revenue = BigDecimal.ZERO;
      for (TierRow t : tiers) {
        b.append("<tr><td>")
            .append(escape(labels.tier(t.tier())))
            .append("</td><td>")
            .append(integer(t.customers()))
            .append("</td><td>")
            .append(percent(t.customerShare()))
            .append("</td><td>")
            .append(money(t.revenue()))
            .append("</td><td>")
            .append(percent(t.revenueShare()))
            .append("</td></tr>\n");
        customers += t.customers();
        revenue = revenue.add(t.revenue());
      }
      b.append("</tbody><tfoot><tr><td>")
          .append(t("col.total"))
          .append("</td><td>")
          .append(integer(customers))
          .append("</td><td></td><td>")
          .append(money(revenue))
          .append("</td><td></td></tr></tfoot></table>\n");
    }
    b.append("</section>\n");
  }

  private void portfolio(StringBuilder b) {
    open(b, "portfolio", t("section.portfolio"), t("section.portfolio.desc"));
    Portfolio p = model.portfolio();
    if (p == null) {
      notAvailable(b, "portfolio");
    } else {
      List<QuadrantRow> quadrants =
          ordered(p.quadrants(), QuadrantRow::quadrant, ReportLabels.QUADRANTS);
      long customers = quadrants.stream().mapToLong(QuadrantRow::customers).sum();
      BigDecimal revenue =
          quadrants.stream().map(QuadrantRow::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
      b.append("<div class=\"row\"><div class=\"col-2\">")
          .append(chart("chart-portfolio", "tall"))
          .append("</div>")
          .append("<div class=\"col\"><table class=\"data\" id=\"table-portfolio\"><thead><tr>")
          .append(th("col.quadrant", "col.customers", "col.customerShare", "col.revenueShare"))
          .append("</tr></thead><tbody>\n");
      for (QuadrantRow q : quadrants) {
        b.append("<tr><td>")
            .append(escape(labels.quadrant(q.quadrant())))
            .append("</td><td>")
            .append(integer(q.customers()))
            .append("</td><td>")
            .append(share(q.customers(), customers))
            .append("</td><td>")
            .append(share(q.revenue(), revenue))
            .append("</td></tr>\n");
      }
      b.append("</tbody></table>\n<p class=\"note\">")
          .append(escape(labels.axis(p.xAxis())))
          .append(" ≥ ")
          .append(escape(number(p.xThreshold())))
          .append("<br>")
          .append(escape(labels.axis(p.yAxis())))
          .append(" ≥ ")
          .append(escape(number(p.yThreshold())))
          .append("</p>");
      if (p.sample().size() < customers) {
        b.append("<p class=\"note\">")
            .append(
                escape(
                    labels.format(
                        "section.portfolio.sample",
                        integer(p.sample().size()),
                        integer(customers))))
            .append("</p>");
      }
      b.append("</div></div>\n");
    }
    b.append("</section>\n");
  }

  private void rfmHeatmap(StringBuilder b) {
    open(b, "rfm-heatmap", t("section.rfmHeatmap"), t("section.rfmHeatmap.desc"));
    if (model.rfmHeatmap().isEmpty()) {
      notAvailable(b, "rfm-heatmap");
    } else {
      b.append(chart("chart-rfm-heatmap", "")).append('\n');
    }
    b.append("</section>\n");
  }

  private void migration(StringBuilder b) {
    Migration m = model.migration();
    String desc =
        m == null
            ? null
            : escape(labels.format("section.migration.desc", m.previousRunDate().toString()));
    open(b, "migration", t("section.migration"), desc);
    if (m == null || m.cells().isEmpty()) {
      notAvailable(b, "migration");
    } else {
      b.append(chart("chart-migration", "")).append('\n');
    }
    b.append("</section>\n");
  }

  private void segments(StringBuilder b) {
    open(b, "segments", t("section.segments"), t("section.segments.desc"));
    List<SegmentRow> segments = segmentRows();
    if (segments.isEmpty()) {
      notAvailable(b, "segments");
    } else {
      b.append(chart("chart-segments", "")).append('\n');
      b.append("<table class=\"data\" id=\"table-segments\"><thead><tr>")
          .append(
              th(
                  "col.segment",
                  "col.customers",
                  "col.revenue",
                  "col.meanRecency",
                  "col.meanFrequency",
                  "col.meanMonetary"))
          .append("</tr></thead><tbody>\n");
      for (SegmentRow s : segments) {
        b.append("<tr><td>")
            .append(escape(labels.segment(s.segment())))
            .append("</td><td>")
            .append(integer(s.customers()))
            .append("</td><td>")
            .append(money(s.revenue()))
            .append("</td><td>")
            .append(number(s.meanRecencyDays()))
            .append("</td><td>")
            .append(number(s.meanFrequency()))
            .append("</td><td>")
            .append(money(s.meanMonetary()))
            .append("</td></tr>\n");
      }
      b.append("</tbody></table>\n");
    }
    b.append("</section>\n");
  }

  private void trends(StringBuilder b) {
    open(b, "trends", t("section.trends"), t("section.trends.desc"));
    if (model.trends().isEmpty()) {
      notAvailable(b, "trends");
    } else {
      b.append(chart("chart-trends", "short")).append('\n');
    }
    b.append("</section>\n");
  }

  private void modelFit(StringBuilder b) {
    open(b, "model-fit", t("section.modelFit"), null);
    ModelFit fit = model.modelFit();
    if (fit == null) {
      notAvailable(b, "model-fit");
    } else {
      if (!fit.models().isEmpty()) {
        b.append("<table class=\"data\" id=\"table-model-fit\"><thead><tr>")
            .append(
                th(
                    "col.model",
                    "~col.parameters",
                    "col.logLikelihood",
                    "col.converged",
                    "~col.note"))
            .append("</tr></thead><tbody>\n");
        for (FittedModel m : fit.models()) {
          String params =
              m.parameters().entrySet().stream()
                  .map(
                      e ->
                          e.getKey() + " = " + (e.getValue() == null ? "–" : precise(e.getValue())))
                  .collect(Collectors.joining(", "));
          b.append("<tr><td>")
              .append(escape(m.name()))
              .append("</td><td class=\"text\">")
              .append(escape(params))
              .append("</td><td>")
              .append(m.logLikelihood() == null ? "–" : escape(precise(m.logLikelihood())))
              .append("</td><td>")
              .append(
                  m.converged()
                      ? t("modelFit.yes")
                      : "<span class=\"bad\">" + t("modelFit.no") + "</span>")
              .append("</td><td class=\"text\">")
              .append(escape(m.note()))
              .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
      }
      if (fit.axesUsed() != null) {
        b.append("<p class=\"note\"><b>")
            .append(t("modelFit.axesUsed"))
            .append(":</b> ")
            .append(escape(fit.axesUsed()))
            .append("</p>\n");
      }
      if (fit.fallbackNote() != null) {
        b.append("<p class=\"note\"><b>")
            .append(t("modelFit.fallback"))
            .append(":</b> ")
            .append(escape(fit.fallbackNote()))
            .append("</p>\n");
      }
    }
    b.append("</section>\n");
  }

  /** Header cells; a key starting with {@code ~} is a left-aligned text column. */
  private String th(String... keys) {
    StringBuilder b = new StringBuilder();
    for (String key : keys) {
      if (key.startsWith("~")) {
        b.append("<th class=\"text\">").append(t(key.substring(1))).append("</th>");
      } else {
        b.append("<th>").append(t(key)).append("</th>");
      }
    }
    return b.toString();
  }

  private String t(String key) {
    return escape(labels.text(key));
  }

  // ---------------------------------------------------------------- data for the charts

  String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("lang", labels.languageTag());
    Map<String, String> text = new LinkedHashMap<>();
    for (String key :
        List.of(
            "customers",
            "customersLog",
            "revenue",
            "customerShare",
            "revenueShare",
            "rScore",
            "fScore",
            "meanMonetary",
            "from",
            "to",
            "threshold",
            "rowShare")) {
      text.put(key, labels.text("chart." + key));
    }
    root.put("text", text);
    root.put("pyramid", pyramidJson());
    root.put("portfolio", portfolioJson());
    root.put("rfm", rfmJson());
    root.put("segments", segmentsJson());
    root.put("migration", migrationJson());
    root.put("trends", trendsJson());
    return toScriptJson(root);
  }

  private List<TierRow> tiers() {
    return ordered(model.pyramid(), TierRow::tier, ReportLabels.TIERS);
  }

  private List<SegmentRow> segmentRows() {
    return ordered(model.segments(), SegmentRow::segment, ReportLabels.SEGMENTS);
  }

  private Object pyramidJson() {
    List<TierRow> tiers = tiers();
    if (tiers.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TierRow t : tiers) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", t.tier());
      row.put("label", labels.tier(t.tier()));
      row.put("customers", t.customers());
      row.put("revenue", finite(t.revenue().doubleValue()));
      row.put("customerShare", finite(t.customerShare()));
      row.put("revenueShare", finite(t.revenueShare()));
      rows.add(row);
    }
    return rows;
  }

  private Object portfolioJson() {
    Portfolio p = model.portfolio();
    if (p == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("xAxis", labels.axis(p.xAxis()));
    out.put("yAxis", labels.axis(p.yAxis()));
    out.put("xThreshold", finite(p.xThreshold()));
    out.put("yThreshold", finite(p.yThreshold()));
    Map<String, String> quadrantLabels = new LinkedHashMap<>();
    for (String q : ReportLabels.QUADRANTS) {
      quadrantLabels.put(q, labels.quadrant(q));
    }
    out.put("labels", quadrantLabels);
    Map<String, List<double[]>> byQuadrant = new LinkedHashMap<>();
    for (String q : ReportLabels.QUADRANTS) {
      byQuadrant.put(q, new ArrayList<>());
    }
    for (Point point : p.sample()) {
      if (Double.isFinite(point.x()) && Double.isFinite(point.y())) {
        byQuadrant
            .computeIfAbsent(point.quadrant(), k -> new ArrayList<>())
            .add(new double[] {point.x(), point.y()});
      }
    }
    List<Map<String, Object>> series = new ArrayList<>();
    byQuadrant.forEach(
        (key, points) -> {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("key", key);
          s.put("label", labels.quadrant(key));
          s.put("points", points);
          series.add(s);
        });
    out.put("series", series);
    return out;
  }

  private Object rfmJson() {
    if (model.rfmHeatmap().isEmpty()) {
      return null;
    }
    List<Object[]> cells = new ArrayList<>();
    for (RfmCell c : model.rfmHeatmap()) {
      cells.add(
          new Object[] {c.fScore() - 1, c.rScore() - 1, finite(c.meanMonetary()), c.customers()});
    }
    return cells;
  }

  private Object segmentsJson() {
    List<SegmentRow> segments = segmentRows();
    if (segments.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SegmentRow s : segments) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", s.segment());
      row.put("label", labels.segment(s.segment()));
      row.put("customers", s.customers());
      row.put("revenue", finite(s.revenue().doubleValue()));
      rows.add(row);
    }
    return rows;
  }

  private Object migrationJson() {
    Migration m = model.migration();
    if (m == null || m.cells().isEmpty()) {
      return null;
    }
    List<String> fromOrder = new ArrayList<>(List.of("new"));
    fromOrder.addAll(ReportLabels.TIERS);
    fromOrder.add("lost");
    List<String> from =
        orderedKeys(m.cells().stream().map(MigrationCell::from).toList(), fromOrder);
    List<String> to = orderedKeys(m.cells().stream().map(MigrationCell::to).toList(), fromOrder);
    Map<String, Long> rowTotals = new TreeMap<>();
    for (MigrationCell c : m.cells()) {
      rowTotals.merge(c.from(), c.customers(), Long::sum);
    }
    List<Object[]> cells = new ArrayList<>();
    for (MigrationCell c : m.cells()) {
      long total = rowTotals.get(c.from());
      cells.add(
          new Object[] {
            to.indexOf(c.to()),
            from.indexOf(c.from()),
            c.customers(),
            total > 0 ? (double) c.customers() / total : 0.0
          });
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", from.stream().map(labels::tier).toList());
    out.put("to", to.stream().map(labels::tier).toList());
    out.put("cells", cells);
    return out;
  }

  private Object trendsJson() {
    if (model.trends().isEmpty()) {
      return null;
    }
    List<TrendPoint> points =
        model.trends().stream().sorted(Comparator.comparing(TrendPoint::runDate)).toList();
    List<String> tierKeys =
        orderedKeys(
            points.stream().flatMap(p -> p.customersByTier().keySet().stream()).toList(),
            ReportLabels.TIERS);
    List<Map<String, Object>> tiers = new ArrayList<>();
    for (String key : tierKeys) {
      Map<String, Object> tier = new LinkedHashMap<>();
      tier.put("key", key);
      tier.put("label", labels.tier(key));
      tier.put("values", points.stream().map(p -> p.customersByTier().get(key)).toList());
      tiers.add(tier);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dates", points.stream().map(p -> p.runDate().toString()).toList());
    out.put("tiers", tiers);
    out.put("revenue", points.stream().map(p -> finite(p.revenue().doubleValue())).toList());
    return out;
  }

  // ---------------------------------------------------------------- formatting

  private String integer(long value) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  private String money(BigDecimal value) {
    return decimal(2, 2).format(value);
  }

  private String money(double value) {
    return Double.isFinite(value) ? decimal(2, 2).format(value) : "–";
  }

  private String number(double value) {
    return Double.isFinite(value) ? decimal(0, 2).format(value) : "–";
  }

  private String precise(double value) {
    return Double.isFinite(value) ? decimal(0, 4).format(value) : "–";
  }

  private String percent(double share) {
    if (!Double.isFinite(share)) {
      return "–";
    }
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(share);
  }

  private String share(long part, long whole) {
    return whole > 0 ? percent((double) part / whole) : "–";
  }

  private String share(BigDecimal part, BigDecimal whole) {
    return whole.signum() != 0 ? percent(part.doubleValue() / whole.doubleValue()) : "–";
  }

  private DecimalFormat decimal(int minFraction, int maxFraction) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    f.setMinimumFractionDigits(minFraction);
    f.setMaximumFractionDigits(maxFraction);
    return f;
  }
}
