package org.custseg.report.html;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custseg.segmentation.RelationshipLevels;

/**
 * Relationship level and marketing depth of every pyramid tier and portfolio quadrant.
 *
 * @param levels the configured level of each size band (many, medium, few) and margin band (high,
 *     medium, low): the grid the segments are placed in
 */
public record Relationships(Map<String, Map<String, String>> levels, List<Row> rows) {

  public Relationships {
    levels = Map.copyOf(levels);
    rows = List.copyOf(rows);
  }

  /**
   * One segment's recommendation.
   *
   * @param dimension {@code pyramid_tier} or {@code portfolio_quadrant}
   */
  public record Row(String dimension, RelationshipLevels.Recommendation recommendation) {

    public Row {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(recommendation, "recommendation");
    }
  }
}
