package org.custseg.scoring.model;

import smile.math.special.Gamma;

/**
 * Gaussian hypergeometric function 2F1(a, b; c; z) for real arguments and real {@code z < 1}.
 *
 * <ul>
 *   <li>{@code -0.5 <= z <= 0.9}: the power series, or the Euler-transformed series {@code
 *       (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)} when its terms decay faster (c-a-b &lt; 0);
 *   <li>{@code z < -0.5}: the Pfaff transformation {@code (1-z)^(-a) 2F1(a, c-b; c; z/(z-1))},
 *       which maps z into (1/3, 1);
 *   <li>{@code 0.9 < z < 1}: the linear transformation to {@code 1-z} (Abramowitz &amp; Stegun
 *       15.3.6) when {@code c-a-b} is not close to an integer, otherwise the best of the two series
 *       with a large term budget.
 * </ul>
 *
 * A series that has not converged within its term budget raises {@link ArithmeticException}; the
 * result is never NaN for valid input.
 */
public final class Hypergeometric2F1 {

  private static final double EPS = 1e-16;
  private static final int MAX_TERMS = 200_000;

  private Hypergeometric2F1() {}

  public static double value(double a, double b, double c, double z) {
    if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(z)) {
      throw new IllegalArgumentException("NaN argument to 2F1");
    }
    if (c <= 0 && c == Math.rint(c)) {
      throw new IllegalArgumentException("c must not be a non-positive integer, got " + c);
    }
    if (!(z < 1)) {
      throw new IllegalArgumentException("2F1 implemented for z < 1 only, got z=" + z);
    }
    if (z == 0 || a == 0 || b == 0) {
      return 1.0;
    }
    if (z < -0.5) {
      // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)), z/(z-1) in (1/3, 1)
      return Math.pow(1 - z, -a) * value(a, c - b, c, z / (z - 1));
    }
    if (z > 0.9) {
      double d = c - a - b;
      if (Math.abs(d - Math.rint(d)) > 1e-3) {
        return oneMinusZ(a, b, c, z);
      }
    }
    return bestSeries(a, b, c, z);
  }

  /** Direct series or Euler-transformed series, whichever has the faster-decaying terms. */
  private static double bestSeries(double a, double b, double c, double z) {
    double d = c - a - b;
    if (d < 0 && z > 0) {
      // Euler: terms decay like k^(d-1) instead of k^(-d-1)
      return Math.pow(1 - z, d) * series(c - a, c - b, c, z);
    }
    return series(a, b, c, z);
  }

  /** Plain power series sum_k (a)_k (b)_k / ((c)_k k!) z^k for |z| &lt; 1. */
  static double series(double a, double b, double c, double z) {
    double sum = 1.0;
    double term = 1.0;
    double comp = 0.0; // Kahan compensation
    int smallInARow = 0;
    for (int k = 0; k < MAX_TERMS; k++) {
      term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      if (term == 0) {
        return sum + comp;
      }
      double y = term - comp;
      double t = sum + y;
      comp = (t - sum) - y;
      sum = t;
      if (!Double.isFinite(sum)) {
        throw new ArithmeticException(
            "2F1 series overflow for a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
      }
      // The ratio of the next term to this one; it tends to |z| < 1 as k grows.
      double n = k + 1;
      double ratio = Math.abs((a + n) * (b + n) / ((c + n) * (n + 1)) * z);
      // Past k > -a, -b, -c no factor changes sign any more; with the ratio (and |z|) below 1
      // the rest of the series is bounded by a geometric tail.
      boolean settled = n > -a && n > -b && n > -c;
      double r = Math.max(ratio, Math.abs(z));
      if (settled && r < 1 && Math.abs(term) * r / (1 - r) <= EPS * Math.abs(sum)) {
        // a few consecutive small tails (the ratio can still creep up towards |z|)
        if (++smallInARow >= 3) {
          return sum;
        }
      } else {
        smallInARow = 0;
      }
    }
    throw new ArithmeticException(
        "2F1 series did not converge in "
            + MAX_TERMS
            + " terms for a="
            + a
            + ", b="
            + b
            + ", c="
            + c
            + ", z="
            + z);
  }

  /** Abramowitz &amp; Stegun 15.3.6, valid when c-a-b is not an integer. */
  private static double oneMinusZ(double a, double b, double c, double z) {
    double d = c - a - b;
    double w = 1 - z;
    double coef1 = gammaRatio(new double[] {c, d}, new double[] {c - a, c - b});
    double coef2 = gammaRatio(new double[] {c, -d}, new double[] {a, b});
    double t1 = coef1 == 0 ? 0 : coef1 * series(a, b, 1 - d, w);
    double t2 = coef2 == 0 ? 0 : coef2 * Math.pow(w, d) * series(c - a, c - b, 1 + d, w);
    double r = t1 + t2;
    if (!Double.isFinite(r)) {
      throw new ArithmeticException(
          "2F1 not finite for a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
    }
    return r;
  }

  /** prod Gamma(num) / prod Gamma(den), with signs for negative arguments and 1/Gamma(-n) = 0. */
  private static double gammaRatio(double[] num, double[] den) {
    double logAbs = 0;
    int sign = 1;
    for (double x : den) {
      if (x <= 0 && x == Math.rint(x)) {
        return 0.0;
      }
      logAbs -= logAbsGamma(x);
      sign *= signGamma(x);
    }
    for (double x : num) {
      logAbs += logAbsGamma(x);
      sign *= signGamma(x);
    }
    return sign * Math.exp(logAbs);
  }

  /** log|Gamma(x)| for real non-integer-or-positive x (reflection formula for x &lt; 0). */
  static double logAbsGamma(double x) {
    if (x > 0) {
      return Gamma.lgamma(x);
    }
    // Gamma(x) = pi / (sin(pi x) Gamma(1-x))
    return Math.log(Math.PI) - Math.log(Math.abs(Math.sin(Math.PI * x))) - Gamma.lgamma(1 - x);
  }

  static int signGamma(double x) {
    if (x > 0) {
      return 1;
    }
    return Math.sin(Math.PI * x) >= 0 ? 1 : -1;
  }
}
