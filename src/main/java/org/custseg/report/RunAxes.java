package org.custseg.report;

import java.util.Map;
import org.custseg.segmentation.SegmentationFacts;

/**
 * The axes a run's segments actually used, with the quadrant's thresholds: the pyramid ranks by
 * {@code pyramidAxis}; the quadrant places active customers by {@code quadrantValueAxis} and {@code
 * quadrantGrowthAxis}.
 *
 * <p>Read from the segmentation facts as stored in the job (JSON, snake_case): {@code
 * quadrant_value_axis}, {@code quadrant_growth_axis} and {@code pyramid_axis} where the facts have
 * them, otherwise the single {@code value_axis} / {@code growth_axis} pair that served both.
 */
public record RunAxes(
    String pyramidAxis,
    String quadrantValueAxis,
    String quadrantGrowthAxis,
    double valueThreshold,
    double growthThreshold) {

  /** From the facts' JSON map, preferring the separate quadrant axes when present. */
  public static RunAxes of(Map<String, Object> facts) {
    String value = text(facts, "value_axis", null);
    String growth = text(facts, "growth_axis", null);
    return new RunAxes(
        text(facts, "pyramid_axis", value),
        text(facts, "quadrant_value_axis", value),
        text(facts, "quadrant_growth_axis", growth),
        number(facts, "quadrant_value_threshold", number(facts, "value_threshold", 0)),
        number(facts, "quadrant_growth_threshold", number(facts, "growth_threshold", 0)));
  }

  /** From the facts record (one axis pair for the pyramid and the quadrant). */
  public static RunAxes of(SegmentationFacts facts) {
    return new RunAxes(
        facts.valueAxis(),
        facts.valueAxis(),
        facts.growthAxis(),
        facts.valueThreshold(),
        facts.growthThreshold());
  }

  private static String text(Map<String, Object> facts, String key, String fallback) {
    Object v = facts.get(key);
    return v == null ? fallback : v.toString();
  }

  private static double number(Map<String, Object> facts, String key, double fallback) {
    return facts.get(key) instanceof Number n ? n.doubleValue() : fallback;
  }
}
