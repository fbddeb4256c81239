package org.custseg.scoring.model;

import java.util.function.DoubleUnaryOperator;

/**
 * What BG/NBD and MBG/NBD share: the parameters (purchase rate {@code lambda ~ Gamma(r, alpha)},
 * dropout probability {@code p ~ Beta(a, b)}), the likelihood evaluated from a per-customer formula
 * with an analytic gradient, the start and bounds of the fit, and the handling of a = 1, where both
 * models' expectations are 0/0. They differ only in when a customer can drop out (after each repeat
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
}
