package org.custseg.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.custseg.report.SegmentCube;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.segmentation.ValuePyramid;

/**
 * Customers per pyramid tier and per portfolio quadrant, from the reports step's {@link
 * SegmentCube} (aggregates only), kept in the job's execution context for the run's metrics and its
 * last lines.
 */
record SegmentCounts(Map<String, Long> tiers, Map<String, Long> quadrants) {

  static SegmentCounts of(SegmentCube cube) {
    Map<String, Long> tiers = new LinkedHashMap<>();
    cube.by(SegmentCube.Cell::tier, ValuePyramid.TIERS)
        .forEach((k, t) -> tiers.put(k, t.customers()));
    Map<String, Long> quadrants = new LinkedHashMap<>();
    cube.by(SegmentCube.Cell::quadrant, PortfolioQuadrant.QUADRANTS)
        .forEach((k, t) -> quadrants.put(k, t.customers()));
    return new SegmentCounts(tiers, quadrants);
  }
}
