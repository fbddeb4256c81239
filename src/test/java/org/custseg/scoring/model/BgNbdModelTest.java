package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {

  /** Published CDNOW estimates (FHL 2005). */
  private static final BgNbdModel PUBLISHED = BgNbdModel.of(0.2426, 4.4137, 0.7930, 2.4262);

  /**
   * x = 0: ln B(a, b+0) - ln B(a, b) = 0 and the A4 term is absent, so ln L = lnGamma(r) -
   * lnGamma(r) + r ln(alpha) - r ln(alpha + T) = r ln(alpha / (alpha + T)). With T = 38.86: 0.2426
   * * ln(4.4137 / 43.2737) = 0.2426 * (-2.282831...) = -0.5538150 (mpmath: -0.553814975323).
   * P(alive) = 1 for x = 0 (no purchase after the first, so no dropout opportunity).
   */
  @Test
  void zeroRepeatCustomerByHand() {
    double T = 38.86;
    assertThat(PUBLISHED.logLikelihood(0, 0, T))
        .isCloseTo(0.2426 * Math.log(4.4137 / (4.4137 + T)), within(1e-12));
    assertThat(PUBLISHED.logLikelihood(0, 0, T)).isCloseTo(-0.553814975323, within(1e-9));
    assertThat(PUBLISHED.probabilityAlive(0, 0, T)).isEqualTo(1.0);
    // E[Y(39) | 0, 0, 38.86] (mpmath with hyp2f1): 0.194786141046
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 0, 0, T))
        .isCloseTo(0.194786141046, within(1e-8));
  }

  /**
   * CDNOW customer 1 (x = 2, tx = 30.43, T = 38.86). FHL 2005 (and Hardie's Excel note) report
   * E[Y(39) | 2, 30.43, 38.86] = 1.226. Independently with mpmath: ln L = -9.45967078953, P(alive)
   * = 1 / (1 + 0.7930/3.4262 * (43.2737/34.8437)^2.2426) = 0.726606636654, E[Y(39)] =
   * 1.22589548571.
   */
  @Test
  void customerOneMatchesPaperAndIndependentComputation() {
    assertThat(PUBLISHED.logLikelihood(2, 30.43, 38.86)).isCloseTo(-9.45967078953, within(1e-8));
    double manualOdds =
        0.7930 / (2.4262 + 2 - 1) * Math.pow((4.4137 + 38.86) / (4.4137 + 30.43), 0.2426 + 2);
    assertThat(PUBLISHED.probabilityAlive(2, 30.43, 38.86))
        .isCloseTo(1 / (1 + manualOdds), within(1e-12))
        .isCloseTo(0.726606636654, within(1e-9));
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
        .isCloseTo(1.226, within(0.0005))
        .isCloseTo(1.22589548571, within(1e-8));
    // two more mpmath points: recent vs. long-inactive frequent buyer
    assertThat(PUBLISHED.probabilityAlive(7, 35, 38.86)).isCloseTo(0.843775229065, within(1e-9));
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 7, 35, 38.86))
        .isCloseTo(4.38736537835, within(1e-7));
    assertThat(PUBLISHED.probabilityAlive(7, 10, 38.86)).isCloseTo(0.00368795047742, within(1e-11));
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 7, 10, 38.86))
        .isCloseTo(0.0191761806751, within(1e-9));
  }

  /** E[X(t)] (FHL eq. 9), mpmath: E[X(39)] = 1.19500969683, E[X(78)] = 1.85794551747. */
  @Test
  void unconditionalExpectation() {
    assertThat(PUBLISHED.expectedPurchases(39)).isCloseTo(1.19500969683, within(1e-8));
    assertThat(PUBLISHED.expectedPurchases(78)).isCloseTo(1.85794551747, within(1e-8));
    assertThat(PUBLISHED.expectedPurchases(0)).isZero();
  }

  /** Analytic gradient vs. central differences (relative step 1e-6 per parameter). */
  @Test
  void analyticGradientMatchesFiniteDifferences() {
    List<CustomerTriple> data =
        List.of(
            new CustomerTriple(0, 0, 38.86, 1411),
            new CustomerTriple(1, 1.71, 38.86, 3),
            new CustomerTriple(2, 30.43, 38.86, 5),
            new CustomerTriple(14, 32.1, 33.0, 1),
            new CustomerTriple(60, 70.0, 75.0, 2));
    for (BgNbdModel m :
        List.of(PUBLISHED, BgNbdModel.of(1.7, 0.3, 3.2, 0.4), BgNbdModel.of(0.05, 40, 0.2, 9))) {
      GradientCheck.assertGradient(
          m.gradient(data),
          p -> new BgNbdModel(BgNbdModel.Parameters.fromArray(p)).totalLogLikelihood(data),
          m.parameters().toArray(),
          BgNbdModel.NAMES,
          m);
    }
  }

  @Test
  void predictionsAreFiniteAtEdgesOfTheInputSpace() {
    for (BgNbdModel m :
        List.of(
            PUBLISHED,
            BgNbdModel.of(0.2426, 4.4137, 1.0, 2.4262),
            BgNbdModel.of(5, 0.01, 30, 0.05),
            BgNbdModel.of(1e-4, 1e4, 1e-3, 1e3))) {
      double[][] histories = {
        {0, 0, 0},
        {0, 0, 1e-9},
        {0, 0, 1e5},
        {1, 0, 0},
        {1, 0, 1e5},
        {500, 1e5, 1e5},
        {500, 1, 1e5},
        {3, 2, 2}
      };
      for (double[] h : histories) {
        int x = (int) h[0];
        double pa = m.probabilityAlive(x, h[1], h[2]);
        double ce = m.conditionalExpectedPurchases(52, x, h[1], h[2]);
        double ll = m.logLikelihood(x, h[1], h[2]);
        assertThat(pa).as("P(alive) %s %s", m, java.util.Arrays.toString(h)).isBetween(0.0, 1.0);
        assertThat(ce)
            .as("E[Y] %s %s", m, java.util.Arrays.toString(h))
            .isFinite()
            .isGreaterThanOrEqualTo(0.0);
        assertThat(ll).as("LL %s %s", m, java.util.Arrays.toString(h)).isFinite();
      }
      assertThat(m.expectedPurchases(1e4)).isFinite().isPositive();
    }
    // a = 1 exactly is a removable 0/0; it must agree with its neighbours
    BgNbdModel one = BgNbdModel.of(0.2426, 4.4137, 1.0, 2.4262);
    BgNbdModel near = BgNbdModel.of(0.2426, 4.4137, 1.001, 2.4262);
    assertThat(one.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
        .isCloseTo(near.conditionalExpectedPurchases(39, 2, 30.43, 38.86), withinPercentage(0.5));
  }

  @Test
  void noRepeatBuyersIsReportedAsDegenerate() {
    List<CustomerTriple> data =
        List.of(new CustomerTriple(0, 0, 30, 100), new CustomerTriple(0, 0, 12, 40));
    FitResult<BgNbdModel.Parameters> fit = BgNbdModel.fit(data);
    assertThat(fit.converged()).isFalse();
    assertThat(fit.status()).isEqualTo(FitStatus.DEGENERATE_DATA);
    assertThat(fit.params()).isEmpty();
    assertThat(fit.message()).contains("no repeat purchases");
    assertThat(fit.logLikelihood()).isNotNaN();
  }

  @Test
  void identicalCustomersGiveAFiniteResultWithAClearStatus() {
    FitResult<BgNbdModel.Parameters> fit =
        BgNbdModel.fit(List.of(new CustomerTriple(3, 20, 30, 500)));
    assertThat(fit.logLikelihood()).isFinite();
    assertThat(fit.message()).isNotBlank();
    fit.params()
        .ifPresent(
            p ->
                assertThat(p.asMap().values())
                    .allSatisfy(v -> assertThat(v).isFinite().isPositive()));
    // a single history cannot identify four parameters: the search runs to the edge of the
    // parameter space
    assertThat(fit.status())
        .isIn(FitStatus.AT_BOUND, FitStatus.NOT_CONVERGED, FitStatus.MAX_ITERATIONS);
    assertThat(fit.converged()).isFalse();
  }

  @Test
  void iterationCapReportsNonConvergence() {
    Simulator sim = new Simulator(7);
    List<CustomerTriple> data = sim.bgNbd(2000, 0.25, 4.4, 0.8, 2.4, 30, 40);
    FitResult<BgNbdModel.Parameters> fit =
        BgNbdModel.fit(data, FitOptions.defaults().withMaxIterations(2));
    assertThat(fit.converged()).isFalse();
    assertThat(fit.status()).isEqualTo(FitStatus.MAX_ITERATIONS);
    assertThat(fit.iterations()).isLessThanOrEqualTo(2);
    assertThat(fit.message()).contains("not converged");
    assertThat(fit.logLikelihood()).isFinite();
  }

  @Test
  void compressionKeepsTheLikelihood() {
    List<CustomerTriple> raw = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      raw.add(CustomerTriple.of(0, 0, 38.86));
      raw.add(CustomerTriple.of(2, 30.43, 38.86));
    }
    List<CustomerTriple> compressed = SufficientStats.compress(raw);
    assertThat(compressed).hasSize(2);
    assertThat(PUBLISHED.totalLogLikelihood(compressed))
        .isCloseTo(PUBLISHED.totalLogLikelihood(raw), within(1e-9));
  }
}
