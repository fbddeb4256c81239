package org.custseg.scoring.model;

/**
 * Sufficient statistics of one customer (or of {@code count} customers with identical statistics)
 * for the BG/NBD and Pareto/NBD models, in the model's time unit.
 *
 * @param x number of repeat purchases (purchases after the first one)
 * @param tx time of the last purchase, measured from the first purchase ({@code tx = 0} when {@code
 *     x = 0})
 * @param T age of the customer: time from the first purchase to the end of the calibration period
 * @param count number of customers with exactly these statistics (weight, at least 1)
 */
public record CustomerTriple(int x, double tx, double T, long count) {

  public CustomerTriple {
    if (x < 0) {
      throw new IllegalArgumentException("x must be >= 0, got " + x);
    }
    if (!(tx >= 0) || !(T >= 0) || Double.isInfinite(T)) {
      throw new IllegalArgumentException(
          "tx and T must be finite and >= 0, got tx=" + tx + ", T=" + T);
    }
    if (tx > T) {
      throw new IllegalArgumentException("tx must not exceed T, got tx=" + tx + ", T=" + T);
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException("tx must be 0 when x = 0, got tx=" + tx);
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
  }

  /** A single customer (weight 1). */
  public static CustomerTriple of(int x, double tx, double T) {
    return new CustomerTriple(x, tx, T, 1);
  }

  /**
   * The same statistics with times multiplied by {@code factor} (e.g. 7 to go from weeks to days).
   */
  public CustomerTriple rescaleTime(double factor) {
    return new CustomerTriple(x, tx * factor, T * factor, count);
  }
}
