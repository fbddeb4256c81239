package org.custseg.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custseg.report.html.ReportModel;

/** The HTML report's model-fit section from the manifest's {@code value_models} entry. */
public final class ModelFitSection {

  private ModelFitSection() {}

  @SuppressWarnings("unchecked")
  public static ReportModel.ModelFit of(Map<String, Object> valueModels) {
    List<ReportModel.FittedModel> models = new ArrayList<>();
    Map<String, Object> tx = (Map<String, Object>) valueModels.get("transaction_model");
    Map<String, Object> spend = (Map<String, Object>) valueModels.get("spend_model");
    Map<String, Object> axes = (Map<String, Object>) valueModels.get("axes");
    if (tx != null) {
      models.add(
          model(
              switch (String.valueOf(tx.get("model"))) {
                case "pareto-nbd" -> "Pareto/NBD";
                case "mbgnbd" -> "MBG/NBD";
                default -> "BG/NBD";
              },
              tx,
              String.format(
                  Locale.ROOT,
                  "time unit %s; %s customers, %s repeat buyers, %s distinct " + "triples; %s; %s",
                  tx.get("time_unit"),
                  tx.get("customers"),
                  tx.get("repeat_buyers"),
                  tx.get("distinct_triples"),
                  tx.get("status"),
                  tx.get("message"))));
    }
    if (spend != null) {
      models.add(
          model(
              "Gamma-Gamma",
              spend,
              String.format(
                  Locale.ROOT,
                  "%s repeat buyers fitted%s; spend-frequency correlation %s; %s",
                  spend.get("customers_fitted"),
                  Boolean.TRUE.equals(spend.get("sampled")) ? " (deterministic sample)" : "",
                  spend.get("spend_frequency_correlation") == null
                      ? "n/a"
                      : String.format(
                          Locale.ROOT,
                          "%.3f",
                          ((Number) spend.get("spend_frequency_correlation")).doubleValue()),
                  spend.get("status"))));
    }
    String used =
        axes == null
            ? null
            : "pyramid: "
                + axes.get("pyramid_axis")
                + "; quadrant value: "
                + axes.get("quadrant_value_axis")
                + ", growth: "
                + axes.get("quadrant_growth_axis");
    boolean fallback = tx != null && !Boolean.TRUE.equals(tx.get("used"));
    return new ReportModel.ModelFit(
        models, used, fallback && axes != null ? String.valueOf(axes.get("reason")) : null);
  }

  @SuppressWarnings("unchecked")
  private static ReportModel.FittedModel model(String name, Map<String, Object> fit, String note) {
    Map<String, Double> params = new LinkedHashMap<>();
    Object p = fit.get("params");
    if (p instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).forEach((k, v) -> params.put(k, ((Number) v).doubleValue()));
    }
    Object ll = fit.get("log_likelihood");
    return new ReportModel.FittedModel(
        name,
        params,
        ll instanceof Number n ? n.doubleValue() : null,
        Boolean.TRUE.equals(fit.get("converged")),
        note);
  }
}
