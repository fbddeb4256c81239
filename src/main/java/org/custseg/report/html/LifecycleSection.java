package org.custseg.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.custseg.schema.Columns;

/** Lifecycle stages: customers and value per stage, and the stage flow since the last run. */
final class LifecycleSection implements Section {

  @Override
  public String id() {
    return "lifecycle";
  }

  private static List<Lifecycle.Stage> stages(Page p) {
    return Keys.rows(p.model.lifecycle().stages(), Lifecycle.Stage::stage, ReportLabels.STAGES);
  }

  @Override
  public void write(Page p) {
    Lifecycle lc = p.model.lifecycle();
    if (lc == null || lc.stages().isEmpty()) {
      p.unavailable(id(), p.text("section.lifecycle"), null);
      return;
    }
    p.open(id(), p.text("section.lifecycle"), p.text("section.lifecycle.desc"));
    List<Lifecycle.Stage> stages = stages(p);
    long all = stages.stream().mapToLong(Lifecycle.Stage::customers).sum();
    p.markup("<div class=\"row\"><div class=\"col\">");
    p.chart("chart-lifecycle", "short");
    p.markup("</div><div class=\"col\">");
    if (lc.flow() == null) {
      p.notAvailable("lifecycle-flow", p.text("lifecycle.flow.none"));
    } else {
      p.chart("chart-lifecycle-flow", "short");
      p.note(p.format("lifecycle.flow.note", lc.previousRunDate().toString()));
    }
    p.markup("</div></div>\n");
    boolean clv = stages.stream().anyMatch(s -> s.clv() != null);
    HtmlTable t =
        new HtmlTable("table-lifecycle")
            .words(p.text("col.stage"))
            .number(p.text("col.customers"))
            .number(p.text("col.customerShare"))
            .number(p.money(Columns.TRAILING_VALUE));
    if (clv) {
      t.number(p.money(Columns.CLV));
    }
    t.words(p.text("col.meaning"));
    for (Lifecycle.Stage s : stages) {
      List<String> row = new ArrayList<>();
      row.add(p.labels.stage(s.stage()));
      row.add(p.fmt.integer(s.customers()));
      row.add(p.fmt.share(s.customers(), all));
      row.add(p.fmt.money(s.netSpendTrailing()));
      if (clv) {
        row.add(p.fmt.money(s.clv()));
      }
      row.add(p.labels.optional("stage." + s.stage() + ".meaning", ""));
      t.row(row);
    }
    p.table(t);
    p.close();
  }

  @Override
  public Object data(Page p) {
    Lifecycle lc = p.model.lifecycle();
    if (lc == null || lc.stages().isEmpty()) {
      return null;
    }
    List<Object> stages = new ArrayList<>();
    for (Lifecycle.Stage s : stages(p)) {
      stages.add(
          new JsonData()
              .put("key", s.stage())
              .put("label", p.labels.stage(s.stage()))
              .put("customers", s.customers())
              .put("netSpend", JsonData.finite(s.netSpendTrailing()))
              .put("clv", JsonData.finite(s.clv() == null ? BigDecimal.ZERO : s.clv()))
              .map());
    }
    return new JsonData()
        .put("stages", stages)
        .put("netSpendName", p.money(Columns.TRAILING_VALUE))
        .put("clvName", p.money(Columns.CLV))
        .put(
            "flow",
            lc.flow() == null
                ? null
                : FlowMatrixData.of(lc.flow(), ReportLabels.STAGES, p.labels::stage, p))
        .put("fromName", p.text("chart.previousStage"))
        .put("toName", p.text("chart.currentStage"))
        .map();
  }
}
