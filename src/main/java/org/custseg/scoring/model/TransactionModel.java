package org.custseg.scoring.model;

/**
 * A buy-till-you-die transaction model (BG/NBD, MBG/NBD, Pareto/NBD). All times are in the model's
 * own time unit (the unit of the data it was fitted on).
 */
public interface TransactionModel {

  /** Weighted total log-likelihood of the data under this model's parameters. */
  double totalLogLikelihood(Iterable<CustomerTriple> data);

  /** Log-likelihood of one customer with statistics (x, tx, T) (unweighted). */
  double logLikelihood(int x, double tx, double T);

  /** Probability that a customer with history (x, tx, T) is still alive at T. */
  double probabilityAlive(int x, double tx, double T);

  /** Expected number of purchases in (T, T + t] for a customer with history (x, tx, T). */
  double conditionalExpectedPurchases(double t, int x, double tx, double T);

  /** Expected number of repeat purchases in (0, t] for a randomly chosen new customer. */
  double expectedPurchases(double t);

  /**
   * Validates a history; throws {@link IllegalArgumentException} when it is not a valid (x, tx, T).
   */
  static void checkHistory(int x, double tx, double T) {
    if (x < 0 || !(tx >= 0) || !(T >= tx) || Double.isInfinite(T)) {
      throw new IllegalArgumentException("invalid history x=" + x + ", tx=" + tx + ", T=" + T);
    }
  }

  static void checkHorizon(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t);
    }
  }

  /**
   * Validates the arguments of {@link #conditionalExpectedPurchases}; true when the horizon is 0,
   * where every model expects 0 purchases.
   */
  static boolean emptyHorizon(double t, int x, double tx, double T) {
    checkHistory(x, tx, T);
    checkHorizon(t);
    return t == 0;
  }
}
