package org.custseg.report;

import org.custseg.segmentation.SegmentationFacts;

/**
 * The axes a run's segments actually used, with the quadrant's thresholds: the pyramid ranks by
 * {@code pyramidAxis}; the quadrant places active customers by {@code quadrantValueAxis} and {@code
 * quadrantGrowthAxis}. Read from the segmentation facts' {@code pyramidAxis}, {@code
 * quadrantValueAxis}, {@code quadrantGrowthAxis}, {@code valueThreshold} and {@code
 * growthThreshold}.
 */
public record RunAxes(
    String pyramidAxis,
    String quadrantValueAxis,
    String quadrantGrowthAxis,
    double valueThreshold,
    double growthThreshold) {

  public static RunAxes of(SegmentationFacts facts) {
    return new RunAxes(
        facts.pyramidAxis(),
        facts.quadrantValueAxis(),
        facts.quadrantGrowthAxis(),
        facts.valueThreshold(),
        facts.growthThreshold());
  }
}
