package org.custseg.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Data quality: where this run's input rows went, and the quarantine by reason. */
final class DataQualitySection implements Section {

  @Override
  public String id() {
    return "data-quality";
  }

  @Override
  public void write(Page p) {
    DataQuality q = p.model.dataQuality();
    if (q == null) {
      p.unavailable(id(), p.text("section.dataQuality"), null);
      return;
    }
    p.open(id(), p.text("section.dataQuality"), p.text("section.dataQuality.desc"));
    p.chart("chart-data-quality", "short");
    p.markup("<div class=\"row\"><div class=\"col\">");
    HtmlTable t =
        new HtmlTable("table-reconciliation")
            .words(p.text("col.rows"))
            .number(p.text("col.count"))
            .number(p.text("col.shareOfInput"));
    for (Map.Entry<String, Long> e : q.rowsByOutcome().entrySet()) {
      t.row(p.text("quality." + e.getKey()), p.fmt.integer(e.getValue()), share(p, q, e));
    }
    t.footer(p.text("quality.input"), p.fmt.integer(q.inputRows()), "");
    p.table(t);
    p.note(
        p.format(
            "quality.reconciles",
            p.text(q.reconciles() ? "quality.reconciles.yes" : "quality.reconciles.no"),
            p.fmt.integer(q.refundRows())));
    p.markup("</div><div class=\"col\">");
    if (!q.quarantinedByReason().isEmpty()) {
      HtmlTable r =
          new HtmlTable("table-quarantine")
              .words(p.text("col.reason"))
              .words(p.text("col.code"))
              .number(p.text("col.count"));
      q.quarantinedByReason()
          .forEach(
              (code, n) ->
                  r.row(p.labels.optional("quarantine." + code, code), code, p.fmt.integer(n)));
      p.table(r);
    }
    p.markup("</div></div>\n");
    p.close();
  }

  private static String share(Page p, DataQuality q, Map.Entry<String, Long> e) {
    return p.fmt.share(e.getValue(), q.inputRows());
  }

  @Override
  public Object data(Page p) {
    DataQuality q = p.model.dataQuality();
    if (q == null) {
      return null;
    }
    List<Object> outcomes = new ArrayList<>();
    q.rowsByOutcome()
        .forEach(
            (key, n) ->
                outcomes.add(
                    new JsonData()
                        .put("key", key)
                        .put("label", p.text("quality.short." + key))
                        .put("rows", n)
                        .map()));
    List<Object> reasons = new ArrayList<>();
    q.quarantinedByReason()
        .forEach(
            (code, n) ->
                reasons.add(
                    new JsonData()
                        .put("label", p.labels.optional("quarantine." + code, code))
                        .put("rows", n)
                        .map()));
    return new JsonData()
        .put("outcomes", outcomes)
        .put("reasons", reasons)
        .put("rowsName", p.text("col.count"))
        .put("reasonsName", p.text("quality.byReason"))
        .map();
  }
}
