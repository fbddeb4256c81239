package org.custseg.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.ValueSettings;
import org.custseg.schema.Columns;

/**
 * The value step of the segmentation: fit ({@link ModelFitter}), score ({@link ValueScores}) and
 * choose the pyramid and quadrant axes (configured, or the model-free ones as the fallback).
 */
public final class CustomerValuation {

  /**
   * @param scored the features with the value columns
   * @param valueAxis the column the pyramid, value_rank and the quadrant's value axis use
   * @param growthAxis the quadrant's growth axis
   * @param axesReason why these axes
   */
  public record Outcome(
      Dataset<Row> scored,
      FittedValueModels fit,
      String valueAxis,
      String growthAxis,
      String axesReason) {}

  private CustomerValuation() {}

  public static Outcome run(Dataset<Row> features, ValueSettings settings) {
    FittedValueModels fit = ModelFitter.fit(features, settings);
    Dataset<Row> scored = ValueScores.apply(features, ScoringParameters.of(fit, settings));
    if (fit.modelsUsed()) {
      return new Outcome(
          scored,
          fit,
          settings.pyramidAxis(),
          settings.growthAxis(),
          "configured (segmentation.value.pyramid-axis, segmentation.value.growth-axis)");
    }
    return new Outcome(
        scored,
        fit,
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
    axes.put("value_axis", o.valueAxis());
    axes.put("growth_axis", o.growthAxis());
    axes.put("reason", o.axesReason());
    m.put("axes", axes);
    Map<String, Object> scoring = new LinkedHashMap<>();
    scoring.put("method", o.fit().modelsUsed() ? "models" : "empirical_fallback");
    scoring.put("time_unit", s.timeUnit());
    scoring.put("period_days", s.periodDays());
    scoring.put("horizon_months", s.horizonMonths());
    scoring.put("monthly_discount_rate", s.monthlyDiscountRate());
    m.put("scoring", scoring);
    Map<String, Object> profit = new LinkedHashMap<>();
    profit.put("formula", "margin_rate x (historical_value + future_value) - acquisition_cost");
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
