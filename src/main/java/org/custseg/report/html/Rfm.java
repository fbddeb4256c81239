package org.custseg.report.html;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The RFM view: the R x F heatmap and the named segments. */
public record Rfm(List<Cell> heatmap, List<Segment> segments) {

  public Rfm {
    heatmap = List.copyOf(heatmap);
    segments = List.copyOf(segments);
  }

  /**
   * One R x F cell.
   *
   * @param rScore recency score 1-5 (5 = most recent)
   * @param fScore frequency score 1-5
   * @param meanNetSpend mean net spend (all time) of the cell's customers
   */
  public record Cell(int rScore, int fScore, long customers, double meanNetSpend) {

    public Cell {
      if (rScore < 1 || rScore > 5 || fScore < 1 || fScore > 5) {
        throw new IllegalArgumentException(
            "RFM scores must be 1-5, got r=" + rScore + " f=" + fScore);
      }
    }
  }

  /**
   * One named segment.
   *
   * @param netSpendAllTime the segment's net spend, all time
   * @param meanNetSpend mean net spend (all time) per customer
   */
  public record Segment(
      String segment,
      long customers,
      BigDecimal netSpendAllTime,
      double meanRecencyDays,
      double meanFrequency,
      double meanNetSpend) {

    public Segment {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(netSpendAllTime, "netSpendAllTime");
    }
  }
}
