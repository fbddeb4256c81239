package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The optimiser on functions with a known maximum: ln L(p) = sum_i k_i ln p_i - c_i p_i is largest
 * at p_i = k_i / c_i, and its information in log-parameters there is k_i, so se(p_i) = p_i /
 * sqrt(k_i).
 */
class LogSpaceOptimizerTest {

  private static final double[] K = {2, 30};
  private static final double[] C = {4, 0.5};

  /** sum k ln p - c p with its gradient. */
  private static final LogLikelihoodFunction GAMMA_LIKE =
      (p, g) -> {
        double v = 0;
        for (int i = 0; i < p.length; i++) {
          v += K[i] * Math.log(p[i]) - C[i] * p[i];
          if (g != null) {
            g[i] = K[i] / p[i] - C[i];
          }
        }
        return v;
      };

  private static final double[] WIDE_LOWER = {Math.log(1e-6), Math.log(1e-6)};
  private static final double[] WIDE_UPPER = {Math.log(1e6), Math.log(1e6)};

  @Test
  void findsAKnownMaximumWithItsStandardErrors() {
    LogSpaceOptimizer.Outcome o =
        LogSpaceOptimizer.maximize(
            GAMMA_LIKE, new double[] {1, 1}, WIDE_LOWER, WIDE_UPPER, 1, FitOptions.defaults());

    assertThat(o.status()).isEqualTo(FitStatus.CONVERGED);
    assertThat(o.params()[0]).isCloseTo(0.5, within(1e-6));
    assertThat(o.params()[1]).isCloseTo(60.0, within(1e-4));
    assertThat(o.logLikelihood())
        .isCloseTo(2 * Math.log(0.5) - 2 + 30 * Math.log(60) - 30, within(1e-9));
    assertThat(o.standardErrors()[0]).isCloseTo(0.5 / Math.sqrt(2), within(1e-4));
    assertThat(o.standardErrors()[1]).isCloseTo(60 / Math.sqrt(30), within(1e-3));
    assertThat(o.message()).startsWith("converged after");

    FitResult<BgNbdModel.Parameters> r =
        LogSpaceOptimizer.toFitResult(
            new LogSpaceOptimizer.Outcome(
                o.status(),
                new double[] {0.5, 60, 1, 2},
                o.logLikelihood(),
                o.iterations(),
                o.evaluations(),
                o.gradientNorm(),
                new double[] {0.1, 0.2, 0.3, 0.4},
                o.message()),
            BgNbdModel.Parameters::fromArray,
            BgNbdModel.NAMES,
            System.nanoTime());
    assertThat(r.converged()).isTrue();
    assertThat(r.paramsOrThrow().alpha()).isEqualTo(60.0);
    assertThat(r.standardErrors()).containsEntry("alpha", 0.2).hasSize(4);
  }

  /** The maximum (p = 60) lies beyond the box (p <= 10): the estimate stops at the bound. */
  @Test
  void aMaximumOutsideTheBoundsIsReportedAtTheBound() {
    double[] upper = {Math.log(1e6), Math.log(10)};
    LogSpaceOptimizer.Outcome o =
        LogSpaceOptimizer.maximize(
            GAMMA_LIKE, new double[] {1, 1}, WIDE_LOWER, upper, 1, FitOptions.defaults());

    assertThat(o.status()).isEqualTo(FitStatus.AT_BOUND);
    assertThat(o.params()[1]).isCloseTo(10.0, within(1e-9));
    assertThat(o.message()).contains("estimate at the search bound (parameter 1 = 10.0");
  }

  @Test
  void nonConvergenceIsReportedNotHidden() {
    LogSpaceOptimizer.Outcome o =
        LogSpaceOptimizer.maximize(
            GAMMA_LIKE,
            new double[] {1e-3, 1e4},
            WIDE_LOWER,
            WIDE_UPPER,
            1,
            new FitOptions(1, 1e-12, false));

    assertThat(o.status()).isEqualTo(FitStatus.MAX_ITERATIONS);
    assertThat(o.message()).startsWith("not converged: iteration budget 1 exhausted");
    assertThat(o.gradientNorm()).isGreaterThan(1e-12);
    assertThat(o.standardErrors()).isNull();
  }

  @Test
  void aLikelihoodThatIsNotFiniteAtTheStartIsANumericalFailure() {
    LogSpaceOptimizer.Outcome o =
        LogSpaceOptimizer.maximize(
            (p, g) -> Double.NaN,
            new double[] {1, 1},
            WIDE_LOWER,
            WIDE_UPPER,
            1,
            FitOptions.defaults());

    assertThat(o.status()).isEqualTo(FitStatus.NUMERICAL_FAILURE);
    assertThat(o.params()).isNull();
    assertThat(o.message()).startsWith("log-likelihood or gradient not finite at the start");
  }

  @Test
  void invertsSymmetricPositiveDefiniteMatricesOnly() {
    double[][] inv =
        LogSpaceOptimizer.invertSymmetricPositiveDefinite(new double[][] {{4, 2}, {2, 3}});
    // det 8: inverse {{3, -2}, {-2, 4}} / 8
    assertThat(inv[0][0]).isCloseTo(0.375, within(1e-12));
    assertThat(inv[0][1]).isCloseTo(-0.25, within(1e-12));
    assertThat(inv[1][1]).isCloseTo(0.5, within(1e-12));
    assertThat(LogSpaceOptimizer.invertSymmetricPositiveDefinite(new double[][] {{1, 2}, {2, 1}}))
        .isNull();
  }
}
