package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.custseg.report.html.ModelHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model-health section from hand-written manifest entries and evaluation files. */
class ModelHealthReaderTest {

  @TempDir Path dir;

  private static final List<ModelHealth.PAliveBand> NO_BANDS = List.of();

  private static Map<String, Object> fit(double r, Double logLikelihood, boolean converged) {
    Map<String, Object> fit = new LinkedHashMap<>();
    fit.put("params", Map.of("r", r));
    fit.put("log_likelihood", logLikelihood);
    fit.put("converged", converged);
    return fit;
  }

  @Test
  void candidatesListedByTheManifestWithTheChosenOneMarked() {
    Map<String, Object> bg = fit(0.24, -9582.4, true);
    bg.put("model", "bgnbd");
    Map<String, Object> pareto = fit(0.55, -9595.0, true);
    pareto.put("model", "pareto-nbd");
    Map<String, Object> mbg = fit(0.3, null, false);
    mbg.put("model", "mbgnbd");
    Map<String, Object> tx = new LinkedHashMap<>(fit(0.24, -9582.4, true));
    tx.put("model", "bgnbd");
    tx.put("chosen", "pareto-nbd");
    tx.put("used", true);
    tx.put("time_unit", "weeks");
    tx.put("customers", 2357);
    tx.put("repeat_buyers", 1145L);
    tx.put("choice_reason", "highest log-likelihood");
    tx.put("candidates", List.of(bg, mbg, pareto));

    ModelHealth health = ModelHealthReader.of(Map.of("transaction_model", tx), NO_BANDS, null);

    ModelHealth.TransactionModel t = health.transaction();
    assertThat(t.model()).isEqualTo("pareto-nbd");
    assertThat(t.used()).isTrue();
    assertThat(t.fallbackReason()).isNull();
    assertThat(t.timeUnit()).isEqualTo("weeks");
    assertThat(t.customers()).isEqualTo(2357);
    assertThat(t.repeatBuyers()).isEqualTo(1145);
    assertThat(t.choiceReason()).isEqualTo("highest log-likelihood");
    assertThat(t.candidates())
        .extracting(
            ModelHealth.Candidate::model,
            ModelHealth.Candidate::logLikelihood,
            ModelHealth.Candidate::converged,
            ModelHealth.Candidate::chosen)
        .containsExactly(
            tuple("bgnbd", -9582.4, true, false),
            tuple("mbgnbd", null, false, false),
            tuple("pareto-nbd", -9595.0, true, true));
    assertThat(t.candidates().get(2).parameters()).containsExactly(Map.entry("r", 0.55));
    assertThat(health.spend()).isNull();
    assertThat(health.evaluation()).isNull();
  }

  @Test
  void candidatesByModelName() {
    Map<String, Object> tx = new LinkedHashMap<>();
    tx.put("chosen", "mbgnbd");
    tx.put("used", true);
    Map<String, Object> byModel = new LinkedHashMap<>();
    byModel.put("bgnbd", fit(1.0, -10.0, true));
    byModel.put("mbgnbd", fit(2.0, -9.0, true));
    tx.put("candidates", byModel);

    ModelHealth.TransactionModel t =
        ModelHealthReader.of(Map.of("transaction_model", tx), NO_BANDS, null).transaction();

    assertThat(t.candidates())
        .extracting(ModelHealth.Candidate::model, ModelHealth.Candidate::chosen)
        .containsExactly(tuple("bgnbd", false), tuple("mbgnbd", true));
  }

