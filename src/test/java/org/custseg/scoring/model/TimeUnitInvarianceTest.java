package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.custseg.schema.ModelTimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Refitting the same CDNOW data expressed in days (tx * 7, T * 7) must give the same predictions
 * over the same calendar horizon. The MLE is equivariant under a change of time scale (alpha and
 * beta scale by 7, shapes unchanged), so differences only come from optimiser tolerance: allowed
 * relative error 1e-3.
 */
class TimeUnitInvarianceTest {

  private static final double[][] HISTORIES_WEEKS = {
    {0, 0, 38.86}, {2, 30.43, 38.86}, {7, 10, 38.86}, {1, 1.71, 32.0}
  };
  private static final double HORIZON_WEEKS = 39;

  @Test
  void timeUnitConversions() {
    assertThat(ModelTimeUnit.DAYS.periodsPerMonth()).isEqualTo(30.4375);
    assertThat(ModelTimeUnit.WEEKS.periodsPerMonth()).isCloseTo(30.4375 / 7, within(1e-15));
    assertThat(ModelTimeUnit.DAYS.convertFrom(2, ModelTimeUnit.WEEKS)).isEqualTo(14.0);
    assertThat(ModelTimeUnit.WEEKS.convertFrom(14, ModelTimeUnit.DAYS)).isEqualTo(2.0);
  }

  @Test
  void bgNbdPredictionsDoNotDependOnTheTimeUnit() {
    FitResult<BgNbdModel.Parameters> weeks = BgNbdModel.fit(CdnowData.triples(1.0));
    FitResult<BgNbdModel.Parameters> days = BgNbdModel.fit(CdnowData.triples(7.0));
    assertThat(weeks.converged()).as(weeks.message()).isTrue();
    assertThat(days.converged()).as(days.message()).isTrue();
    assertThat(days.paramsOrThrow().alpha())
        .isCloseTo(7 * weeks.paramsOrThrow().alpha(), withinPercentage(0.1));
    assertSamePredictions(
        new BgNbdModel(weeks.paramsOrThrow()), new BgNbdModel(days.paramsOrThrow()));
  }

  @Test
  void paretoNbdPredictionsDoNotDependOnTheTimeUnit() {
    FitResult<ParetoNbdModel.Parameters> weeks = ParetoNbdModel.fit(CdnowData.triples(1.0));
    FitResult<ParetoNbdModel.Parameters> days = ParetoNbdModel.fit(CdnowData.triples(7.0));
    assertThat(weeks.converged()).as(weeks.message()).isTrue();
    assertThat(days.converged()).as(days.message()).isTrue();
    assertSamePredictions(
        new ParetoNbdModel(weeks.paramsOrThrow()), new ParetoNbdModel(days.paramsOrThrow()));
  }

  @Test
  void clvDoesNotDependOnTheTimeUnit() {
    BgNbdModel weeks = BgNbdModel.of(0.2426, 4.4137, 0.7930, 2.4262);
    BgNbdModel days = BgNbdModel.of(0.2426, 4.4137 * 7, 0.7930, 2.4262);
    ClvCalculator inWeeks = new ClvCalculator(weeks, ModelTimeUnit.WEEKS, 0.01);
    ClvCalculator inDays = new ClvCalculator(days, ModelTimeUnit.DAYS, 0.01);
    for (double[] h : HISTORIES_WEEKS) {
      int x = (int) h[0];
      double a = inWeeks.clv(x, h[1], h[2], 35.0, 12);
      double b = inDays.clv(x, h[1] * 7, h[2] * 7, 35.0, 12);
      assertThat(b).isCloseTo(a, withinPercentage(1e-8));
    }
  }

  private static void assertSamePredictions(TransactionModel weeks, TransactionModel days) {
    for (double[] h : HISTORIES_WEEKS) {
      int x = (int) h[0];
      double ceW = weeks.conditionalExpectedPurchases(HORIZON_WEEKS, x, h[1], h[2]);
      double ceD = days.conditionalExpectedPurchases(HORIZON_WEEKS * 7, x, h[1] * 7, h[2] * 7);
      assertThat(ceD)
          .as("E[Y] for %s", List.of(h[0], h[1], h[2]))
          .isCloseTo(ceW, withinPercentage(0.1));
      double paW = weeks.probabilityAlive(x, h[1], h[2]);
      double paD = days.probabilityAlive(x, h[1] * 7, h[2] * 7);
      assertThat(paD)
          .as("P(alive) for %s", List.of(h[0], h[1], h[2]))
          .isCloseTo(paW, withinPercentage(0.1));
    }
    assertThat(days.expectedPurchases(HORIZON_WEEKS * 7))
        .isCloseTo(weeks.expectedPurchases(HORIZON_WEEKS), withinPercentage(0.1));
  }
}
