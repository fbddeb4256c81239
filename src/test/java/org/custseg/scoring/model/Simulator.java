package org.custseg.scoring.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded simulators of the BG/NBD and Gamma-Gamma generative processes (test support). */
public final class Simulator {

  private final SplittableRandom random;

  public Simulator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * BG/NBD: lambda ~ Gamma(shape r, rate alpha), p ~ Beta(a, b); from the first purchase at time 0,
   * purchases follow a Poisson process with rate lambda; after each repeat purchase the customer
   * drops out with probability p. Each customer is observed for an age T drawn uniformly from
   * [minT, maxT].
   */
  public List<CustomerTriple> bgNbd(
      int customers, double r, double alpha, double a, double b, double minT, double maxT) {
    List<CustomerTriple> out = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      double lambda = gamma(r) / alpha;
      double p = beta(a, b);
      double T = minT + (maxT - minT) * random.nextDouble();
      int x = 0;
      double tx = 0;
      double t = 0;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / lambda;
        if (t > T) {
          break;
        }
        x++;
        tx = t;
        if (random.nextDouble() < p) {
          break;
        }
      }
      out.add(CustomerTriple.of(x, tx, T));
    }
    return out;
  }

  /**
   * Gamma-Gamma: nu ~ Gamma(shape q, rate v); each transaction ~ Gamma(shape p, rate nu); the mean
   * of x transactions is Gamma(shape p x, rate nu) / x. x is uniform on 1..maxX.
   */
  List<SpendObservation> gammaGamma(int customers, double p, double q, double v, int maxX) {
    List<SpendObservation> out = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      double nu = gamma(q) / v;
      int x = 1 + random.nextInt(maxX);
      double mean = gamma(p * x) / nu / x;
      out.add(SpendObservation.of(x, mean));
    }
    return out;
  }

  /** Gamma(shape k, rate 1) by Marsaglia-Tsang, with the U^(1/k) boost for k &lt; 1. */
  double gamma(double k) {
    if (k < 1) {
      double u = random.nextDouble();
      return gamma(k + 1) * Math.pow(u, 1.0 / k);
    }
    double d = k - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9 * d);
    while (true) {
      double z = normal();
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  double beta(double a, double b) {
    double x = gamma(a);
    double y = gamma(b);
    return x / (x + y);
  }

  private double normal() {
    // Box-Muller
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
