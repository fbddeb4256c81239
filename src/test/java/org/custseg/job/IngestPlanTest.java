package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custseg.state.StateMeta;
import org.junit.jupiter.api.Test;

/** A state written in another layout is not continued: the run recomputes and says why. */
class IngestPlanTest {

  private static StateMeta state(int formatVersion) {
    return new StateMeta(
        "2025-03-01", "full", null, "abc", formatVersion, Map.of(), List.of("2025-03-01"));
  }

  @Test
  void aStateOfAnotherFormatIsRecomputedFromAllHistory() {
    IngestPlan plan =
        IngestPlan.of(false, Optional.of(state(1)), "abc", List.of("f1.csv"), Map.of());

    assertThat(plan.incremental()).isFalse();
    assertThat(plan.reason())
        .isEqualTo(
            "the state of 2025-03-01 has format version 1 and this version reads "
                + StateMeta.FORMAT_VERSION
                + " (refunds now net against their purchase day)");
  }

  @Test
  void aStateOfThisFormatAndFingerprintIsContinued() {
    IngestPlan plan =
        IngestPlan.of(
            false, Optional.of(state(StateMeta.FORMAT_VERSION)), "abc", List.of(), Map.of());

    assertThat(plan.incremental()).isTrue();
  }
}
