package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custseg.segmentation.SegmentationFacts;
import org.junit.jupiter.api.Test;

/** The last lines of a run. */
class RunSummaryTest {

  @Test
  void aCompletedRun() {
    Map<String, Long> tiers = new LinkedHashMap<>();
    tiers.put("vip", 18L);
    tiers.put("key", 70L);
    Map<String, Double> steps = new LinkedHashMap<>();
    steps.put("ingest", 11.62);
    steps.put("publish", 0.11);
    // Read as the job reads it back from its execution context (only the figures used here).
    SegmentationFacts facts =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                false)
            .convertValue(
                Map.of("customers", 2_996, "activeCustomers", 1_741), SegmentationFacts.class);
    RunFigures f =
        new RunFigures(
            RunMetricsTest.counts(), facts, new SegmentCounts(tiers, Map.of()), null, steps);

    List<String> lines =
        RunSummary.lines(
            "completed",
            0,
            "2025-12-31",
            "outputs in out/reports/run_date=2025-12-31",
            f,
            Duration.ofMillis(34_240));

    assertThat(lines)
        .containsExactly(
            "run summary: completed (exit code 0); run date 2025-12-31; outputs in"
                + " out/reports/run_date=2025-12-31",
            "run summary: input rows 12,024: clean 11,952, quarantined 46, duplicates 26, later 0;"
                + " customers 2,996 (vip 18, key 70)",
            "run summary: wall time 34.2 s (ingest 11.6 s, publish 0.1 s)");
  }

  @Test
  void aRunThatNeverStarted() {
    assertThat(
            RunSummary.lines(
                "not started", 1, "2025-12-31", null, RunFigures.NONE, Duration.ofSeconds(3)))
        .containsExactly(
            "run summary: not started (exit code 1); run date 2025-12-31",
            "run summary: wall time 3.0 s");
  }
}
