package org.custseg.report.html;

import java.time.LocalDate;
import java.util.Objects;

/** Movement between tiers and between quadrants since the previous completed run. */
public record Migration(LocalDate previousRunDate, FlowMatrix tiers, FlowMatrix quadrants) {

  public Migration {
    Objects.requireNonNull(previousRunDate, "previousRunDate");
    Objects.requireNonNull(tiers, "tiers");
    Objects.requireNonNull(quadrants, "quadrants");
  }
}
