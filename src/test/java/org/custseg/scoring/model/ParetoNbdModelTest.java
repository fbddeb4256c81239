package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoNbdModelTest {

  private static final ParetoNbdModel PUBLISHED = ParetoNbdModel.of(0.553, 10.58, 0.606, 11.66);

  /**
   * Published CDNOW Pareto/NBD: r = 0.553, alpha = 10.58, s = 0.606, beta = 11.66, LL = -9594.98.
   */
  @Test
  void cdnowFitReproducesPublishedEstimates() {
    List<CustomerTriple> data = CdnowData.triplesInWeeks();
    assertThat(PUBLISHED.totalLogLikelihood(data)).isCloseTo(-9594.98, within(0.05));
    FitResult<ParetoNbdModel.Parameters> fit = ParetoNbdModel.fit(data);
    System.out.printf(
        "Pareto/NBD CDNOW fit: %s LL=%.4f iterations=%d evaluations=%d time=%dms se=%s %s%n",
        fit.params(),
        fit.logLikelihood(),
        fit.iterations(),
        fit.functionEvaluations(),
        fit.elapsedMillis(),
        fit.standardErrors(),
        fit.message());
    assertThat(fit.converged()).as(fit.message()).isTrue();
    ParetoNbdModel.Parameters p = fit.paramsOrThrow();
    assertThat(p.r()).isCloseTo(0.553, within(0.0005));
    assertThat(p.alpha()).isCloseTo(10.58, within(0.005));
    assertThat(p.s()).isCloseTo(0.606, within(0.0005));
    assertThat(p.beta()).isCloseTo(11.66, within(0.05)); // 11.67 measured; 3 s.f. = 11.7
    assertThat(fit.logLikelihood()).isCloseTo(-9594.98, within(0.05));
  }

  /**
   * Independent values (mpmath hyp2f1, 30 digits) of the Fader-Hardie (2005) note formulas. alpha
   * &lt; beta branch at the published CDNOW parameters; alpha &gt;= beta at (0.55, 12, 0.6, 2); and
   * an extreme alpha &lt;&lt; beta case where the 2F1 argument is 0.99 (1-z transformation).
   */
  @Test
  void likelihoodAndPAliveMatchIndependentComputation() {
    assertThat(PUBLISHED.logLikelihood(2, 30.43, 38.86)).isCloseTo(-9.55461577517, within(1e-8));
    assertThat(PUBLISHED.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.869145111482, within(1e-9));
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
        .isCloseTo(1.45498801971, within(1e-8));
    assertThat(PUBLISHED.logLikelihood(0, 0, 38.86)).isCloseTo(-0.520877443815, within(1e-9));
    assertThat(PUBLISHED.probabilityAlive(0, 0, 38.86)).isCloseTo(0.295154847766, within(1e-9));
    assertThat(PUBLISHED.expectedPurchases(39)).isCloseTo(1.21248379151, within(1e-8));

    ParetoNbdModel alphaBig = ParetoNbdModel.of(0.55, 12, 0.6, 2);
    assertThat(alphaBig.logLikelihood(3, 20, 38.86)).isCloseTo(-12.8159522750, within(1e-8));
    assertThat(alphaBig.probabilityAlive(3, 20, 38.86)).isCloseTo(0.449660276901, within(1e-9));
    assertThat(alphaBig.logLikelihood(0, 0, 30)).isCloseTo(-0.243890279559, within(1e-9));
    assertThat(alphaBig.probabilityAlive(0, 0, 30)).isCloseTo(0.121397792227, within(1e-9));

    ParetoNbdModel extreme = ParetoNbdModel.of(0.55, 1, 0.6, 200);
    assertThat(extreme.logLikelihood(3, 1, 38.86)).isCloseTo(-7.74507301239, within(1e-7));
    assertThat(extreme.probabilityAlive(3, 1, 38.86)).isCloseTo(0.00939077823978, within(1e-9));
  }

  @Test
  void predictionsAreFiniteAtEdges() {
    for (ParetoNbdModel m :
        List.of(
            PUBLISHED, ParetoNbdModel.of(0.5, 10, 1.0, 10), ParetoNbdModel.of(2, 0.5, 0.3, 50))) {
      double[][] histories = {{0, 0, 0}, {0, 0, 1e4}, {1, 0, 1e4}, {40, 30, 30}, {40, 5, 300}};
      for (double[] h : histories) {
        int x = (int) h[0];
        assertThat(m.probabilityAlive(x, h[1], h[2])).isBetween(0.0, 1.0);
        assertThat(m.conditionalExpectedPurchases(52, x, h[1], h[2]))
            .isFinite()
            .isGreaterThanOrEqualTo(0.0);
        assertThat(m.logLikelihood(x, h[1], h[2])).isFinite();
      }
      assertThat(m.expectedPurchases(100)).isFinite().isPositive();
    }
  }

  @Test
  void degenerateAndCappedFits() {
    FitResult<ParetoNbdModel.Parameters> none =
        ParetoNbdModel.fit(List.of(new CustomerTriple(0, 0, 20, 30)));
    assertThat(none.status()).isEqualTo(FitStatus.DEGENERATE_DATA);
    assertThat(none.logLikelihood()).isNotNaN();

    List<CustomerTriple> sim = new Simulator(3).bgNbd(1500, 0.5, 8, 0.8, 2.4, 30, 40);
    FitResult<ParetoNbdModel.Parameters> capped =
        ParetoNbdModel.fit(sim, FitOptions.defaults().withMaxIterations(2));
    assertThat(capped.converged()).isFalse();
    assertThat(capped.status()).isEqualTo(FitStatus.MAX_ITERATIONS);
    assertThat(capped.logLikelihood()).isFinite();
  }
}
