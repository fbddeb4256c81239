package org.custseg.scoring;

import java.io.Serializable;
import org.custseg.config.ValueSettings;
import org.custseg.schema.ModelTimeUnit;
import org.custseg.scoring.model.GammaGammaModel;
import org.custseg.scoring.model.TransactionModel;

/**
 * Everything the executors need to score customers: plain numbers, broadcast once. The model
 * objects are rebuilt from them once per partition.
 *
 * @param model the transaction model that scores (bgnbd, mbgnbd or pareto-nbd), or {@code null} for
 *     the empirical fallback
 * @param transactionParams the transaction model's parameters in canonical order, or {@code null}
 *     when the empirical fallback is used
 * @param spendParams Gamma-Gamma p, q, v, or {@code null} when it is not used
 * @param unit the model's time unit
 */
public record ScoringParameters(
    String model,
    double[] transactionParams,
    double[] spendParams,
    ModelTimeUnit unit,
    double periodDays,
    int horizonMonths,
    double monthlyDiscountRate,
    double marginRate,
    double acquisitionCost)
    implements Serializable {

  public static ScoringParameters of(FittedValueModels fit, ValueSettings s) {
    double[] tx = fit.modelsUsed() ? fit.transactionFit().paramsOrThrow().toArray() : null;
    double[] gg = fit.spendModelUsed() ? fit.spendFit().paramsOrThrow().toArray() : null;
    return new ScoringParameters(
        fit.modelsUsed() ? fit.transactionChoice().chosen() : null,
        tx,
        gg,
        s.unit(),
        s.periodDays(),
        s.horizonMonths(),
        s.monthlyDiscountRate(),
        s.marginRate(),
        s.acquisitionCost());
  }

  /** The transaction model, or {@code null} for the empirical fallback. */
  public TransactionModel transactionModel() {
    return transactionParams == null
        ? null
        : TransactionModelChoice.model(model, transactionParams);
  }

  /** The spend model, or {@code null}. */
  public GammaGammaModel spendModel() {
    return spendParams == null
        ? null
        : GammaGammaModel.of(spendParams[0], spendParams[1], spendParams[2]);
  }
}
