package org.custseg.scoring.model;

import java.util.Collection;
import smile.math.special.Gamma;

/**
 * Modified BG/NBD model (Batislam, Denizel &amp; Filiztekin 2007, "Empirical validation and
 * comparison of models for customer base analysis", International Journal of Research in Marketing
 * 24(3)). As BG/NBD, a customer buys while alive as a Poisson process with rate {@code lambda ~
 * Gamma(r, alpha)} and drops out with probability {@code p ~ Beta(a, b)}, but may drop out at time
 * zero, right after the first purchase, as well as after each repeat purchase. So a one-time buyer
 * seen long ago is probably gone: P(alive) is below 1 for every customer, where BG/NBD gives 1 to
 * everyone without a repeat purchase.
 */
public final class MbgNbdModel extends BetaGeometricModel {

  public MbgNbdModel(Parameters params) {
    super(params);
  }

  public static MbgNbdModel of(double r, double alpha, double a, double b) {
    return new MbgNbdModel(new Parameters(r, alpha, a, b));
  }

  // ---------------------------------------------------------------- likelihood

  @Override
  TransactionModelFit.CustomerLikelihood likelihood() {
    return MbgNbdModel::logLikelihood;
  }

  /**
   * Per-customer log-likelihood (Batislam et al. 2007, eq. 4), for every x including 0: {@code ln L
   * = A1 + A2 + logsumexp(A3, A4)} with A1 = lnGamma(r+x) - lnGamma(r) + r ln(alpha), A2 =
   * lnGamma(a+b) + lnGamma(b+x+1) - lnGamma(b) - lnGamma(a+b+x+1) (= ln B(a, b+x+1) - ln B(a, b)),
   * A3 = -(r+x) ln(alpha+T) (alive at T), A4 = ln(a) - ln(b+x) - (r+x) ln(alpha+tx) (dropped out
   * right after the last purchase, at tx). The analytic gradient uses the softmax weights of A3 and
   * A4.
   */
  static double logLikelihood(double[] p, int x, double tx, double T, double[] gradient) {
    double r = p[0], alpha = p[1], a = p[2], b = p[3];
    double a1 = Gamma.lgamma(r + x) - Gamma.lgamma(r) + r * Math.log(alpha);
    double a2 =
        Gamma.lgamma(a + b)
            + Gamma.lgamma(b + x + 1)
            - Gamma.lgamma(b)
            - Gamma.lgamma(a + b + x + 1);
    double logAT = Math.log(alpha + T);
    double logAtx = Math.log(alpha + tx);
    double a3 = -(r + x) * logAT;
    double a4 = Math.log(a) - Math.log(b + x) - (r + x) * logAtx;
    double m = Math.max(a3, a4);
    double e3 = Math.exp(a3 - m);
    double e4 = Math.exp(a4 - m);
    double lse = m + Math.log(e3 + e4);
    if (gradient != null) {
      double w3 = e3 / (e3 + e4);
      double w4 = e4 / (e3 + e4);
      double common = Gamma.digamma(a + b) - Gamma.digamma(a + b + x + 1);
      gradient[0] = digammaDiff(r, x) + Math.log(alpha) - w3 * logAT - w4 * logAtx;
      gradient[1] = r / alpha - w3 * (r + x) / (alpha + T) - w4 * (r + x) / (alpha + tx);
      gradient[2] = common + w4 / a;
      gradient[3] = common + digammaDiff(b, x + 1) - w4 / (b + x);
    }
    return a1 + a2 + lse;
  }

  // ---------------------------------------------------------------- fit

  /** Maximum-likelihood fit with default options. */
  public static FitResult<Parameters> fit(Collection<CustomerTriple> data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Maximum-likelihood fit in log-parameter space ({@link TransactionModelFit}), from the same
   * start and within the same bounds as {@link BgNbdModel#fit}.
   */
  public static FitResult<Parameters> fit(Collection<CustomerTriple> data, FitOptions options) {
    return TransactionModelFit.fit(data, options, FIT);
  }

  private static final TransactionModelFit.Spec<Parameters> FIT =
      fitSpec(MbgNbdModel::logLikelihood);

  // ---------------------------------------------------------------- predictions

  /** P(alive | x, tx, T) = 1 / (1 + a/(b+x) ((alpha+T)/(alpha+tx))^(r+x)), for every x. */
  @Override
  public double probabilityAlive(int x, double tx, double T) {
    TransactionModel.checkHistory(x, tx, T);
    return 1.0 / (1.0 + Math.exp(logDeadOdds(x, tx, T)));
  }

  /** ln( a/(b+x) ((alpha+T)/(alpha+tx))^(r+x) ). */
  private double logDeadOdds(int x, double tx, double T) {
    Parameters q = parameters();
    double r = q.r(), alpha = q.alpha(), a = q.a(), b = q.b();
    return Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  }

  /**
   * The factor of P(alive) in E[Y(t) | x, tx, T] = (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
   * 2F1(r+x, b+x+1; a+b+x; t/(alpha+T+t))] x P(alive | x, tx, T) (Batislam et al. 2007, eq. 5).
   */
  @Override
  double aliveExpectationAt(double a, double t, int x, double T) {
    Parameters q = parameters();
    double r = q.r(), alpha = q.alpha(), b = q.b();
    double z = t / (alpha + T + t);
    double f =
        Math.exp((r + x) * Math.log1p(-z))
            * Hypergeometric2F1.value(r + x, b + x + 1, a + b + x, z);
    return (a + b + x) / (a - 1) * (1 - f);
  }

  /**
   * E[X(t)] at {@code a} = b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]
   * (Batislam et al. 2007, eq. 3).
   */
  @Override
  double expectedPurchasesAt(double a, double t) {
    Parameters q = parameters();
    double r = q.r(), alpha = q.alpha(), b = q.b();
    double z = t / (alpha + t);
    double f = Math.exp(r * Math.log1p(-z)) * Hypergeometric2F1.value(r, b + 1, a + b, z);
    return b / (a - 1) * (1 - f);
  }
}
