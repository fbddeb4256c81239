package org.custseg.report.html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Lifecycle stages: counts and value per stage, and the stage flow since the previous run.
 *
 * @param flow the flow since {@code previousRunDate}, or {@code null} without a previous run
 */
public record Lifecycle(List<Stage> stages, LocalDate previousRunDate, FlowMatrix flow) {

  public Lifecycle {
    stages = List.copyOf(stages);
  }

  /**
   * One stage.
   *
   * @param clv the stage's CLV over the horizon, or {@code null} when the table has none
   */
  public record Stage(String stage, long customers, BigDecimal netSpendTrailing, BigDecimal clv) {

    public Stage {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(netSpendTrailing, "netSpendTrailing");
    }
  }
}
