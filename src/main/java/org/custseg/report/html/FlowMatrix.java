package org.custseg.report.html;

import java.util.List;
import java.util.Objects;

/**
 * Customers moving from one segment to another between two runs (tiers, quadrants or lifecycle
 * stages): the non-zero cells. Keys are the segments plus {@code new} (not a customer at the
 * previous run) and {@code lost} (no longer in the table).
 */
public record FlowMatrix(List<Cell> cells) {

  public FlowMatrix {
    cells = List.copyOf(cells);
  }

  /** Customers who moved from one segment to another. */
  public record Cell(String from, String to, long customers) {

    public Cell {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }
}