  @Test
  void anUnusedSingleFitIsItsOwnCandidateAndTheAxesSayWhy() {
    // An older manifest: no candidates, no chosen; the model's name defaults to bgnbd.
    Map<String, Object> tx = fit(0.5, null, false);
    tx.put("used", false);
    Map<String, Object> valueModels = new LinkedHashMap<>();
    valueModels.put("transaction_model", tx);
    valueModels.put("axes", Map.of("reason", "3 repeat buyer(s), fewer than 50"));

    ModelHealth.TransactionModel t =
        ModelHealthReader.of(valueModels, NO_BANDS, null).transaction();

    assertThat(t.model()).isEqualTo("bgnbd");
    assertThat(t.used()).isFalse();
    assertThat(t.fallbackReason()).isEqualTo("3 repeat buyer(s), fewer than 50");
    assertThat(t.customers()).isZero();
    assertThat(t.candidates())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.model()).isEqualTo("bgnbd");
              assertThat(c.chosen()).isTrue();
              assertThat(c.converged()).isFalse();
              assertThat(c.parameters()).containsExactly(Map.entry("r", 0.5));
            });
  }

  @Test
  void spendModelAndBandsArePassedOn() {
    Map<String, Object> spend = new LinkedHashMap<>();
    spend.put("used", true);
    spend.put("converged", true);
    spend.put("customers_fitted", 946);
    spend.put("sampled", false);
    spend.put("spend_frequency_correlation", 0.11);
    spend.put("params", Map.of("p", 6.25, "q", 3.74, "v", 15.44));
    spend.put("log_likelihood", -4009.5);
    List<ModelHealth.PAliveBand> bands = List.of(new ModelHealth.PAliveBand(0, 0.1, 3, 4));

    ModelHealth health = ModelHealthReader.of(Map.of("spend_model", spend), bands, null);

    assertThat(health.transaction()).isNull();
    assertThat(health.pAlive()).isEqualTo(bands);
    assertThat(health.spend())
        .isEqualTo(
            new ModelHealth.SpendModel(
                true, true, 946, false, 0.11, Map.of("p", 6.25, "q", 3.74, "v", 15.44), -4009.5));
  }

  private void evaluationFile(String directory, String calibrationEnd, double mae)
      throws Exception {
    Path d = Files.createDirectories(dir.resolve(directory));
    Files.writeString(
        d.resolve("evaluation.json"),
        """
        {"calibration_end": "%s", "holdout_end": "2024-06-30",
         "holdout_purchases_actual": 120, "holdout_purchases_predicted": 118.5,
         "mae_per_customer": %s,
         "frequency_table": [
           {"calibration_frequency": "0", "customers": 40, "actual_mean": 0.2,
            "predicted_mean": 0.25},
           {"calibration_frequency": "7+", "customers": 3, "actual_mean": 5,
            "predicted_mean": 4.5}]}
        """
            .formatted(calibrationEnd, mae));
  }

  @Test
  void evaluationIsTheLatestByCalibrationEnd() throws Exception {
    evaluationFile("calibration_end=2024-03-31", "2024-03-31", 0.5);
    evaluationFile("calibration_end=2024-01-31", "2024-01-31", 0.7);
    evaluationFile("calibration_end=latest", "2030-01-01", 0.9); // no date: not an evaluation

    ModelHealth.Evaluation e =
        ModelHealthReader.evaluation(
            new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration());

    assertThat(e.calibrationEnd()).isEqualTo(LocalDate.parse("2024-03-31"));
    assertThat(e.holdoutEnd()).isEqualTo(LocalDate.parse("2024-06-30"));
    assertThat(e.actualPurchases()).isEqualTo(120.0);
    assertThat(e.predictedPurchases()).isEqualTo(118.5);
    assertThat(e.maePerCustomer()).isEqualTo(0.5);
    assertThat(e.frequencyTable())
        .containsExactly(
            new ModelHealth.FrequencyRow("0", 40, 0.2, 0.25),
            new ModelHealth.FrequencyRow("7+", 3, 5.0, 4.5));
  }

  @Test
  void noEvaluationWithoutAnEvaluationFile() throws Exception {
    Files.createDirectories(dir.resolve("calibration_end=2024-03-31"));

    assertThat(
            ModelHealthReader.evaluation(
                new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration()))
        .isNull();
    assertThat(
            ModelHealthReader.evaluation(
                new org.apache.hadoop.fs.Path(dir.resolve("absent").toUri()), new Configuration()))
        .isNull();
  }
}
