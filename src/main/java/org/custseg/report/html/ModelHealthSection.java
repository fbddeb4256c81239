package org.custseg.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The value models' health in words: which transaction model was chosen and why, whether the spend
 * model's assumption holds, what P(alive) means (with its spread), and the fit against a holdout
 * when an evaluation of this output exists, else how to produce one.
 */
final class ModelHealthSection implements Section {

  @Override
  public String id() {
    return "model";
  }

  @Override
  public void write(Page p) {
    ModelHealth h = p.model.modelHealth();
    if (h == null) {
      p.unavailable(id(), p.text("section.model"), null);
      return;
    }
    p.open(id(), p.text("section.model"), null);
    transaction(p, h.transaction());
    spend(p, h.spend());
    p.heading(p.text("model.pAlive"));
    p.paragraph(p.text("model.pAlive.meaning"));
    if (h.pAlive().isEmpty()) {
      p.notAvailable("p-alive", null);
    } else {
      p.chart("chart-p-alive", "short");
    }
    holdout(p, h.evaluation());
    parameters(p, h);
    p.close();
  }

  private static String modelName(Page p, String code) {
    return p.labels.optional("model.name." + code, code);
  }

  private static void transaction(Page p, ModelHealth.TransactionModel tx) {
    p.heading(p.text("model.which"));
    if (tx == null) {
      p.paragraph(p.text("model.none"));
      return;
    }
    p.paragraph(
        p.format(
            "model.chosen",
            modelName(p, tx.model()),
            p.fmt.integer(tx.customers()),
            p.fmt.integer(tx.repeatBuyers()),
            p.labels.optional("model.unit." + tx.timeUnit(), String.valueOf(tx.timeUnit()))));
    List<ModelHealth.Candidate> fitted =
        tx.candidates().stream().filter(ModelHealth.Candidate::converged).toList();
    if (tx.candidates().size() > 1) {
      p.paragraph(
          p.format(
              "model.choice.best",
              modelName(p, tx.model()),
              p.fmt.integer(fitted.size()),
              p.fmt.integer(tx.candidates().size())));
    } else {
      p.paragraph(p.text("model.choice.configured"));
    }
    if (!tx.used()) {
      p.paragraph(p.text("model.notUsed"));
      if (tx.fallbackReason() != null) {
        p.code(tx.fallbackReason());
      }
    }
  }

  private static void spend(Page p, ModelHealth.SpendModel spend) {
    if (spend == null) {
      return;
    }
    p.heading(p.text("model.spend"));
    if (!spend.converged() || !spend.used()) {
      p.paragraph(p.text("model.spend.notUsed"));
      return;
    }
    p.paragraph(
        p.format(
            "model.spend.fitted",
            p.fmt.integer(spend.customersFitted()),
            spend.sampled() ? p.text("model.spend.sampled") : ""));
    if (spend.correlation() != null) {
      double r = Math.abs(spend.correlation());
      String verdict = r < 0.1 ? "holds" : r < 0.3 ? "weak" : "strong";
      p.paragraph(
          p.format(
              "model.spend.correlation",
              p.fmt.two(spend.correlation()),
              p.text("model.spend.correlation." + verdict)));
    }
  }

  private static void holdout(Page p, ModelHealth.Evaluation e) {
    p.heading(p.text("model.holdout"));
    if (e == null) {
      p.paragraph(p.text("model.holdout.none"));
      java.time.LocalDate d2 = p.model.headline().runDate();
      p.code(
          "jobs/run-local.sh --evaluate --calibration-end "
              + d2.minusWeeks(26)
              + " --holdout-end "
              + d2
              + " --input <"
              + p.text("model.holdout.exports")
              + "> --output <"
              + p.text("model.holdout.output")
              + ">");
      return;
    }
    p.paragraph(
        p.format(
            "model.holdout.result",
            e.calibrationEnd().toString(),
            e.holdoutEnd().toString(),
            p.fmt.number(e.actualPurchases()),
            p.fmt.number(e.predictedPurchases()),
            p.fmt.two(e.maePerCustomer())));
    p.chart("chart-holdout", "short");
    HtmlTable t =
        new HtmlTable("table-holdout")
            .words(p.text("col.calibrationPurchases"))
            .number(p.text("col.customers"))
            .number(p.text("col.actualMean"))
            .number(p.text("col.predictedMean"));
    for (ModelHealth.FrequencyRow r : e.frequencyTable()) {
      t.row(
          r.calibrationFrequency(),
          p.fmt.integer(r.customers()),
          p.fmt.two(r.actualMean()),
          p.fmt.two(r.predictedMean()));
    }
    p.table(t);
  }

  /** The fitted parameters, for analysts. */
  private static void parameters(Page p, ModelHealth h) {
    HtmlTable t =
        new HtmlTable("table-model-fit")
            .words(p.text("col.model"))
            .words(p.text("col.parameters"))
            .number(p.text("col.logLikelihood"))
            .words(p.text("col.status"));
    if (h.transaction() != null) {
      for (ModelHealth.Candidate c : h.transaction().candidates()) {
        t.row(
            modelName(p, c.model()) + (c.chosen() ? " ✓" : ""),
            parameters(p, c.parameters()),
            p.fmt.precise(c.logLikelihood()),
            p.text(c.converged() ? "model.converged" : "model.notConverged"));
      }
    }
    if (h.spend() != null) {
      t.row(
          modelName(p, "gamma-gamma"),
          parameters(p, h.spend().parameters()),
          p.fmt.precise(h.spend().logLikelihood()),
          p.text(h.spend().converged() ? "model.converged" : "model.notConverged"));
    }
    if (!t.isEmpty()) {
      p.heading(p.text("model.parameters"));
      p.table(t);
    }
  }

  private static String parameters(Page p, java.util.Map<String, Double> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + " = " + p.fmt.precise(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  @Override
  public Object data(Page p) {
    ModelHealth h = p.model.modelHealth();
    if (h == null) {
      return null;
    }
    JsonData out = new JsonData();
    if (!h.pAlive().isEmpty()) {
      List<String> bands = new ArrayList<>();
      List<Long> active = new ArrayList<>();
      List<Long> inactive = new ArrayList<>();
      for (ModelHealth.PAliveBand b : h.pAlive()) {
        bands.add(p.fmt.two(b.from()) + "–" + p.fmt.two(b.to()));
        active.add(b.active());
        inactive.add(b.inactive());
      }
      out.put(
          "pAlive",
          new JsonData()
              .put("bands", bands)
              .put("active", active)
              .put("inactive", inactive)
              .put("activeName", p.text("chart.activeCustomers"))
              .put("inactiveName", p.text("chart.inactiveCustomers"))
              .put("xName", p.text("chart.pAlive"))
              .map());
    }
    ModelHealth.Evaluation e = h.evaluation();
    if (e != null) {
      out.put(
          "holdout",
          new JsonData()
              .put(
                  "frequencies",
                  e.frequencyTable().stream()
                      .map(ModelHealth.FrequencyRow::calibrationFrequency)
                      .toList())
              .put(
                  "actual",
                  e.frequencyTable().stream().map(r -> JsonData.finite(r.actualMean())).toList())
              .put(
                  "predicted",
                  e.frequencyTable().stream().map(r -> JsonData.finite(r.predictedMean())).toList())
              .put("actualName", p.text("col.actualMean"))
              .put("predictedName", p.text("col.predictedMean"))
              .put("xName", p.text("col.calibrationPurchases"))
              .map());
    }
    return out.map();
  }
}
