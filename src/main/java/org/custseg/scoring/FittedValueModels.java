package org.custseg.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.custseg.schema.ModelTimeUnit;
import org.custseg.scoring.model.FitResult;
import org.custseg.scoring.model.GammaGammaModel;
import org.custseg.scoring.model.ModelParameters;

/**
 * What {@link ModelFitter} found: the transaction-model fits and the choice, the spend fit, the
 * data they saw, and whether the model-based value columns and axes can be used ({@link
 * #fallbackReason} is {@code null} when they can).
 *
 * @param transactionChoice the transaction-model fits and which one scores
 * @param unit the time unit of the fit
 * @param customers customers with a purchase
 * @param repeatBuyers customers with x > 0
 * @param repeatPurchases sum of x
 * @param distinctTriples distinct (x, t_x, T) triples collected for the fit
 * @param spendFit the Gamma-Gamma fit (a failure without estimate when not attempted)
 * @param spendFitCustomers repeat buyers with positive net repeat spend the spend model was fitted
 *     on
 * @param spendCandidates repeat buyers with positive net repeat spend (before sampling)
 * @param spendNotPositive repeat buyers left out of the spend fit because refunds leave their net
 *     repeat spend at or below zero (0 when the spend model was not fitted)
 * @param spendFrequencyCorrelation Pearson correlation of x and mean spend over the spend-fit
 *     customers, or {@code null} when undefined
 * @param fallbackReason why the model-free fallback is used, or {@code null}
 */
public record FittedValueModels(
    TransactionModelChoice.Choice transactionChoice,
    ModelTimeUnit unit,
    long customers,
    long repeatBuyers,
    long repeatPurchases,
    long distinctTriples,
    FitResult<GammaGammaModel.Parameters> spendFit,
    long spendFitCustomers,
    long spendCandidates,
    long spendNotPositive,
    Double spendFrequencyCorrelation,
    String fallbackReason) {

  /** The transaction model that scores (or, without one, the setting). */
  public String transactionModel() {
    return transactionChoice.model();
  }

  /** The chosen transaction-model fit (a failure when none converged or none was fitted). */
  public FitResult<? extends ModelParameters> transactionFit() {
    return transactionChoice.fit();
  }

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
    Map<String, Object> m = fitManifest(transactionFit());
    m.put("model", transactionModel());
    m.put("requested", transactionChoice.requested());
    m.put("time_unit", unit.name().toLowerCase(java.util.Locale.ROOT));
    m.put("customers", customers);
    m.put("repeat_buyers", repeatBuyers);
    m.put("repeat_purchases", repeatPurchases);
    m.put("distinct_triples", distinctTriples);
    m.put("used", modelsUsed());
    m.put(
        "candidates",
        transactionChoice.candidates().stream()
            .map(TransactionModelChoice.Candidate::manifest)
            .toList());
    m.put("chosen", transactionChoice.chosen());
    m.put("choice_reason", transactionChoice.reason());
    return m;
  }

  /** The manifest's {@code spend_model} entry. */
  public Map<String, Object> spendManifest() {
    Map<String, Object> m = fitManifest(spendFit);
    m.put("model", "gamma-gamma");
    m.put("customers_fitted", spendFitCustomers);
    m.put("candidates", spendCandidates);
    m.put("excluded_net_repeat_spend_not_positive", spendNotPositive);
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
