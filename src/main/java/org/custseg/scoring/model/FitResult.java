package org.custseg.scoring.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Result of a maximum-likelihood fit. Never carries NaN: when no estimate exists, {@code params} is
 * empty and {@code logLikelihood} is {@code -Infinity}.
 *
 * @param status outcome of the fit
 * @param converged {@code status == CONVERGED}
 * @param params the estimate (present for every status except DEGENERATE_DATA and some
 *     NUMERICAL_FAILUREs; only trust it when {@code converged})
 * @param logLikelihood weighted total log-likelihood at the estimate
 * @param iterations quasi-Newton iterations used (number of gradient evaluations by the optimiser)
 * @param functionEvaluations likelihood evaluations by the optimiser (including line-search trials)
 * @param gradientNorm largest absolute gradient component of the mean negative log-likelihood in
 *     log-parameters
 * @param standardErrors asymptotic standard errors by parameter name (inverse observed information,
 *     delta method); empty when not requested or when the Hessian is not negative definite
 * @param elapsedMillis wall-clock time of the fit
 * @param message human-readable explanation of the outcome
 */
public record FitResult<P extends ModelParameters>(
    FitStatus status,
    boolean converged,
    Optional<P> params,
    double logLikelihood,
    int iterations,
    int functionEvaluations,
    double gradientNorm,
    Map<String, Double> standardErrors,
    long elapsedMillis,
    String message) {

  public FitResult {
    standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
  }

  /** A failure without estimate (e.g. degenerate data detected before optimising). */
  public static <P extends ModelParameters> FitResult<P> failure(FitStatus status, String message) {
    return new FitResult<>(
        status,
        false,
        Optional.empty(),
        Double.NEGATIVE_INFINITY,
        0,
        0,
        Double.POSITIVE_INFINITY,
        Map.of(),
        0L,
        message);
  }

  /** The estimate, or an exception with the fit's message when there is none. */
  public P paramsOrThrow() {
    return params.orElseThrow(
        () -> new IllegalStateException("no estimate: " + status + ": " + message));
  }
}
