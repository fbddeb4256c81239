package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MBG/NBD: reference values computed independently (a direct transcription of Batislam et al. 2007,
 * eq. 3-5, in Python with a plain power series for 2F1) at the CDNOW estimates r = 0.5248, alpha =
 * 6.1831, a = 0.8914, b = 1.6140; and the CDNOW fit itself.
 */
class MbgNbdModelTest {

  private static final MbgNbdModel CDNOW = MbgNbdModel.of(0.5248, 6.1831, 0.8914, 1.6140);

  @Test
  void logLikelihoodMatchesIndependentValues() {
    assertThat(CDNOW.logLikelihood(0, 0, 38.86)).isCloseTo(-0.5395655819734232, within(1e-12));
    assertThat(CDNOW.logLikelihood(2, 30.43, 38.86)).isCloseTo(-9.485906692522232, within(1e-11));
    assertThat(CDNOW.logLikelihood(7, 35.0, 38.0)).isCloseTo(-21.944301766042575, within(1e-11));
  }

  @Test
  void oneTimeBuyersAreNotCertainlyAlive() {
    // BG/NBD gives 1 to every customer without a repeat purchase; MBG/NBD does not.
    assertThat(CDNOW.probabilityAlive(0, 0, 38.86)).isCloseTo(0.3897245332571723, within(1e-12));
    assertThat(CDNOW.probabilityAlive(0, 0, 5.0)).isCloseTo(0.5702054751478263, within(1e-12));
    assertThat(CDNOW.probabilityAlive(0, 0, 100)).isLessThan(CDNOW.probabilityAlive(0, 0, 38.86));
    assertThat(BgNbdModel.of(0.2426, 4.4137, 0.7930, 2.4262).probabilityAlive(0, 0, 100))
        .isEqualTo(1.0);
    assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86))
        .isCloseTo(0.7061180002642629, within(1e-12));
    assertThat(CDNOW.probabilityAlive(7, 35.0, 38.0)).isCloseTo(0.8505916647489413, within(1e-12));
  }

  @Test
  void predictionsMatchIndependentValues() {
    assertThat(CDNOW.conditionalExpectedPurchases(39, 0, 0, 38.86))
        .isCloseTo(0.15394516025396987, within(1e-10));
    assertThat(CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
        .isCloseTo(1.2626267058525162, within(1e-10));
    assertThat(CDNOW.conditionalExpectedPurchases(39, 7, 35.0, 38.0))
        .isCloseTo(4.393218470087599, within(1e-9));
    assertThat(CDNOW.expectedPurchases(39)).isCloseTo(1.1821536950210754, within(1e-10));
    assertThat(CDNOW.expectedPurchases(78)).isCloseTo(1.8034315653155257, within(1e-10));
    assertThat(CDNOW.conditionalExpectedPurchases(0, 3, 10, 20)).isZero();
  }

  @Test
  void predictionsAreContinuousThroughAEqualsOne() {
    double below =
        MbgNbdModel.of(0.5, 6, 1 - 1e-3, 1.6).conditionalExpectedPurchases(20, 2, 10, 30);
    double at = MbgNbdModel.of(0.5, 6, 1, 1.6).conditionalExpectedPurchases(20, 2, 10, 30);
    double above =
        MbgNbdModel.of(0.5, 6, 1 + 1e-3, 1.6).conditionalExpectedPurchases(20, 2, 10, 30);
    assertThat(at).isBetween(Math.min(below, above), Math.max(below, above));
  }

  @Test
  void analyticGradientMatchesNumericalGradient() {
    List<CustomerTriple> data =
        List.of(
            new CustomerTriple(0, 0, 38.86, 5),
            new CustomerTriple(2, 30.43, 38.86, 2),
            new CustomerTriple(7, 35.0, 38.0, 1));
    GradientCheck.assertGradient(
        CDNOW.gradient(data),
        p -> new MbgNbdModel(MbgNbdModel.Parameters.fromArray(p)).totalLogLikelihood(data),
        CDNOW.parameters().toArray(),
        MbgNbdModel.NAMES,
        CDNOW);
  }

  @Test
  void cdnowLogLikelihoodAtPublishedEstimates() {
    List<CustomerTriple> data = CdnowData.triplesInWeeks();
    assertThat(CDNOW.totalLogLikelihood(data)).isCloseTo(-9582.14, within(0.05));
  }

  @Test
  void cdnowFitReproducesPublishedEstimates() {
    FitResult<MbgNbdModel.Parameters> fit = MbgNbdModel.fit(CdnowData.triplesInWeeks());
    assertThat(fit.converged()).as(fit.message()).isTrue();
    MbgNbdModel.Parameters p = fit.paramsOrThrow();
    assertThat(p.r()).isCloseTo(0.5248, within(0.0005));
    assertThat(p.alpha()).isCloseTo(6.1831, within(0.005));
    assertThat(p.a()).isCloseTo(0.8914, within(0.0005));
    assertThat(p.b()).isCloseTo(1.6140, within(0.005));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.14, within(0.05));
  }
}
