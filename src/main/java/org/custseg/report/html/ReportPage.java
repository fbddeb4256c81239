package org.custseg.report.html;

import static org.custseg.report.html.HtmlReportRenderer.escape;
import static org.custseg.report.html.HtmlReportRenderer.toScriptJson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page being built: the header, every section in order, and the JSON the charts read. */
final class ReportPage {

  /** The sections, in the order a CRM manager reads them. */
  static final List<Section> SECTIONS =
      List.of(
          new OverviewSection(),
          new ActionsSection(),
          new PyramidSection(),
          new PortfolioSection(),
          new RfmSection(),
          new LifecycleSection(),
          new ClustersSection(),
          new RelationshipsSection(),
          new MigrationSection(),
          new ChurnSection(),
          new ModelHealthSection(),
          new DataQualitySection());

  private final ReportModel model;
  private final ReportLabels labels;

  ReportPage(ReportModel model, ReportLabels labels) {
    this.model = model;
    this.labels = labels;
  }

  String body() {
    Page page = new Page(model, labels);
    page.markup(
        "<main>\n<header class=\"page\"><h1>" + escape(labels.text("page.title")) + "</h1>");
    page.markup(
        "<div class=\"subtitle\">"
            + escape(
                labels.format(
                    "page.subtitle",
                    model.headline().runDate().toString(),
                    labels.currency(model.units())))
            + "</div></header>\n<nav class=\"toc\">");
    for (Section s : SECTIONS) {
      page.markup(
          "<a href=\"#section-" + s.id() + "\">" + escape(labels.text("nav." + s.id())) + "</a>");
    }
    page.markup("</nav>\n");
    String noCustomers = model.headline().noCustomersReason();
    if (noCustomers != null) {
      page.markup(
          "<p class=\"no-customers\" id=\"no-customers\">"
              + escape(labels.format("page.noCustomers", noCustomers))
              + "</p>\n");
    }
    for (Section s : SECTIONS) {
      s.write(page);
    }
    page.markup(
        "<footer class=\"page\">" + escape(labels.text("page.generatedBy")) + "</footer>\n</main>");
    return page.html();
  }

  String json() {
    Page page = new Page(model, labels);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("lang", labels.languageTag());
    Map<String, String> text = new LinkedHashMap<>();
    Map<String, String> all = labels.all();
    for (String key : all.keySet().stream().sorted().toList()) {
      if (key.startsWith("chart.")) {
        text.put(key.substring("chart.".length()), all.get(key));
      }
    }
    root.put("text", text);
    Map<String, Object> sections = new LinkedHashMap<>();
    for (Section s : SECTIONS) {
      sections.put(s.id(), s.data(page));
    }
    root.put("sections", Collections.unmodifiableMap(sections));
    return toScriptJson(root);
  }
}
