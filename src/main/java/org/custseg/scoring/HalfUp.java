package org.custseg.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds doubles half-up to a few decimal places with exactly the results of Spark's {@code
 * round(double, scale)} and of its cast of that to {@code decimal(p, scale)}. Both go through the
 * double's decimal text ({@code BigDecimal.valueOf}): decimal code was on top of a quarter of the
 * scoring pass's profile samples (docs/benchmark.md). Here the value is scaled and rounded in
 * binary wherever the scaled value is far enough from a half for both to round the same way, and
 * through the text otherwise.
 *
 * <p>Why it is exact: the text of {@code v} is within half an ulp of {@code v}, and {@code v x
 * 10^scale} as a double within half an ulp of the product, so the scaled text differs from the
 * scaled double by less than two ulps of it; four ulps from a half, both round to the same integer.
 * That integer over {@code 10^scale} is one correctly rounded division, as {@code
 * BigDecimal.doubleValue} computes it; below 10^15 (scaled) the double's own text is that decimal.
 */
final class HalfUp {

  private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

  /** Scaled magnitudes from here on go through the text. */
  private static final double BINARY_LIMIT = 1e15;

  private static final long UNCERTAIN = Long.MIN_VALUE;

  private HalfUp() {}

  /** Spark's {@code round(v, scale)} of a double: half-up on its decimal text. */
  static double round(double v, int scale) {
    if (!Double.isFinite(v)) {
      return v;
    }
    long unscaled = unscaled(v, scale);
    if (unscaled == UNCERTAIN) {
      return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
    return unscaled == 0 ? 0.0 : unscaled / POWERS[scale];
  }

  /**
   * Spark's {@code cast(round(v, scale) as decimal(p, scale))} for a finite {@code v} whose value
   * fits the decimal's precision (the caller clamps it).
   */
  static BigDecimal decimal(double v, int scale) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite number: " + v);
    }
    long unscaled = unscaled(v, scale);
    if (unscaled == UNCERTAIN) {
      return BigDecimal.valueOf(round(v, scale)).setScale(scale, RoundingMode.HALF_UP);
    }
    return BigDecimal.valueOf(unscaled, scale);
  }

  /** {@code v x 10^scale} rounded half-up, or {@link #UNCERTAIN} near a half or above the limit. */
  private static long unscaled(double v, int scale) {
    double scaled = Math.abs(v * POWERS[scale]);
    if (!(scaled < BINARY_LIMIT)) {
      return UNCERTAIN;
    }
    double floor = Math.floor(scaled);
    double fraction = scaled - floor;
    double guard = 4 * Math.ulp(scaled);
    long magnitude;
    if (fraction > 0.5 + guard) {
      magnitude = (long) floor + 1;
    } else if (fraction < 0.5 - guard) {
      magnitude = (long) floor;
    } else {
      return UNCERTAIN;
    }
    return v < 0 ? -magnitude : magnitude;
  }
}
