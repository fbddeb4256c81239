package org.custseg.report.html;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
   * @param share customers / all customers
   * @param marginIndex mean trailing net spend per customer / the overall mean
   * @param sizeBand many, medium or few
   * @param marginBand high, medium or low
   * @param level basic, reactive, accountable, proactive or partnership
   * @param depth financial, social or structural (or null)
   */
  public record Row(
      String dimension,
      String segment,
      long customers,
      double share,
      double marginIndex,
      String sizeBand,
      String marginBand,
      String level,
      String depth) {

    public Row {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(segment, "segment");
    }
  }
}
