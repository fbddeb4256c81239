package org.custseg.segmentation;

import java.util.List;

/**
 * The numbers that shaped a run's segments, kept for the reports and the manifest (and stored as
 * JSON in the job repository between steps).
 *
 * @param pyramidAxis the column value_rank and the pyramid tiers are ranked by
 * @param quadrantValueAxis the portfolio quadrant's value axis (a column of the customer table)
 * @param quadrantGrowthAxis the portfolio quadrant's growth axis
 * @param valueThreshold the quadrant's value threshold, in the units of its axis
 * @param growthThreshold the quadrant's growth threshold
 */
public record SegmentationFacts(
    long customers,
    long activeCustomers,
    long customersWithoutPurchase,
    List<String> recencyCutPoints,
    List<String> frequencyCutPoints,
    List<String> monetaryCutPoints,
    long vipLastRank,
    long keyLastRank,
    long mediumLastRank,
    String pyramidAxis,
    String quadrantValueAxis,
    String quadrantGrowthAxis,
    double valueThreshold,
    double growthThreshold) {

  public static SegmentationFacts of(CustomerSegmentation.Result r, long withoutPurchase) {
    return new SegmentationFacts(
        r.customerCount(),
        r.activeCustomers(),
        withoutPurchase,
        text(r.rfmCuts().recency()),
        text(r.rfmCuts().frequency()),
        text(r.rfmCuts().monetary()),
        r.pyramidBounds().vip(),
        r.pyramidBounds().key(),
        r.pyramidBounds().medium(),
        r.axes().pyramid(),
        r.axes().quadrantValue(),
        r.axes().quadrantGrowth(),
        r.quadrantThresholds().value(),
        r.quadrantThresholds().growth());
  }

  private static List<String> text(List<Object> values) {
    return values.stream()
        .map(
            v ->
                v instanceof java.math.BigDecimal b
                    ? b.stripTrailingZeros().toPlainString()
                    : String.valueOf(v))
        .toList();
  }
}
