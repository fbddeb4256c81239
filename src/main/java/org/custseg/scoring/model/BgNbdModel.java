package org.custseg.scoring.model;

import java.util.Collection;
import smile.math.special.Gamma;

/**
 * BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way: an alternative
 * to the Pareto/NBD model", Marketing Science 24(2)). While alive, a customer buys as a Poisson
 * process with rate {@code lambda ~ Gamma(r, alpha)}; after each repeat purchase the customer drops
 * out with probability {@code p ~ Beta(a, b)}.
 */
public final class BgNbdModel extends BetaGeometricModel {

  public BgNbdModel(Parameters params) {
    super(params);
  }

  public static BgNbdModel of(double r, double alpha, double a, double b) {
    return new BgNbdModel(new Parameters(r, alpha, a, b));
  }

  // ---------------------------------------------------------------- likelihood

  @Override
  TransactionModelFit.CustomerLikelihood likelihood() {
    return BgNbdModel::logLikelihood;
  }

  /**
   * Per-customer log-likelihood (FHL 2005 eq. 6) in the stable form {@code ln L = A1 + A2 +
   * logsumexp(A3, A4)} with A1 = lnGamma(r+x) - lnGamma(r) + r ln(alpha), A2 = lnGamma(a+b) +
   * lnGamma(b+x) - lnGamma(b) - lnGamma(a+b+x) (= ln B(a, b+x) - ln B(a, b)), A3 = -(r+x)
   * ln(alpha+T), A4 = ln(a) - ln(b+x-1) - (r+x) ln(alpha+tx) (only when x &gt; 0). The analytic
   * gradient uses the softmax weights of A3 and A4.
   */
  static double logLikelihood(double[] p, int x, double tx, double T, double[] gradient) {
    double r = p[0], alpha = p[1], a = p[2], b = p[3];
    double a1 = Gamma.lgamma(r + x) - Gamma.lgamma(r) + r * Math.log(alpha);
    double a2 =
        x == 0
            ? 0
            : Gamma.lgamma(a + b) + Gamma.lgamma(b + x) - Gamma.lgamma(b) - Gamma.lgamma(a + b + x);
    double logAT = Math.log(alpha + T);
    double a3 = -(r + x) * logAT;
    double lse;
    double w3 = 1;
    double w4 = 0;
    double logAtx = 0;
    if (x > 0) {
      logAtx = Math.log(alpha + tx);
      double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * logAtx;
      double m = Math.max(a3, a4);
      double e3 = Math.exp(a3 - m);
      double e4 = Math.exp(a4 - m);
      lse = m + Math.log(e3 + e4);
      w3 = e3 / (e3 + e4);
      w4 = e4 / (e3 + e4);
    } else {
      lse = a3;
    }
    if (gradient != null) {
      gradient[0] = digammaDiff(r, x) + Math.log(alpha) - w3 * logAT - w4 * logAtx;
      gradient[1] =
          r / alpha - w3 * (r + x) / (alpha + T) - (x > 0 ? w4 * (r + x) / (alpha + tx) : 0);
      if (x > 0) {
        double common = Gamma.digamma(a + b) - Gamma.digamma(a + b + x);
        gradient[2] = common + w4 / a;
        gradient[3] = common + digammaDiff(b, x) - w4 / (b + x - 1);
      } else {
        gradient[2] = 0;
        gradient[3] = 0;
      }
    }
    return a1 + a2 + lse;
  }

  // ---------------------------------------------------------------- fit

  /** Maximum-likelihood fit with default options. */
  public static FitResult<Parameters> fit(Collection<CustomerTriple> data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Maximum-likelihood fit in log-parameter space. The data are compressed to distinct triples
   * first. Starting point: r = 1, alpha = r / (mean repeat-purchase rate), a = 1, b = 2; bounds:
   * shape parameters in [1e-6, 1e6], alpha within a factor e^15 of its starting value.
   */
  public static FitResult<Parameters> fit(Collection<CustomerTriple> data, FitOptions options) {
    return TransactionModelFit.fit(data, options, FIT);
  }

  private static final TransactionModelFit.Spec<Parameters> FIT =
      fitSpec(BgNbdModel::logLikelihood);

  // ---------------------------------------------------------------- predictions

  /**
   * P(alive | x, tx, T) = 1 / (1 + [x &gt; 0] a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x)) (FHL 2005 eq.
   * 11).
   */
  @Override
  public double probabilityAlive(int x, double tx, double T) {
    TransactionModel.checkHistory(x, tx, T);
    if (x == 0) {
      return 1.0;
    }
    double logOdds = logDeadOdds(x, tx, T);
    return 1.0 / (1.0 + Math.exp(logOdds));
  }

  /** ln( a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x) ) for x &gt; 0. */
  private double logDeadOdds(int x, double tx, double T) {
    Parameters q = parameters();
    double r = q.r(), alpha = q.alpha(), a = q.a(), b = q.b();
    return Math.log(a)
        - Math.log(b + x - 1)
        + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  }

  /**
   * E[Y(t) | x, tx, T] (FHL 2005 eq. 10) is (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
   * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] / (1 + [x&gt;0] a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x)),
   * that is P(alive) times this factor. At a = 1 the factor is 0/0; near a = 1 it is evaluated as
   * the mean at a = 1 +- 1e-4 (the error of this central average is O(1e-8)).
   */
  @Override
  double aliveExpectationAt(double a, double t, int x, double T) {
    Parameters q = parameters();
    double r = q.r(), alpha = q.alpha(), b = q.b();
    double z = t / (alpha + T + t);
    // ((alpha+T)/(alpha+T+t))^(r+x) = (1-z)^(r+x)
    double f =
        Math.exp((r + x) * Math.log1p(-z))
            * Hypergeometric2F1.value(r + x, b + x, a + b + x - 1, z);
    return (a + b + x - 1) / (a - 1) * (1 - f);
  }

  /**
   * E[X(t)] at {@code a} = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
   * (FHL 2005 eq. 9).
   */
  @Override
  double expectedPurchasesAt(double a, double t) {
    Parameters q = parameters();
    double r = q.r(), alpha = q.alpha(), b = q.b();
    double z = t / (alpha + t);
    double f = Math.exp(r * Math.log1p(-z)) * Hypergeometric2F1.value(r, b, a + b - 1, z);
    return (a + b - 1) / (a - 1) * (1 - f);
  }
}
