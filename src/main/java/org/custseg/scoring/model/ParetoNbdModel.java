package org.custseg.scoring.model;

import java.util.Collection;
import smile.math.special.Gamma;

/**
 * Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987), with the likelihood and related
 * expressions of Fader &amp; Hardie (2005), "A note on deriving the Pareto/NBD model and related
 * expressions". While alive, a customer buys as a Poisson process with rate {@code lambda ~
 * Gamma(r, alpha)}; the lifetime is exponential with rate {@code mu ~ Gamma(s, beta)}.
 */
public final class ParetoNbdModel implements TransactionModel {

  public static final String[] NAMES = {"r", "alpha", "s", "beta"};

  /** Relative step (in log-parameters) of the central-difference gradient. */
  static final double GRADIENT_STEP = 1e-5;

  /** Pareto/NBD parameters (all strictly positive). */
  public record Parameters(double r, double alpha, double s, double beta)
      implements ModelParameters {
    public Parameters {
      ModelParameters.requirePositive("Pareto/NBD", NAMES, r, alpha, s, beta);
    }

    static Parameters fromArray(double[] p) {
      return new Parameters(p[0], p[1], p[2], p[3]);
    }

    @Override
    public double[] toArray() {
      return new double[] {r, alpha, s, beta};
    }

    @Override
    public String[] names() {
      return NAMES;
    }
  }

  private final Parameters params;

  public ParetoNbdModel(Parameters params) {
    this.params = params;
  }

