package org.custseg.scoring.model;

/**
 * Spend statistics of one customer (or of {@code count} identical customers) for the Gamma-Gamma
 * model.
 *
 * @param x number of repeat purchases
 * @param meanSpend mean value of the repeat transactions
 * @param count number of customers with exactly these statistics (weight, at least 1)
 */
public record SpendObservation(int x, double meanSpend, long count) {

  public SpendObservation {
    if (x < 0) {
      throw new IllegalArgumentException("x must be >= 0, got " + x);
    }
    if (Double.isNaN(meanSpend) || Double.isInfinite(meanSpend)) {
      throw new IllegalArgumentException("meanSpend must be finite, got " + meanSpend);
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
  }

  public static SpendObservation of(int x, double meanSpend) {
    return new SpendObservation(x, meanSpend, 1);
  }

  /**
   * Whether this observation can enter a Gamma-Gamma fit (repeat buyer with positive mean spend).
   */
  public boolean usableForFit() {
    return x > 0 && meanSpend > 0;
  }
}
