package org.custseg.scoring.model;

import java.util.function.DoubleUnaryOperator;
import smile.math.special.Gamma;

/**
 * What BG/NBD and MBG/NBD share: the parameters (purchase rate {@code lambda ~ Gamma(r, alpha)},
 * dropout probability {@code p ~ Beta(a, b)}), the likelihood evaluated from a per-customer formula
 * with an analytic gradient, the start and bounds of the fit, the form of the expectations
 * (P(alive) times the purchases expected while alive) and the handling of a = 1, where both models'
 * expectations are 0/0. They differ only in when a customer can drop out (after each repeat
 * purchase, or also right after the first), so in their formulas.
 */
public abstract sealed class BetaGeometricModel implements TransactionModel
    permits BgNbdModel, MbgNbdModel {

  /** Parameter names in canonical order. */
  public static final String[] NAMES = {"r", "alpha", "a", "b"};

  /** The parameters (all strictly positive). */
  public record Parameters(double r, double alpha, double a, double b) implements ModelParameters {
    public Parameters {
      ModelParameters.requirePositive("BG/NBD (and MBG/NBD)", NAMES, r, alpha, a, b);
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

  /**
   * Within this distance of a = 1 the predictions (0/0 at a = 1) are taken as the mean at a = 1 +-
   * A_ONE_STEP (the error of this central average is O(1e-8)).
   */
  private static final double A_ONE_EPS = 1e-6;

  private static final double A_ONE_STEP = 1e-4;

  /** Which of (r, alpha, a, b) are scales (alpha) for the bounds of the fit. */
  private static final boolean[] SCALES = {false, true, false, false};

  private final Parameters params;

  BetaGeometricModel(Parameters params) {
    this.params = params;
  }

  public Parameters parameters() {
    return params;
  }

  /** The model's per-customer log-likelihood. */
  abstract TransactionModelFit.CustomerLikelihood likelihood();

  @Override
  public double logLikelihood(int x, double tx, double T) {
    TransactionModel.checkHistory(x, tx, T);
    return likelihood().at(params.toArray(), x, tx, T, null);
  }

  @Override
  public double totalLogLikelihood(Iterable<CustomerTriple> data) {
    return TransactionModelFit.weightedTotal(params.toArray(), data, null, likelihood());
  }

  /** Gradient of the weighted total log-likelihood with respect to (r, alpha, a, b). */
  public double[] gradient(Iterable<CustomerTriple> data) {
    double[] g = new double[NAMES.length];
    TransactionModelFit.weightedTotal(params.toArray(), data, g, likelihood());
    return g;
  }

  /**
   * The fit of a model of this family: start r = 1, alpha = 1 / (repeat purchases per unit of age),
   * a = 1, b = 2; alpha is a scale, the others shapes.
   */
  static TransactionModelFit.Spec<Parameters> fitSpec(TransactionModelFit.CustomerLikelihood one) {
    return new TransactionModelFit.Spec<>(
        NAMES,
        SCALES,
        d -> new double[] {1.0, 1.0 / (d.repeatPurchases() / d.totalAge()), 1.0, 2.0},
        triples -> (p, g) -> TransactionModelFit.weightedTotal(p, triples, g, one),
        Parameters::fromArray);
  }

  /** {@code f(a)}, or near a = 1 the mean of {@code f} at a = 1 +- 1e-4. */
  static double throughAOne(double a, DoubleUnaryOperator f) {
    if (Math.abs(a - 1) < A_ONE_EPS) {
      return 0.5 * (f.applyAsDouble(1 - A_ONE_STEP) + f.applyAsDouble(1 + A_ONE_STEP));
    }
    return f.applyAsDouble(a);
  }

  /**
   * psi(y + x) - psi(y) for integer x &gt;= 0, by the recurrence psi(y+1) = psi(y) + 1/y for small
   * x.
   */
  static double digammaDiff(double y, int x) {
    if (x <= 50) {
      double s = 0;
      for (int k = 0; k < x; k++) {
        s += 1.0 / (y + k);
      }
      return s;
    }
    return Gamma.digamma(y + x) - Gamma.digamma(y);
  }

  /**
   * E[Y(t) | x, tx, T] = P(alive | x, tx, T) x the purchases expected in (T, T + t] while alive
   * ({@link #aliveExpectationAt}), the latter through a = 1.
   */
  @Override
  public final double conditionalExpectedPurchases(double t, int x, double tx, double T) {
    if (TransactionModel.emptyHorizon(t, x, tx, T)) {
      return 0.0;
    }
    return probabilityAlive(x, tx, T)
        * throughAOne(params.a(), a -> aliveExpectationAt(a, t, x, T));
  }

  /**
   * The purchases expected in (T, T + t] of a customer alive at T with history (x, tx), at dropout
   * shape {@code a} (0/0 at a = 1).
   */
  abstract double aliveExpectationAt(double a, double t, int x, double T);

  /** E[X(t)], the purchases expected in (0, t] of a new customer, through a = 1. */
  @Override
  public final double expectedPurchases(double t) {
    TransactionModel.checkHorizon(t);
    if (t == 0) {
      return 0.0;
    }
    return throughAOne(params.a(), a -> expectedPurchasesAt(a, t));
  }

  /** E[X(t)] at dropout shape {@code a} (0/0 at a = 1). */
  abstract double expectedPurchasesAt(double a, double t);

  @Override
  public String toString() {
    return getClass().getSimpleName() + params.asMap();
  }
}
