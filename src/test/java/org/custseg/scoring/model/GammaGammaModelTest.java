package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaGammaModelTest {

  /**
   * Published CDNOW estimates on the 946 repeat buyers (FHL 2005, "RFM and CLV"): p = 6.25, q =
   * 3.74, v = 15.44.
   */
  @Test
  void cdnowFitReproducesPublishedEstimates() {
    List<SpendObservation> spend = CdnowData.spend();
    long usable = spend.stream().filter(SpendObservation::usableForFit).count();
    assertThat(usable).isEqualTo(946);
    FitResult<GammaGammaModel.Parameters> fit = GammaGammaModel.fit(spend);
    System.out.printf(
        "Gamma-Gamma CDNOW fit: %s LL=%.4f iterations=%d time=%dms se=%s %s%n",
        fit.params(),
        fit.logLikelihood(),
        fit.iterations(),
        fit.elapsedMillis(),
        fit.standardErrors(),
        fit.message());
    assertThat(fit.converged()).as(fit.message()).isTrue();
    GammaGammaModel.Parameters p = fit.paramsOrThrow();
    assertThat(p.p()).isCloseTo(6.25, within(0.005));
    assertThat(p.q()).isCloseTo(3.74, within(0.005));
    assertThat(p.v()).isCloseTo(15.44, within(0.05)); // 15.45 measured; 3 s.f. = 15.4
    assertThat(fit.message()).contains("1411 customers");
    // spend-frequency independence check: CDNOW correlation is weak
    double correlation = GammaGammaModel.spendFrequencyCorrelation(spend).orElseThrow();
    System.out.printf("CDNOW spend-frequency correlation: %.4f%n", correlation);
    assertThat(Math.abs(correlation)).isLessThan(0.3);
  }

  /**
   * E[M | x, mbar] = ((q-1)/(px+q-1)) * p v/(q-1) + (px/(px+q-1)) * mbar. At p=6.25, q=3.74,
   * v=15.44, x=2, mbar=22.35: px+q-1 = 15.24; population mean = 6.25*15.44/2.74 = 35.2190; weights
   * 2.74/15.24 and 12.5/15.24, so E = 0.179790*35.2190 + 0.820210*22.35 = 6.33202 + 18.33169 =
   * 24.66371.
   */
  @Test
  void conditionalExpectedSpendByHand() {
    GammaGammaModel m = GammaGammaModel.of(6.25, 3.74, 15.44);
    assertThat(m.populationMeanSpend()).hasValueCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
    double expected = (2.74 / 15.24) * (6.25 * 15.44 / 2.74) + (12.5 / 15.24) * 22.35;
    assertThat(m.conditionalExpectedMeanSpend(2, 22.35))
        .isCloseTo(expected, within(1e-12))
        .isCloseTo(24.6637, within(1e-4));
    assertThat(m.conditionalExpectedMeanSpend(0, 0)).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
    // q <= 1: population mean undefined, but repeat buyers still get a finite expectation
    GammaGammaModel heavyTail = GammaGammaModel.of(2, 0.8, 10);
    assertThat(heavyTail.populationMeanSpend()).isEmpty();
    assertThat(heavyTail.conditionalExpectedMeanSpend(3, 20)).isFinite();
    assertThatThrownBy(() -> heavyTail.conditionalExpectedMeanSpend(0, 0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void analyticGradientMatchesFiniteDifferences() {
    List<SpendObservation> data =
        List.of(
            new SpendObservation(1, 12.5, 4),
            new SpendObservation(3, 40.2, 2),
            new SpendObservation(12, 18.0, 1),
            SpendObservation.of(2, 1e3));
    for (GammaGammaModel m :
        List.of(GammaGammaModel.of(6.25, 3.74, 15.44), GammaGammaModel.of(0.5, 1.2, 300))) {
      GradientCheck.assertGradient(
          m.gradient(data),
          p -> GammaGammaModel.totalLogLikelihood(p, data, null),
          m.parameters().toArray(),
          GammaGammaModel.NAMES,
          m);
    }
  }

  /**
   * Multiplying all spends by c leaves p, q unchanged and multiplies v by c (the model is
   * scale-equivariant).
   */
  @Test
  void hugeSpendValuesAreHandled() {
    List<SpendObservation> base = new Simulator(11).gammaGamma(3000, 6, 3.5, 15, 8);
    List<SpendObservation> huge = new ArrayList<>();
    for (SpendObservation o : base) {
      huge.add(SpendObservation.of(o.x(), o.meanSpend() * 1e9));
    }
    FitResult<GammaGammaModel.Parameters> a = GammaGammaModel.fit(base);
    FitResult<GammaGammaModel.Parameters> b = GammaGammaModel.fit(huge);
    assertThat(a.converged()).as(a.message()).isTrue();
    assertThat(b.converged()).as(b.message()).isTrue();
    assertThat(b.paramsOrThrow().p()).isCloseTo(a.paramsOrThrow().p(), withinPercentage(0.1));
    assertThat(b.paramsOrThrow().q()).isCloseTo(a.paramsOrThrow().q(), withinPercentage(0.1));
    assertThat(b.paramsOrThrow().v()).isCloseTo(a.paramsOrThrow().v() * 1e9, withinPercentage(0.1));
    assertThat(new GammaGammaModel(b.paramsOrThrow()).conditionalExpectedMeanSpend(3, 2e10))
        .isFinite()
        .isPositive();
  }

  @Test
  void degenerateInputsGiveClearFailures() {
    FitResult<GammaGammaModel.Parameters> none =
        GammaGammaModel.fit(
            List.of(
                SpendObservation.of(0, 0), SpendObservation.of(2, 0), SpendObservation.of(3, -5)));
    assertThat(none.status()).isEqualTo(FitStatus.DEGENERATE_DATA);
    assertThat(none.params()).isEmpty();
    assertThat(none.logLikelihood()).isNotNaN();

    FitResult<GammaGammaModel.Parameters> identical =
        GammaGammaModel.fit(List.of(new SpendObservation(2, 25.0, 400)));
    assertThat(identical.logLikelihood()).isFinite();
    assertThat(identical.converged()).as(identical.message()).isFalse();
    assertThat(identical.message()).isNotBlank();

    FitResult<GammaGammaModel.Parameters> capped =
        GammaGammaModel.fit(CdnowLikeSpend.sample(), FitOptions.defaults().withMaxIterations(1));
    assertThat(capped.status()).isEqualTo(FitStatus.MAX_ITERATIONS);
    assertThat(capped.converged()).isFalse();
  }

  @Test
  void correlationHelper() {
    List<SpendObservation> perfect =
        List.of(
            SpendObservation.of(1, 10), SpendObservation.of(2, 20), new SpendObservation(3, 30, 5));
    assertThat(GammaGammaModel.spendFrequencyCorrelation(perfect))
        .hasValueCloseTo(1.0, within(1e-12));
    assertThat(GammaGammaModel.spendFrequencyCorrelation(List.of(SpendObservation.of(1, 10))))
        .isEmpty();
    assertThat(
            GammaGammaModel.spendFrequencyCorrelation(
                List.of(SpendObservation.of(1, 10), SpendObservation.of(1, 12))))
        .isEmpty();
  }

  /** Small synthetic spend sample (no file access). */
  static final class CdnowLikeSpend {
    static List<SpendObservation> sample() {
      return new Simulator(5).gammaGamma(1000, 6.25, 3.74, 15.44, 10);
    }
  }
}
