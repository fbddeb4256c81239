package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first line of a run stopped by a signal. */
class InterruptionTest {

  @Test
  void duringAStep() {
    assertThat(Interruption.message("SIGTERM", "segmentation", true))
        .isEqualTo("interrupted by SIGTERM during step segmentation; the run can be restarted");
  }

  @Test
  void betweenTwoSteps() {
    assertThat(Interruption.message("SIGINT", null, true))
        .isEqualTo("interrupted by SIGINT between two steps; the run can be restarted");
  }

  @Test
  void beforeTheJobStarted() {
    assertThat(Interruption.message("SIGTERM", null, false))
        .isEqualTo(
            "interrupted by SIGTERM before the job started; nothing was done, start it again");
  }
}
