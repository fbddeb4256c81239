package org.custseg.support;

/**
 * The BG/NBD expectations of Fader, Hardie and Lee (2005), written out independently of the main
 * code for tests to check it against, with 2F1 summed as Gauss's series. Not for a near 1, where
 * they are 0/0.
 */
public final class BgNbdFormulas {

  private BgNbdFormulas() {}

  /** Eq. 9: E[X(t)], repeat purchases in (0, t] of a new customer. */
  public static double expectedRepeats(double r, double alpha, double a, double b, double t) {
    double z = t / (alpha + t);
    return (a + b - 1)
        / (a - 1)
        * (1 - Math.pow(alpha / (alpha + t), r) * hypergeometric2F1(r, b, a + b - 1, z));
  }

  /** Eq. 10: E[Y(t) | x, t_x, T], purchases in (T, T + t] of a customer with that history. */
  public static double conditionalExpectation(
      double r, double alpha, double a, double b, double t, int x, double tx, double bigT) {
    double z = t / (alpha + bigT + t);
    double numerator =
        (a + b + x - 1)
            / (a - 1)
            * (1
                - Math.pow((alpha + bigT) / (alpha + bigT + t), r + x)
                    * hypergeometric2F1(r + x, b + x, a + b + x - 1, z));
    double denominator =
        1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + bigT) / (alpha + tx), r + x) : 0);
    return numerator / denominator;
  }

  /** 2F1(a, b; c; z) for |z| < 1, summed until a term no longer moves the sum. */
  public static double hypergeometric2F1(double a, double b, double c, double z) {
    double term = 1.0;
    double sum = 1.0;
    for (int n = 0; n < 1_000_000; n++) {
      term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
      sum += term;
      if (Math.abs(term) < 1e-15 * Math.abs(sum)) {
        break;
      }
    }
    return sum;
  }
}
