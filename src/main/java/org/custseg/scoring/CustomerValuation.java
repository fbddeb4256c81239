package org.custseg.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.PortfolioSettings;
import org.custseg.config.ValueSettings;
import org.custseg.schema.Columns;

/**
 * The value step of the segmentation: fit ({@link ModelFitter}), score ({@link ValueScores}) and
 * choose the axes: the pyramid's (value_rank) and the portfolio quadrant's two, configured
 * separately, or the model-free ones as the fallback.
 */
public final class CustomerValuation {

  /**
   * The columns the segments are drawn on.
   *
   * @param pyramid value_rank and the value pyramid (segmentation.value.pyramid-axis)
   * @param quadrantValue the quadrant's value axis (segmentation.portfolio.value-axis)
   * @param quadrantGrowth the quadrant's growth axis (segmentation.value.growth-axis)
   * @param reason why these axes
   */
  public record Axes(String pyramid, String quadrantValue, String quadrantGrowth, String reason) {}

  /**
   * @param scored the features with the value columns
   * @param axes the axes of the pyramid and the quadrant
   */
  public record Outcome(Dataset<Row> scored, FittedValueModels fit, Axes axes) {}

  private CustomerValuation() {}

  public static Outcome run(
      Dataset<Row> features, ValueSettings settings, PortfolioSettings portfolio) {
    FittedValueModels fit = ModelFitter.fit(features, settings);
    Dataset<Row> scored = ValueScores.apply(features, ScoringParameters.of(fit, settings));
    return new Outcome(scored, fit, axes(fit, settings, portfolio));
  }

  static Axes axes(FittedValueModels fit, ValueSettings settings, PortfolioSettings portfolio) {
    if (fit.modelsUsed()) {
      return new Axes(
          settings.pyramidAxis(),
          portfolio.valueAxis(),
          settings.growthAxis(),
          "configured (segmentation.value.pyramid-axis, segmentation.portfolio.value-axis, "
              + "segmentation.value.growth-axis)");
    }
    return new Axes(
        Columns.TRAILING_VALUE,
        Columns.TRAILING_VALUE,
        Columns.GROWTH_RATE,
        "fallback to the model-free axes: "
            + fit.fallbackReason()
            + "; value columns from the empirical fallback");
  }

  /** The manifest's {@code value_models} entry. */
  public static Map<String, Object> manifest(Outcome o, ValueSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("transaction_model", o.fit().transactionManifest());
    m.put("spend_model", o.fit().spendManifest());
    Map<String, Object> axes = new LinkedHashMap<>();
    axes.put("pyramid_axis", o.axes().pyramid());
    axes.put("quadrant_value_axis", o.axes().quadrantValue());
    axes.put("quadrant_growth_axis", o.axes().quadrantGrowth());
    axes.put("reason", o.axes().reason());
    m.put("axes", axes);
    Map<String, Object> scoring = new LinkedHashMap<>();
    scoring.put("method", o.fit().modelsUsed() ? "models" : "empirical_fallback");
    scoring.put("time_unit", s.timeUnit());
    scoring.put("period_days", s.periodDays());
    scoring.put("horizon_months", s.horizonMonths());
    scoring.put("monthly_discount_rate", s.monthlyDiscountRate());
    m.put("scoring", scoring);
    Map<String, Object> profit = new LinkedHashMap<>();
    profit.put("formula", "margin_rate x (historical_value + clv) - acquisition_cost");
    profit.put("margin_rate", s.marginRate());
    profit.put("acquisition_cost", s.acquisitionCost());
    profit.put(
        "assumptions",
        java.util.List.of(
            "a flat configured margin rate on net spend (the exports carry no cost or margin column)",
            "price discounts are already netted in the amounts; refunds are netted in "
                + "historical_value",
            "one configured acquisition cost per customer",
            "no cost savings, referral value or referral damage (not in the data)"));
    m.put("lifetime_profit", profit);
    return m;
  }
}
