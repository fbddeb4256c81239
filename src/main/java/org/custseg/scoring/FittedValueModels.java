package org.custseg.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.custseg.schema.ModelTimeUnit;
import org.custseg.scoring.model.FitResult;
import org.custseg.scoring.model.GammaGammaModel;
import org.custseg.scoring.model.ModelParameters;

/**
 * What {@link ModelFitter} found: both fits, the data they saw, and whether the model-based value
 * columns and axes can be used ({@link #fallbackReason} is {@code null} when they can).
 *
 * @param transactionModel bgnbd or pareto-nbd
 * @param unit the time unit of the fit
 * @param customers customers with a purchase
 * @param repeatBuyers customers with x > 0
 * @param repeatPurchases sum of x
 * @param distinctTriples distinct (x, t_x, T) triples collected for the fit
 * @param transactionFit the transaction-model fit (a failure without estimate when not attempted)
 * @param spendFit the Gamma-Gamma fit (a failure without estimate when not attempted)
 * @param spendFitCustomers repeat buyers with positive mean spend the spend model was fitted on
 * @param spendCandidates repeat buyers with positive mean spend (before sampling)
 * @param spendFrequencyCorrelation Pearson correlation of x and mean spend over the spend-fit
 *     customers, or {@code null} when undefined
 * @param fallbackReason why the model-free fallback is used, or {@code null}
 */
public record FittedValueModels(
    String transactionModel,
    ModelTimeUnit unit,
    long customers,
    long repeatBuyers,
    long repeatPurchases,
    long distinctTriples,
    FitResult<? extends ModelParameters> transactionFit,
    FitResult<GammaGammaModel.Parameters> spendFit,
    long spendFitCustomers,
    long spendCandidates,
    Double spendFrequencyCorrelation,
    String fallbackReason) {

  /** Whether the transaction model is used for the value columns and the axes. */
  public boolean modelsUsed() {
    return fallbackReason == null;
  }

  /** Whether the Gamma-Gamma model is used for expected_spend. */
  public boolean spendModelUsed() {
    return modelsUsed() && spendFit.converged() && spendFit.params().isPresent();
  }

  /** The manifest's {@code transaction_model} entry. */
  public Map<String, Object> transactionManifest() {
    Map<String, Object> m = fitManifest(transactionFit);
    m.put("model", transactionModel);
    m.put("time_unit", unit.name().toLowerCase(java.util.Locale.ROOT));
    m.put("customers", customers);
    m.put("repeat_buyers", repeatBuyers);
    m.put("repeat_purchases", repeatPurchases);
    m.put("distinct_triples", distinctTriples);
    m.put("used", modelsUsed());
    return m;
  }

  /** The manifest's {@code spend_model} entry. */
  public Map<String, Object> spendManifest() {
    Map<String, Object> m = fitManifest(spendFit);
    m.put("model", "gamma-gamma");
    m.put("customers_fitted", spendFitCustomers);
    m.put("candidates", spendCandidates);
    m.put("sampled", spendFitCustomers < spendCandidates);
    m.put("spend_frequency_correlation", spendFrequencyCorrelation);
    m.put("used", spendModelUsed());
    return m;
  }

  static Map<String, Object> fitManifest(FitResult<? extends ModelParameters> fit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("params", fit.params().map(p -> (Object) p.asMap()).orElse(null));
    m.put("log_likelihood", Double.isFinite(fit.logLikelihood()) ? fit.logLikelihood() : null);
    m.put("iterations", fit.iterations());
    m.put("converged", fit.converged());
    m.put("status", fit.status().name());
    m.put("message", fit.message());
    m.put("fit_ms", fit.elapsedMillis());
    m.put("standard_errors", fit.standardErrors());
    return m;
  }
}
