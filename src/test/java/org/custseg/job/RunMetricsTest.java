package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custseg.ingest.IngestCounts;
import org.junit.jupiter.api.Test;

/** metrics.prom: names, labels and values, from what the steps stored. */
class RunMetricsTest {

  private static final LocalDate D = LocalDate.of(2025, 12, 31);
  private static final RunMetrics.Outcome OK =
      new RunMetrics.Outcome(
          D, 0, Instant.ofEpochSecond(1_767_225_600L), Duration.ofMillis(34_200));

  static IngestCounts counts() {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .convertValue(
            Map.of(
                "inputRows", 12_024,
                "cleanRows", 11_952,
                "quarantinedRows", 46,
                "duplicateRows", 26,
                "laterRows", 0,
                "refundRows", 264,
                "quarantinedByReason", Map.of("zero_amount", 18, "invalid_amount", 28),
                "files", Map.of(),
                "encodingErrorFiles", List.of()),
            IngestCounts.class);
  }

  private static Map<String, Double> steps() {
    Map<String, Double> steps = new LinkedHashMap<>();
    steps.put("ingest", 11.6);
    steps.put("features", 2.8);
    return steps;
  }

  @Test
  void aCompletedRun() {
    SegmentCounts segments =
        new SegmentCounts(
            Map.of("vip", 18L, "inactive", 1_255L), Map.of("star", 692L, "dog", 429L));
    Map<String, Object> models =
        Map.of(
            "transaction_model", Map.of("model", "bgnbd", "log_likelihood", -24600.87),
            "spend_model", Map.of("model", "gamma-gamma", "log_likelihood", -8990.74),
            "scoring", Map.of("method", "models"));

    String text =
        RunMetrics.text(
            RunMetrics.registry(new RunFigures(counts(), null, segments, models, steps()), OK));

    assertThat(text.lines())
        .contains(
            "# TYPE custseg_input_rows gauge",
            "custseg_input_rows{run_date=\"2025-12-31\"} 12024.0",
            "custseg_rows{run_date=\"2025-12-31\",status=\"clean\"} 11952.0",
            "custseg_rows{run_date=\"2025-12-31\",status=\"quarantined\"} 46.0",
            "custseg_rows{run_date=\"2025-12-31\",status=\"duplicate\"} 26.0",
            "custseg_rows{run_date=\"2025-12-31\",status=\"later\"} 0.0",
            "custseg_quarantined_rows{reason=\"zero_amount\",run_date=\"2025-12-31\"} 18.0",
            "custseg_customers{run_date=\"2025-12-31\",tier=\"vip\"} 18.0",
            "custseg_customers{quadrant=\"star\",run_date=\"2025-12-31\"} 692.0",
            "custseg_model_log_likelihood{chosen=\"true\",model=\"bgnbd\",run_date=\"2025-12-31\"}"
                + " -24600.87",
            "custseg_model_log_likelihood{chosen=\"true\",model=\"gamma-gamma\","
                + "run_date=\"2025-12-31\"} -8990.74",
            "custseg_value_models_used{run_date=\"2025-12-31\"} 1.0",
            "custseg_step_duration_seconds{run_date=\"2025-12-31\",step=\"ingest\"} 11.6",
            "custseg_run_exit_code{run_date=\"2025-12-31\"} 0.0",
            "custseg_run_success{run_date=\"2025-12-31\"} 1.0",
            "custseg_run_duration_seconds{run_date=\"2025-12-31\"} 34.2",
            "custseg_run_timestamp_seconds{run_date=\"2025-12-31\"} 1.7672256E9");
  }

  @Test
  void everyCandidateModelWithTheChosenOneMarked() {
    // The manifest entry of segmentation.value.transaction-model: auto.
    List<Map<String, Object>> candidates =
        List.of(
            Map.of("model", "bgnbd", "log_likelihood", -9582.43, "converged", true),
            Map.of("model", "mbgnbd", "log_likelihood", -9582.14, "converged", true),
            Map.of("model", "pareto-nbd", "log_likelihood", -9594.98, "converged", true));
    Map<String, Object> models =
        Map.of(
            "transaction_model",
            Map.of(
                "model",
                "mbgnbd",
                "requested",
                "auto",
                "chosen",
                "mbgnbd",
                "candidates",
                candidates));

    String text =
        RunMetrics.text(
            RunMetrics.registry(new RunFigures(null, null, null, models, Map.of()), OK));

    assertThat(text.lines())
        .contains(
            "custseg_model_log_likelihood{chosen=\"false\",model=\"bgnbd\",run_date=\"2025-12-31\"}"
                + " -9582.43",
            "custseg_model_log_likelihood{chosen=\"true\",model=\"mbgnbd\",run_date=\"2025-12-31\"}"
                + " -9582.14",
            "custseg_model_log_likelihood{chosen=\"false\",model=\"pareto-nbd\","
                + "run_date=\"2025-12-31\"} -9594.98");
  }

  @Test
  void aRunThatFailedInIngestHasItsStatusAndStepsOnly() {
    String text =
        RunMetrics.text(
            RunMetrics.registry(
                new RunFigures(null, null, null, null, Map.of("ingest", 3.5)),
                new RunMetrics.Outcome(D, 3, Instant.ofEpochSecond(0), Duration.ofSeconds(9))));

    assertThat(text)
        .contains("custseg_run_exit_code{run_date=\"2025-12-31\"} 3.0")
        .contains("custseg_run_success{run_date=\"2025-12-31\"} 0.0")
        .contains("custseg_step_duration_seconds{run_date=\"2025-12-31\",step=\"ingest\"} 3.5")
        .doesNotContain("custseg_input_rows")
        .doesNotContain("custseg_customers");
  }
}
