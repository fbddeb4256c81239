package org.custseg.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.custseg.report.html.ModelHealth;

/**
 * The report's model-health section from the manifest's {@code value_models} entry, the P(alive)
 * bands and, when one exists, the holdout evaluation of the run's output ({@code
 * <output>/evaluation/calibration_end=D1/evaluation.json}, written by {@code --evaluate}).
 *
 * <p>The transaction model's entry may list {@code candidates} (each with params, log_likelihood,
 * converged) with the {@code chosen} one and its {@code choice_reason}; without them the single
 * fitted model is its own candidate.
 */
public final class ModelHealthReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelHealthReader() {}

  @SuppressWarnings("unchecked")
  public static ModelHealth of(
      Map<String, Object> valueModels,
      List<ModelHealth.PAliveBand> pAlive,
      ModelHealth.Evaluation evaluation) {
    Map<String, Object> tx = (Map<String, Object>) valueModels.get("transaction_model");
    Map<String, Object> spend = (Map<String, Object>) valueModels.get("spend_model");
    Map<String, Object> axes = (Map<String, Object>) valueModels.get("axes");
    return new ModelHealth(
        tx == null ? null : transaction(tx, axes),
        spend == null ? null : spend(spend),
        pAlive,
        evaluation);
  }

  private static ModelHealth.TransactionModel transaction(
      Map<String, Object> tx, Map<String, Object> axes) {
    String chosen = text(tx.get("chosen"), text(tx.get("model"), "bgnbd"));
    boolean used = Boolean.TRUE.equals(tx.get("used"));
    return new ModelHealth.TransactionModel(
        chosen,
        used,
        used || axes == null ? null : text(axes.get("reason"), null),
        text(tx.get("time_unit"), null),
        number(tx.get("customers")),
        number(tx.get("repeat_buyers")),
        text(tx.get("choice_reason"), null),
        candidates(tx, chosen));
  }

  /** The candidates: a map by model, a list of entries with a model, or the fit itself. */
  @SuppressWarnings("unchecked")
  private static List<ModelHealth.Candidate> candidates(Map<String, Object> tx, String chosen) {
    Map<String, Map<String, Object>> byModel = new LinkedHashMap<>();
    Object c = tx.get("candidates");
    if (c instanceof Map<?, ?> map) {
      map.forEach((k, v) -> byModel.put(String.valueOf(k), (Map<String, Object>) v));
    } else if (c instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> m = (Map<String, Object>) o;
        byModel.put(text(m.get("model"), "?"), m);
      }
    }
    if (byModel.isEmpty()) {
      byModel.put(chosen, tx);
    }
    List<ModelHealth.Candidate> out = new ArrayList<>();
    byModel.forEach(
        (model, fit) ->
            out.add(
                new ModelHealth.Candidate(
                    model,
                    params(fit.get("params")),
                    fit.get("log_likelihood") instanceof Number n ? n.doubleValue() : null,
                    Boolean.TRUE.equals(fit.get("converged")),
                    model.equals(chosen))));
    return out;
  }

  private static ModelHealth.SpendModel spend(Map<String, Object> s) {
    return new ModelHealth.SpendModel(
        Boolean.TRUE.equals(s.get("used")),
        Boolean.TRUE.equals(s.get("converged")),
        number(s.get("customers_fitted")),
        Boolean.TRUE.equals(s.get("sampled")),
        s.get("spend_frequency_correlation") instanceof Number n ? n.doubleValue() : null,
        params(s.get("params")),
        s.get("log_likelihood") instanceof Number n ? n.doubleValue() : null);
  }

  /**
   * The latest holdout evaluation under {@code <output>/evaluation} (by calibration end), or {@code
   * null} when there is none.
   */
  @SuppressWarnings("unchecked")
  public static ModelHealth.Evaluation evaluation(Path evaluationRoot, Configuration conf) {
    try {
      FileSystem fs = evaluationRoot.getFileSystem(conf);
      FileStatus[] found =
          fs.globStatus(new Path(evaluationRoot, "calibration_end=*/evaluation.json"));
      Path latest = null;
      LocalDate latestDate = null;
      for (FileStatus f : found == null ? new FileStatus[0] : found) {
        String dir = f.getPath().getParent().getName();
        try {
          LocalDate d = LocalDate.parse(dir.substring("calibration_end=".length()));
          if (latestDate == null || d.isAfter(latestDate)) {
            latestDate = d;
            latest = f.getPath();
          }
        } catch (DateTimeException e) {
          // not an evaluation directory
        }
      }
      if (latest == null) {
        return null;
      }
      Map<String, Object> json;
      try (InputStream in = fs.open(latest)) {
        json = JSON.readValue(in, Map.class);
      }
      List<ModelHealth.FrequencyRow> table = new ArrayList<>();
      for (Object o : (List<Object>) json.getOrDefault("frequency_table", List.of())) {
        Map<String, Object> r = (Map<String, Object>) o;
        table.add(
            new ModelHealth.FrequencyRow(
                String.valueOf(r.get("calibration_frequency")),
                number(r.get("customers")),
                decimal(r.get("actual_mean")),
                decimal(r.get("predicted_mean"))));
      }
      return new ModelHealth.Evaluation(
          LocalDate.parse(String.valueOf(json.get("calibration_end"))),
          LocalDate.parse(String.valueOf(json.get("holdout_end"))),
          table,
          decimal(json.get("holdout_purchases_actual")),
          decimal(json.get("holdout_purchases_predicted")),
          decimal(json.get("mae_per_customer")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the evaluations under " + evaluationRoot, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Double> params(Object p) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (p instanceof Map<?, ?> map) {
      ((Map<String, Object>) map)
          .forEach((k, v) -> out.put(k, v instanceof Number n ? n.doubleValue() : null));
    }
    return out;
  }

  private static String text(Object v, String fallback) {
    return v == null ? fallback : v.toString();
  }

  private static long number(Object v) {
    return v instanceof Number n ? n.longValue() : 0L;
  }

  private static double decimal(Object v) {
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