  public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
    return new ParetoNbdModel(new Parameters(r, alpha, s, beta));
  }

  public Parameters parameters() {
    return params;
  }

  // ---------------------------------------------------------------- likelihood

  /**
   * ln L = lnGamma(r+x) - lnGamma(r) + r ln(alpha) + s ln(beta) + ln[ (alpha+T)^-(r+x) (beta+T)^-s
   * + s/(r+s+x) A0 ] (Fader &amp; Hardie 2005 note, eq. 11-13).
   *
   * @throws ArithmeticException if the hypergeometric series cannot be evaluated for these
   *     parameters
   */
  @Override
  public double logLikelihood(int x, double tx, double T) {
    TransactionModel.checkHistory(x, tx, T);
    return logLikelihood(params.toArray(), x, tx, T);
  }

  @Override
  public double totalLogLikelihood(Iterable<CustomerTriple> data) {
    return totalLogLikelihood(params.toArray(), data);
  }

  static double totalLogLikelihood(double[] p, Iterable<CustomerTriple> data) {
    return TransactionModelFit.weightedTotal(
        p, data, null, (q, x, tx, T, gradient) -> logLikelihood(q, x, tx, T));
  }

  static double logLikelihood(double[] p, int x, double tx, double T) {
    double r = p[0], alpha = p[1], s = p[2], beta = p[3];
    double head = Gamma.lgamma(r + x) - Gamma.lgamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    double b1 = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    double logA0 = logA0(p, x, tx, T);
    if (logA0 == Double.NEGATIVE_INFINITY) {
      return head + b1;
    }
    double b2 = Math.log(s / (r + s + x)) + logA0;
    return head + logSumExp(b1, b2);
  }

  /**
   * ln A0 (Fader &amp; Hardie 2005 note): for alpha &gt;= beta A0 = 2F1(r+s+x, s+1; r+s+x+1;
   * (alpha-beta)/(alpha+tx)) / (alpha+tx)^(r+s+x) - 2F1(r+s+x, s+1; r+s+x+1;
   * (alpha-beta)/(alpha+T)) / (alpha+T)^(r+s+x); for alpha &lt; beta the same with alpha and beta
   * swapped and second parameter r+x. The difference is taken in log space as l1 + ln(1 - exp(l2 -
   * l1)). Returns -Infinity when A0 = 0 (tx = T).
   */
  static double logA0(double[] p, int x, double tx, double T) {
    double r = p[0], alpha = p[1], s = p[2], beta = p[3];
    double rsx = r + s + x;
    double big;
    double second;
    if (alpha >= beta) {
      big = alpha;
      second = s + 1;
    } else {
      big = beta;
      second = r + x;
    }
    double diff = Math.abs(alpha - beta);
    double z1 = diff / (big + tx);
    double z2 = diff / (big + T);
    double l1 =
        Math.log(Hypergeometric2F1.value(rsx, second, rsx + 1, z1)) - rsx * Math.log(big + tx);
    double l2 =
        Math.log(Hypergeometric2F1.value(rsx, second, rsx + 1, z2)) - rsx * Math.log(big + T);
    if (!(l2 < l1)) {
      return Double.NEGATIVE_INFINITY;
    }
    return l1 + Math.log(-Math.expm1(l2 - l1));
  }

  private static double logSumExp(double u, double v) {
    double m = Math.max(u, v);
    return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
  }

  // ---------------------------------------------------------------- fit

  public static FitResult<Parameters> fit(Collection<CustomerTriple> data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Maximum-likelihood fit in log-parameter space with a central-difference gradient (step 1e-5 in
   * log-parameters). Start: r = 1, alpha = r / mean purchase rate, s = 1, beta = mean T; bounds:
   * shapes in [1e-6, 1e6], scales within e^15 of their start. A hypergeometric evaluation failure
   * counts as a non-finite likelihood (the optimiser backs off).
   */
  public static FitResult<Parameters> fit(Collection<CustomerTriple> data, FitOptions options) {
    return TransactionModelFit.fit(data, options, FIT);
  }

  /** Start: r = 1, alpha = r / mean purchase rate, s = 1, beta = mean T; alpha, beta scales. */
  private static final TransactionModelFit.Spec<Parameters> FIT =
      new TransactionModelFit.Spec<>(
          NAMES,
          new boolean[] {false, true, false, true},
          d -> {
            double meanT = d.totalAge() / d.customers();
            return new double[] {
              1.0, meanT * d.customers() / (double) d.repeatPurchases(), 1.0, meanT
            };
          },
          triples ->
              LogLikelihoodFunction.withNumericalGradient(
                  p -> {
                    try {
                      return totalLogLikelihood(p, triples);
                    } catch (ArithmeticException e) {
                      return Double.NaN;
                    }
                  },
                  GRADIENT_STEP),
          Parameters::fromArray);

  // ---------------------------------------------------------------- predictions

  /** P(alive | x, tx, T) = 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0). */
  @Override
  public double probabilityAlive(int x, double tx, double T) {
    TransactionModel.checkHistory(x, tx, T);
    double[] p = params.toArray();
    double r = p[0], alpha = p[1], s = p[2], beta = p[3];
    double logA0 = logA0(p, x, tx, T);
    if (logA0 == Double.NEGATIVE_INFINITY) {
      return 1.0;
    }
    double logOdds =
        Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0;
    return 1.0 / (1.0 + Math.exp(logOdds));
  }

  /**
   * E[Y(t) | x, tx, T] = (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]
   * P(alive) (the s -&gt; 1 limit (r+x)(beta+T)/(alpha+T) ln(1 + t/(beta+T)) is used near s = 1).
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double T) {
    if (TransactionModel.emptyHorizon(t, x, tx, T)) {
      return 0.0;
    }
    double r = params.r(), alpha = params.alpha(), s = params.s(), beta = params.beta();
    return (r + x)
        * (beta + T)
        / (alpha + T)
        * lifetimeFactor(s, t / (beta + T))
        * probabilityAlive(x, tx, T);
  }

  /** E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]. */
  @Override
  public double expectedPurchases(double t) {
    TransactionModel.checkHorizon(t);
    double r = params.r(), alpha = params.alpha(), s = params.s(), beta = params.beta();
    return r * beta / alpha * lifetimeFactor(s, t / beta);
  }

  /** [1 - (1+u)^-(s-1)] / (s-1), with the limit ln(1+u) at s = 1. */
  private static double lifetimeFactor(double s, double u) {
    double l = Math.log1p(u);
    if (Math.abs(s - 1) < 1e-12) {
      return l;
    }
    return -Math.expm1(-(s - 1) * l) / (s - 1);
  }

  @Override
  public String toString() {
    return "ParetoNbdModel" + params.asMap();
  }
}
