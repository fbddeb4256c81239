package org.custseg.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custseg.schema.Columns;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.segmentation.ValuePyramid;

/**
 * The relationship level and marketing depth of every pyramid tier and portfolio quadrant, from the
 * {@link SegmentCube}'s totals (segment_summary.csv, the action lists and the report's relationship
 * section all read them from here).
 */
public final class SegmentRecommendations {

  private SegmentRecommendations() {}

  /** Per segmentation column ({@code pyramid_tier}, {@code portfolio_quadrant}), per segment. */
  public static Map<String, Map<String, RelationshipLevels.Recommendation>> of(
      SegmentCube cube, RelationshipLevels levels) {
    Map<String, Map<String, RelationshipLevels.Recommendation>> out = new LinkedHashMap<>();
    out.put(Columns.PYRAMID_TIER, of(cube, levels, SegmentCube.Cell::tier, ValuePyramid.TIERS));
    out.put(
        Columns.PORTFOLIO_QUADRANT,
        of(cube, levels, SegmentCube.Cell::quadrant, PortfolioQuadrant.VALUES));
    return out;
  }

  /** One segmentation's recommendations, in the given order (then any other segment). */
  static Map<String, RelationshipLevels.Recommendation> of(
      SegmentCube cube,
      RelationshipLevels levels,
      Function<SegmentCube.Cell, String> key,
      List<String> order) {
    SegmentCube.Totals all = cube.total();
    Map<String, RelationshipLevels.Recommendation> out = new LinkedHashMap<>();
    cube.by(key, order)
        .forEach(
            (name, t) ->
                out.put(
                    name,
                    levels.recommend(
                        name, t.customers(), t.trailing(), all.customers(), all.trailing())));
    return out;
  }
}
