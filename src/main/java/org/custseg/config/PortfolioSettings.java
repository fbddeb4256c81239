package org.custseg.config;

/**
 * Portfolio-quadrant value axis, thresholds and windows ({@code segmentation.portfolio}); an
 * absolute threshold, when set, replaces the quantile. The growth axis is the value models' {@code
 * segmentation.value.growth-axis}.
 *
 * @param valueAxis trailing_value (net spend in the trailing window, domain.md section 4) or
 *     customer_value
 */
public record PortfolioSettings(
    String valueAxis,
    double valueQuantile,
    double growthQuantile,
    Double valueAbsolute,
    Double growthAbsolute,
    int trailingDays) {
  public PortfolioSettings {
    Require.that(
        "trailing_value".equals(valueAxis) || "customer_value".equals(valueAxis),
        "segmentation.portfolio.value-axis must be trailing_value or customer_value, got '"
            + valueAxis
            + "'");
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
