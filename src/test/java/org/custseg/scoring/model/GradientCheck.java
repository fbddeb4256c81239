package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;

/** An analytic gradient against central differences (relative step 1e-6 per parameter). */
final class GradientCheck {

  private GradientCheck() {}

  /**
   * Asserts that {@code analytic} is the gradient of {@code f} at {@code p}, each component within
   * 1e-5 x (1 + |numerical|).
   */
  static void assertGradient(
      double[] analytic, ToDoubleFunction<double[]> f, double[] p, String[] names, Object where) {
    for (int i = 0; i < p.length; i++) {
      double h = 1e-6 * p[i];
      double[] up = p.clone();
      double[] down = p.clone();
      up[i] += h;
      down[i] -= h;
      double numerical = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
      assertThat(analytic[i])
          .as("d/d%s at %s", names[i], where)
          .isCloseTo(numerical, within(1e-5 * (1 + Math.abs(numerical))));
    }
  }
}
