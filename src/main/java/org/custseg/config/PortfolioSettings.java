package org.custseg.config;

/**
 * Portfolio-quadrant thresholds and windows ({@code segmentation.portfolio}); an absolute
 * threshold, when set, replaces the quantile.
 */
public record PortfolioSettings(
    double valueQuantile,
    double growthQuantile,
    Double valueAbsolute,
    Double growthAbsolute,
    int trailingDays) {
  public PortfolioSettings {
    Require.that(
        valueQuantile > 0 && valueQuantile < 1,
        "segmentation.portfolio.value-quantile must be within (0, 1), got " + valueQuantile);
    Require.that(
        growthQuantile > 0 && growthQuantile < 1,
        "segmentation.portfolio.growth-quantile must be within (0, 1), got " + growthQuantile);
    Require.that(
        trailingDays >= 2,
        "segmentation.portfolio.trailing-days must be >= 2, got " + trailingDays);
  }
}
