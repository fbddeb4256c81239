package org.custseg.config;

import org.custseg.schema.ModelTimeUnit;

/**
 * The value models ({@code segmentation.value}, docs/value-models.md): the transaction model (auto:
 * the best of BG/NBD, MBG/NBD and Pareto/NBD; or one of them), Gamma-Gamma spend, CLV, the
 * pyramid's value axis and the quadrant's growth axis.
 */
public record ValueSettings(
    String transactionModel,
    String timeUnit,
    double periodDays,
    int horizonMonths,
    double monthlyDiscountRate,
    double marginRate,
    double acquisitionCost,
    int spendFitSample,
    int minRepeatBuyers,
    String pyramidAxis,
    String growthAxis) {
  public ValueSettings {
    Require.that(
        java.util.List.of("auto", "bgnbd", "mbgnbd", "pareto-nbd").contains(transactionModel),
        "segmentation.value.transaction-model must be auto, bgnbd, mbgnbd or pareto-nbd, got '"
            + transactionModel
            + "'");
    Require.that(
        "weeks".equals(timeUnit) || "days".equals(timeUnit),
        "segmentation.value.time-unit must be weeks or days, got '" + timeUnit + "'");
    Require.that(
        periodDays > 0 && Double.isFinite(periodDays),
        "segmentation.value.period-days must be > 0, got " + periodDays);
    Require.that(
        horizonMonths >= 1 && horizonMonths <= 1200,
        "segmentation.value.horizon-months must be within [1, 1200], got " + horizonMonths);
    Require.that(
        periodDays <= horizonMonths * ModelTimeUnit.DAYS_PER_MONTH,
        "segmentation.value.period-days ("
            + periodDays
            + ") must not exceed the horizon (segmentation.value.horizon-months = "
            + horizonMonths
            + ", "
            + horizonMonths * ModelTimeUnit.DAYS_PER_MONTH
            + " days): current_opportunity is the first part of the horizon");
    Require.that(
        monthlyDiscountRate >= 0 && monthlyDiscountRate < 1,
        "segmentation.value.monthly-discount-rate must be within [0, 1), got "
            + monthlyDiscountRate);
    Require.that(
        marginRate >= 0 && marginRate <= 1,
        "segmentation.value.margin-rate must be within [0, 1], got " + marginRate);
    Require.that(
        acquisitionCost >= 0 && Double.isFinite(acquisitionCost),
        "segmentation.value.acquisition-cost must be >= 0, got " + acquisitionCost);
    Require.that(
        spendFitSample >= 10,
        "segmentation.value.spend-fit-sample must be >= 10, got " + spendFitSample);
    Require.that(
        minRepeatBuyers >= 1,
        "segmentation.value.min-repeat-buyers must be >= 1, got " + minRepeatBuyers);
    Require.that(
        "customer_value".equals(pyramidAxis) || "trailing_value".equals(pyramidAxis),
        "segmentation.value.pyramid-axis must be customer_value or trailing_value, got '"
            + pyramidAxis
            + "'");
    Require.that(
        "predicted_growth".equals(growthAxis) || "growth_rate".equals(growthAxis),
        "segmentation.value.growth-axis must be predicted_growth or growth_rate, got '"
            + growthAxis
            + "'");
  }

  /** The model's time unit. */
  public ModelTimeUnit unit() {
    return "days".equals(timeUnit) ? ModelTimeUnit.DAYS : ModelTimeUnit.WEEKS;
  }

  public ValueSettings withTimeUnit(String unit) {
    return new ValueSettings(
        transactionModel,
        unit,
        periodDays,
        horizonMonths,
        monthlyDiscountRate,
        marginRate,
        acquisitionCost,
        spendFitSample,
        minRepeatBuyers,
        pyramidAxis,
        growthAxis);
  }

  public ValueSettings withMinRepeatBuyers(int n) {
    return new ValueSettings(
        transactionModel,
        timeUnit,
        periodDays,
        horizonMonths,
        monthlyDiscountRate,
        marginRate,
        acquisitionCost,
        spendFitSample,
        n,
        pyramidAxis,
        growthAxis);
  }
}
