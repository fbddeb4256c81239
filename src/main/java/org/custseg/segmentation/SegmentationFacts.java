package org.custseg.segmentation;

import java.util.List;

/**
 * The numbers that shaped a run's segments, kept for the reports and the manifest (and stored as
 * JSON in the job repository between steps).
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
    String valueAxis,
    String growthAxis,
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
        r.valueAxis(),
        r.growthAxis(),
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
