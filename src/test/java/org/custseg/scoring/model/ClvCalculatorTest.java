package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.custseg.schema.ModelTimeUnit;
import org.junit.jupiter.api.Test;

class ClvCalculatorTest {

  private static final BgNbdModel BG = BgNbdModel.of(0.2426, 4.4137, 0.7930, 2.4262);
  private static final GammaGammaModel GG = GammaGammaModel.of(6.25, 3.74, 15.44);

  @Test
  void monthlyPurchasesSumToTheConditionalExpectationOverTheHorizon() {
    ClvCalculator clv = new ClvCalculator(BG, ModelTimeUnit.WEEKS, 0.0);
    double[] months = clv.expectedPurchasesByMonth(2, 30.43, 38.86, 12);
    double sum = 0;
    for (double m : months) {
      assertThat(m).isFinite().isGreaterThanOrEqualTo(0.0);
      sum += m;
    }
    double horizonWeeks = 12 * 30.4375 / 7;
    assertThat(sum)
        .isCloseTo(BG.conditionalExpectedPurchases(horizonWeeks, 2, 30.43, 38.86), within(1e-12));
    // undiscounted CLV = expected purchases x spend
    assertThat(clv.clv(2, 30.43, 38.86, 24.66, 12)).isCloseTo(sum * 24.66, within(1e-9));
  }

  /** With d > 0 every month m is divided by (1+d)^m: check against a hand-written sum. */
  @Test
  void discounting() {
    ClvCalculator clv = new ClvCalculator(BG, ModelTimeUnit.WEEKS, 0.02);
    double[] months = clv.expectedPurchasesByMonth(2, 30.43, 38.86, 6);
    double spend = GG.conditionalExpectedMeanSpend(2, 22.35);
    double expected = 0;
    for (int m = 1; m <= 6; m++) {
      expected += months[m - 1] * spend / Math.pow(1.02, m);
    }
    assertThat(clv.clv(2, 30.43, 38.86, 22.35, GG, 6)).isCloseTo(expected, within(1e-9));
    assertThat(clv.clv(2, 30.43, 38.86, 22.35, GG, 6))
        .isLessThan(
            new ClvCalculator(BG, ModelTimeUnit.WEEKS, 0.0).clv(2, 30.43, 38.86, 22.35, GG, 6));
    assertThat(clv.clv(0, 0, 38.86, 35, 0)).isZero();
  }

  /**
   * Two purchases a month, spend 10, 1 % a month: the next month is worth 20 (undiscounted), the
   * horizon's months 2 and 3 are worth 20 / 1.01^2 + 20 / 1.01^3 = 39.0177, the whole horizon 20 /
   * 1.01 + 39.0177 = 58.8197. So current + future = clv + 20 x (1 - 1 / 1.01).
   */
  @Test
  void theHorizonSplitAtTheNextPeriodCountsEveryMonthOnce() {
    ClvCalculator.Horizon h = ClvCalculator.split(t -> 2 * t, 3, 0.01, 1.0);
    assertThat(h.nextPeriod()).isCloseTo(2.0, within(1e-12));
    assertThat(h.discountedNextPeriod()).isCloseTo(1.9801980198019802, within(1e-12));
    assertThat(h.discountedAfter()).isCloseTo(3.9017723946691305, within(1e-12));
    double current = 10 * h.nextPeriod();
    double future = 10 * h.discountedAfter();
    double clv = 10 * h.discounted();
    assertThat(clv).isCloseTo(58.81970414471111, within(1e-9));
    assertThat(current + future).isCloseTo(clv + current * (1 - 1 / 1.01), within(1e-12));

    // A half-month period: month 1 is split, its later half is after the period.
    ClvCalculator.Horizon half = ClvCalculator.split(t -> 2 * t, 2, 0.01, 0.5);
    assertThat(half.nextPeriod()).isCloseTo(1.0, within(1e-12));
    assertThat(half.discountedNextPeriod()).isCloseTo(1 / 1.01, within(1e-12));
    assertThat(half.discountedAfter()).isCloseTo(1 / 1.01 + 2 / (1.01 * 1.01), within(1e-12));

    assertThatThrownBy(() -> ClvCalculator.split(t -> t, 2, 0.01, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within the horizon");
  }

  /** The split of a fitted model: its parts are the month-by-month CLV. */
  @Test
  void aModelsHorizonSplitAddsUpToItsDiscountedPurchases() {
    ClvCalculator clv = new ClvCalculator(BG, ModelTimeUnit.WEEKS, 0.01);
    ClvCalculator.Horizon h = clv.horizon(2, 30.43, 38.86, 12, ModelTimeUnit.DAYS_PER_MONTH);
    double[] months = clv.expectedPurchasesByMonth(2, 30.43, 38.86, 12);
    assertThat(h.nextPeriod()).isCloseTo(months[0], within(1e-12));
    assertThat(h.discountedNextPeriod()).isCloseTo(months[0] / 1.01, within(1e-12));
    assertThat(h.discounted())
        .isCloseTo(clv.discountedPurchases(2, 30.43, 38.86, 12), within(1e-12));
  }

  @Test
  void worksWithParetoNbdAndRejectsInvalidInput() {
    ClvCalculator clv =
        new ClvCalculator(ParetoNbdModel.of(0.553, 10.58, 0.606, 11.66), ModelTimeUnit.WEEKS, 0.01);
    assertThat(clv.clv(2, 30.43, 38.86, 25, 24)).isFinite().isPositive();
    assertThatThrownBy(() -> new ClvCalculator(BG, ModelTimeUnit.WEEKS, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clv.clv(2, 30.43, 38.86, Double.NaN, 12))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clv.clv(2, 40, 38.86, 10, 12))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
