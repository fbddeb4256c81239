package org.custseg.scoring.model;

/**
 * Optimiser settings.
 *
 * @param maxIterations budget of quasi-Newton iterations (gradient evaluations), over all restarts
 * @param gradientTolerance convergence threshold on the largest absolute component of the gradient
 *     of the mean (per customer) negative log-likelihood with respect to the log-parameters
 * @param computeStandardErrors whether to compute asymptotic standard errors from a numerical
 *     Hessian
 */
public record FitOptions(
    int maxIterations, double gradientTolerance, boolean computeStandardErrors) {

  public FitOptions {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    if (!(gradientTolerance > 0)) {
      throw new IllegalArgumentException("gradientTolerance must be > 0, got " + gradientTolerance);
    }
  }

  public static FitOptions defaults() {
    return new FitOptions(500, 1e-6, true);
  }

  public FitOptions withMaxIterations(int n) {
    return new FitOptions(n, gradientTolerance, computeStandardErrors);
  }
}
