package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hypergeometric2F1Test {

  /**
   * 2F1(1,1;2;z) = -ln(1-z)/z; covers the series, the Pfaff branch (z &lt; -0.5, z &lt;= -1) and z
   * near 1 with integer c-a-b.
   */
  @ParameterizedTest
  @ValueSource(doubles = {-50, -5, -1, -0.7, -0.3, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999})
  void logarithmClosedForm(double z) {
    double expected = -Math.log1p(-z) / z;
    assertThat(Hypergeometric2F1.value(1, 1, 2, z)).isCloseTo(expected, withinPercentage(1e-10));
  }

  /** 2F1(a,b;b;z) = (1-z)^-a. */
  @ParameterizedTest
  @CsvSource({"0.5,2.0,0.3", "1.7,0.4,-0.9", "2.3,3.1,0.95", "0.25,1.5,-4.0", "3.0,2.5,0.6"})
  void powerClosedForm(double a, double b, double z) {
    assertThat(Hypergeometric2F1.value(a, b, b, z))
        .isCloseTo(Math.pow(1 - z, -a), withinPercentage(1e-10));
  }

  /** Reference values computed independently with mpmath.hyp2f1 (30 digits). */
  @ParameterizedTest
  @CsvSource({
    "0.5, 1.5, 2.5, 0.3, 1.10806255105693199328613812805",
    "1.2, 2.3, 3.7, 0.95, 4.88868937266368859329090899971",
    "1.2, 2.3, 3.1, 0.99, 21.9979257943191606637468748458",
    "2.5, 1.5, 3.5, -3.0, 0.199711669749211377057421454266",
    "0.7, 2.2, 1.9, -0.8, 0.626488257622887443970022171559",
    "3.2, 4.1, 5.0, 0.999, 13452291.0930688736624627952314",
    "1.5, 2.5, 4.0, 0.97, 9.78473486108516050398534693442"
  })
  void mpmathReferenceValues(double a, double b, double c, double z, double expected) {
    assertThat(Hypergeometric2F1.value(a, b, c, z)).isCloseTo(expected, withinPercentage(1e-8));
  }

  @Test
  void trivialCasesAndInvalidArguments() {
    assertThat(Hypergeometric2F1.value(2.5, 3.5, 1.5, 0.0)).isEqualTo(1.0);
    assertThat(Hypergeometric2F1.value(0.0, 3.5, 1.5, 0.7)).isEqualTo(1.0);
    assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, -2, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hypergeometric2F1.value(Double.NaN, 1, 2, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Degenerate BG/NBD fits (no dropout in the data) drive a and b to 1e5..1e6; the series must
   * still stop after a few terms (it used to insist on k > |a| + |b| terms, more than the series'
   * term budget: such a series would fail with an ArithmeticException instead of a value).
   */
  @Test
  void hugeParametersConvergeQuickly() {
    // 2F1(a, b; b; z) = (1 - z)^(-a), whatever the size of b
    assertThat(Hypergeometric2F1.value(1.5, 1e6, 1e6, 0.3))
        .isCloseTo(Math.pow(0.7, -1.5), withinPercentage(1e-10));
    // the BG/NBD shape: 2F1(r + x, b + x; a + b + x - 1; z) with huge a, b
    double v = Hypergeometric2F1.value(3.24, 995_420, 1_123_690, 0.25);
    // terms: ratio ~ (b / (a + b)) z (r + x + k) / (k + 1) ~ 0.22: a geometric-like sum
    assertThat(v).isGreaterThan(1).isFinite();
  }
}
