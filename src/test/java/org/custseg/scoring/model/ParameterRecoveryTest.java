package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Simulate from known parameters, refit, and compare. Tolerance: 4 asymptotic standard errors (from
 * the inverse observed information at the estimate, reported by the fit). With 20,000 customers the
 * standard errors are about sqrt(2357/20000) ~ 0.34 of the CDNOW ones (e.g. se(a) ~ 0.06, se(b) ~
 * 0.25 around a = 0.8, b = 2.4); a 4-sigma band fails by chance for one parameter with probability
 * ~ 6e-5, and the seed is fixed, so the test is deterministic. A relative sanity bound (estimates
 * within 50%) guards against absurdly large reported standard errors.
 */
class ParameterRecoveryTest {

  private static final double SIGMAS = 4.0;

  @Test
  void bgNbdRecoversSimulationParameters() {
    double[] truth = {0.25, 4.0, 0.8, 2.5};
    List<CustomerTriple> data =
        new Simulator(20240601L).bgNbd(20_000, truth[0], truth[1], truth[2], truth[3], 26, 52);
    FitResult<BgNbdModel.Parameters> fit = BgNbdModel.fit(data);
    System.out.printf(
        "BG/NBD recovery: %s se=%s iterations=%d time=%dms%n",
        fit.params(), fit.standardErrors(), fit.iterations(), fit.elapsedMillis());
    assertThat(fit.converged()).as(fit.message()).isTrue();
    assertWithinStandardErrors(
        fit.paramsOrThrow().toArray(), truth, BgNbdModel.NAMES, fit.standardErrors());
  }

  @Test
  void gammaGammaRecoversSimulationParameters() {
    double[] truth = {6.0, 3.5, 15.0};
    List<SpendObservation> data =
        new Simulator(99L).gammaGamma(20_000, truth[0], truth[1], truth[2], 10);
    FitResult<GammaGammaModel.Parameters> fit = GammaGammaModel.fit(data);
    System.out.printf(
        "Gamma-Gamma recovery: %s se=%s iterations=%d time=%dms%n",
        fit.params(), fit.standardErrors(), fit.iterations(), fit.elapsedMillis());
    assertThat(fit.converged()).as(fit.message()).isTrue();
    assertWithinStandardErrors(
        fit.paramsOrThrow().toArray(), truth, GammaGammaModel.NAMES, fit.standardErrors());
  }

  private static void assertWithinStandardErrors(
      double[] est, double[] truth, String[] names, Map<String, Double> se) {
    assertThat(se).containsOnlyKeys(names);
    for (int i = 0; i < truth.length; i++) {
      double s = se.get(names[i]);
      assertThat(s).as("se(%s)", names[i]).isFinite().isPositive().isLessThan(0.25 * truth[i]);
      assertThat(Math.abs(est[i] - truth[i]))
          .as("|%s - truth| vs %s se", names[i], SIGMAS)
          .isLessThanOrEqualTo(SIGMAS * s);
      assertThat(est[i]).isBetween(0.5 * truth[i], 1.5 * truth[i]);
    }
  }
}
