package org.custseg.scoring.model;

import java.util.Collection;
import java.util.List;
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
public final class MbgNbdModel implements TransactionModel {

  /** Parameter names in canonical order. */
  public static final String[] NAMES = {"r", "alpha", "a", "b"};

  /** MBG/NBD parameters (all strictly positive). */
  public record Parameters(double r, double alpha, double a, double b) implements ModelParameters {
    public Parameters {
      ModelParameters.requirePositive("MBG/NBD", NAMES, r, alpha, a, b);
    }

    static Parameters fromArray(double[] p) {
      return new Parameters(p[0], p[1], p[2], p[3]);
    }

    @Override
    public double[] toArray() {
      return new double[] {r, alpha, a, b};
    }

    @Override
    public String[] names() {
      return NAMES;
    }
  }

  /** Within this distance of a = 1 the predictions (0/0) are the mean at a = 1 +- A_ONE_STEP. */
  private static final double A_ONE_EPS = 1e-6;

  private static final double A_ONE_STEP = 1e-4;

  private final Parameters params;

  public MbgNbdModel(Parameters params) {
    this.params = params;
  }

  public static MbgNbdModel of(double r, double alpha, double a, double b) {
    return new MbgNbdModel(new Parameters(r, alpha, a, b));
  }

  public Parameters parameters() {
    return params;
  }

  // ---------------------------------------------------------------- likelihood

  @Override
  public double logLikelihood(int x, double tx, double T) {
    TransactionModel.checkHistory(x, tx, T);
    return logLikelihood(params.toArray(), x, tx, T, null);
  }

  @Override
  public double totalLogLikelihood(Iterable<CustomerTriple> data) {
    return totalLogLikelihood(params.toArray(), data, null);
  }

  /** Gradient of the weighted total log-likelihood with respect to (r, alpha, a, b). */
  public double[] gradient(Iterable<CustomerTriple> data) {
    double[] g = new double[4];
    totalLogLikelihood(params.toArray(), data, g);
    return g;
  }

  static double totalLogLikelihood(double[] p, Iterable<CustomerTriple> data, double[] gradient) {
    double total = 0;
    double[] gi = gradient == null ? null : new double[4];
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
    }
    for (CustomerTriple c : data) {
      double li = logLikelihood(p, c.x(), c.tx(), c.T(), gi);
      total += c.count() * li;
      if (gradient != null) {
        for (int k = 0; k < 4; k++) {
          gradient[k] += c.count() * gi[k];
        }
      }
    }
    return total;
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
      gradient[0] = BgNbdModel.digammaDiff(r, x) + Math.log(alpha) - w3 * logAT - w4 * logAtx;
      gradient[1] = r / alpha - w3 * (r + x) / (alpha + T) - w4 * (r + x) / (alpha + tx);
      gradient[2] = common + w4 / a;
      gradient[3] = common + BgNbdModel.digammaDiff(b, x + 1) - w4 / (b + x);
    }
    return a1 + a2 + lse;
  }

  // ---------------------------------------------------------------- fit

  /** Maximum-likelihood fit with default options. */
  public static FitResult<Parameters> fit(Collection<CustomerTriple> data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Maximum-likelihood fit in log-parameter space, from the same start and within the same bounds
   * as {@link BgNbdModel#fit}.
   */
  public static FitResult<Parameters> fit(Collection<CustomerTriple> data, FitOptions options) {
    long start = System.nanoTime();
    SufficientStats.TransactionData d = SufficientStats.TransactionData.of(data);
    java.util.Optional<String> degenerate = d.degenerate();
    if (degenerate.isPresent()) {
      return FitResult.failure(FitStatus.DEGENERATE_DATA, degenerate.get());
    }
    List<CustomerTriple> triples = d.triples();
    double rate = d.repeatPurchases() / d.totalAge();
    double[] x0 = {1.0, 1.0 / rate, 1.0, 2.0};
    double la = Math.log(x0[1]);
    double[] lower = {Math.log(1e-6), la - 15, Math.log(1e-6), Math.log(1e-6)};
    double[] upper = {Math.log(1e6), la + 15, Math.log(1e6), Math.log(1e6)};
    LogLikelihoodFunction ll = (p, g) -> totalLogLikelihood(p, triples, g);
    LogSpaceOptimizer.Outcome o =
        LogSpaceOptimizer.maximize(ll, x0, lower, upper, d.customers(), options);
    return LogSpaceOptimizer.toFitResult(o, Parameters::fromArray, NAMES, start);
  }

  // ---------------------------------------------------------------- predictions

  /** P(alive | x, tx, T) = 1 / (1 + a/(b+x) ((alpha+T)/(alpha+tx))^(r+x)), for every x. */
  @Override
  public double probabilityAlive(int x, double tx, double T) {
    TransactionModel.checkHistory(x, tx, T);
    return 1.0 / (1.0 + Math.exp(logDeadOdds(x, tx, T)));
  }

  /** ln( a/(b+x) ((alpha+T)/(alpha+tx))^(r+x) ). */
  private double logDeadOdds(int x, double tx, double T) {
    double r = params.r(), alpha = params.alpha(), a = params.a(), b = params.b();
    return Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  }

  /**
   * E[Y(t) | x, tx, T] = (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x;
   * t/(alpha+T+t))] x P(alive | x, tx, T) (Batislam et al. 2007, eq. 5).
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double T) {
    TransactionModel.checkHistory(x, tx, T);
    TransactionModel.checkHorizon(t);
    if (t == 0) {
      return 0.0;
    }
    double a = params.a();
    double alive =
        Math.abs(a - 1) < A_ONE_EPS
            ? 0.5
                * (aliveExpectationAt(1 - A_ONE_STEP, t, x, T)
                    + aliveExpectationAt(1 + A_ONE_STEP, t, x, T))
            : aliveExpectationAt(a, t, x, T);
    return probabilityAlive(x, tx, T) * alive;
  }

  private double aliveExpectationAt(double a, double t, int x, double T) {
    double r = params.r(), alpha = params.alpha(), b = params.b();
    double z = t / (alpha + T + t);
    double f =
        Math.exp((r + x) * Math.log1p(-z))
            * Hypergeometric2F1.value(r + x, b + x + 1, a + b + x, z);
    return (a + b + x) / (a - 1) * (1 - f);
  }

  /**
   * E[X(t)] = b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))] (Batislam et al.
   * 2007, eq. 3).
   */
  @Override
  public double expectedPurchases(double t) {
    TransactionModel.checkHorizon(t);
    if (t == 0) {
      return 0.0;
    }
    double a = params.a();
    if (Math.abs(a - 1) < A_ONE_EPS) {
      return 0.5
          * (expectedPurchasesAt(1 - A_ONE_STEP, t) + expectedPurchasesAt(1 + A_ONE_STEP, t));
    }
    return expectedPurchasesAt(a, t);
  }

  private double expectedPurchasesAt(double a, double t) {
    double r = params.r(), alpha = params.alpha(), b = params.b();
    double z = t / (alpha + t);
    double f = Math.exp(r * Math.log1p(-z)) * Hypergeometric2F1.value(r, b + 1, a + b, z);
    return b / (a - 1) * (1 - f);
  }

  @Override
  public String toString() {
    return "MbgNbdModel" + params.asMap();
  }
}
