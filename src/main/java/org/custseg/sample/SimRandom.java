package org.custseg.sample;

import java.util.SplittableRandom;

/**
 * Seeded random helpers with fully specified algorithms, so that output is byte-identical for a
 * given seed on every JDK (no reliance on {@code nextGaussian()} or library-global RNG state).
 *
 * <p>Every random quantity of the simulator is drawn from its own short-lived {@link
 * SplittableRandom} whose seed is a hash of (global seed, customer, event, stream). This
 * "counter-based" scheme lets the simulator regenerate any customer's history independently of all
 * other customers and of the order in which customers are processed.
 */
final class SimRandom {

  private SimRandom() {}

  /** The SplitMix64 finaliser: a bijection on 64-bit values with good avalanche. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A well-mixed seed for the random stream identified by (seed, a, b, stream). */
  static long seedFor(long seed, long a, long b, long stream) {
    long h = mix64(seed ^ 0x6a09e667f3bcc909L);
    h = mix64(h ^ (a * 0x9e3779b97f4a7c15L));
    h = mix64(h ^ (b * 0xc2b2ae3d27d4eb4fL));
    h = mix64(h ^ (stream * 0x165667b19e3779f9L));
    return h;
  }

  static SplittableRandom rng(long seed, long a, long b, long stream) {
    return new SplittableRandom(seedFor(seed, a, b, stream));
  }

  /** Uniform in the open interval (0, 1). */
  static double openUniform(SplittableRandom rng) {
    double u;
    do {
      u = rng.nextDouble();
    } while (u == 0.0);
    return u;
  }

  /** Standard normal by Marsaglia's polar method (the second variate is discarded). */
  static double normal(SplittableRandom rng) {
    double x;
    double y;
    double s;
    do {
      x = 2.0 * rng.nextDouble() - 1.0;
      y = 2.0 * rng.nextDouble() - 1.0;
      s = x * x + y * y;
    } while (s >= 1.0 || s == 0.0);
    return x * Math.sqrt(-2.0 * Math.log(s) / s);
  }

  /** Gamma(shape, scale 1) by Marsaglia and Tsang (2000), with the U^(1/k) boost for shape < 1. */
  static double standardGamma(SplittableRandom rng, double shape) {
    if (!(shape > 0.0)) {
      throw new IllegalArgumentException("gamma shape must be > 0: " + shape);
    }
    if (shape < 1.0) {
      double g = standardGamma(rng, shape + 1.0);
      return g * Math.pow(openUniform(rng), 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal(rng);
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      double u = openUniform(rng);
      double x2 = x * x;
      if (u < 1.0 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** Gamma with the given shape and <em>rate</em> (mean shape / rate). */
  static double gamma(SplittableRandom rng, double shape, double rate) {
    return standardGamma(rng, shape) / rate;
  }

  /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  static double beta(SplittableRandom rng, double a, double b) {
    double x = standardGamma(rng, a);
    double y = standardGamma(rng, b);
    double s = x + y;
    if (s == 0.0) {
      // Both underflowed (only for tiny shapes): fall back to the Bernoulli limit.
      return rng.nextDouble() < a / (a + b) ? 1.0 : 0.0;
    }
    return x / s;
  }

  /** Exponential with the given rate; +infinity for a rate of 0. */
  static double exponential(SplittableRandom rng, double rate) {
    return -Math.log(openUniform(rng)) / rate;
  }

  /** Index drawn from cumulative weights (last element is the total). */
  static int pick(SplittableRandom rng, double[] cumulative) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  static double[] cumulative(double... weights) {
    double[] c = new double[weights.length];
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i];
      c[i] = s;
    }
    return c;
  }
}
