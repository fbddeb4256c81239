package org.custseg.sample;

/**
 * The known "true" parameters of the simulated customer base. Time unit: days.
 *
 * <ul>
 *   <li>BG/NBD purchase process: while alive, a customer buys at rate {@code lambda ~ Gamma(shape
 *       r, rate alpha)} per day (mean {@code r / alpha}); after each <em>repeat</em> purchase they
 *       become inactive for good with probability {@code dropout ~ Beta(a, b)} (mean {@code a / (a
 *       + b)}). The first (trial) purchase happens at acquisition and is not followed by a dropout
 *       draw, as in Fader, Hardie and Lee (2005).
 *   <li>Gamma-Gamma spend: per customer {@code nu ~ Gamma(shape q, rate v)}; each order's value is
 *       {@code z ~ Gamma(shape p, rate nu)} in EUR. The population mean order value is {@code p * v
 *       / (q - 1)} (for q &gt; 1).
 *   <li>{@code acquisitionSkew}: acquisition density over the window falls linearly from {@code
 *       acquisitionSkew} (first day) to 1 (last day), so more customers join early.
 *   <li>Refunds (customer behaviour, part of the simulated truth): each order is refunded with
 *       probability {@code refundRate}, {@code fullRefundShare} of them in full, the others
 *       partially, 1 to {@code maxRefundDelayDays} days after the order.
 * </ul>
 *
 * @param r BG/NBD gamma shape of the purchase rate
 * @param alpha BG/NBD gamma rate of the purchase rate (per day)
 * @param a BG/NBD beta parameter a of the dropout probability
 * @param b BG/NBD beta parameter b of the dropout probability
 * @param p Gamma-Gamma shape of the order value
 * @param q Gamma-Gamma shape of nu
 * @param v Gamma-Gamma rate of nu
 * @param acquisitionSkew ratio of acquisition density on the first versus the last day (&gt;= 1)
 * @param refundRate probability that an order is later refunded
 * @param fullRefundShare share of refunds that are full
 * @param maxRefundDelayDays largest refund delay in days
 */
public record SimulationParameters(
    double r,
    double alpha,
    double a,
    double b,
    double p,
    double q,
    double v,
    double acquisitionSkew,
    double refundRate,
    double fullRefundShare,
    int maxRefundDelayDays) {

  public static final double DEFAULT_R = 0.25;
  public static final double DEFAULT_ALPHA = 10.0;
  public static final double DEFAULT_A = 0.8;
  public static final double DEFAULT_B = 2.5;
  public static final double DEFAULT_P = 6.0;
  public static final double DEFAULT_Q = 4.0;
  public static final double DEFAULT_V = 40.0;
  public static final double DEFAULT_ACQUISITION_SKEW = 3.0;
  public static final double DEFAULT_REFUND_RATE = 0.02;
  public static final double DEFAULT_FULL_REFUND_SHARE = 0.7;
  public static final int DEFAULT_MAX_REFUND_DELAY_DAYS = 30;

  public SimulationParameters {
    requirePositive("r", r);
    requirePositive("alpha", alpha);
    requirePositive("a", a);
    requirePositive("b", b);
    requirePositive("p", p);
    requirePositive("q", q);
    requirePositive("v", v);
    if (!(acquisitionSkew >= 1.0) || Double.isInfinite(acquisitionSkew)) {
      throw new IllegalArgumentException("acquisitionSkew must be >= 1: " + acquisitionSkew);
    }
    requireProbability("refundRate", refundRate);
    requireProbability("fullRefundShare", fullRefundShare);
    if (maxRefundDelayDays < 1) {
      throw new IllegalArgumentException("maxRefundDelayDays must be >= 1: " + maxRefundDelayDays);
    }
  }

  /** The defaults: mean rate 0.025/day, mean dropout 0.24, mean order value 80 EUR. */
  public static SimulationParameters defaults() {
    return new SimulationParameters(
        DEFAULT_R,
        DEFAULT_ALPHA,
        DEFAULT_A,
        DEFAULT_B,
        DEFAULT_P,
        DEFAULT_Q,
        DEFAULT_V,
        DEFAULT_ACQUISITION_SKEW,
        DEFAULT_REFUND_RATE,
        DEFAULT_FULL_REFUND_SHARE,
        DEFAULT_MAX_REFUND_DELAY_DAYS);
  }

  public SimulationParameters withPurchaseProcess(double r, double alpha, double a, double b) {
    return new SimulationParameters(
        r, alpha, a, b, p, q, v, acquisitionSkew, refundRate, fullRefundShare, maxRefundDelayDays);
  }

  public SimulationParameters withSpend(double p, double q, double v) {
    return new SimulationParameters(
        r, alpha, a, b, p, q, v, acquisitionSkew, refundRate, fullRefundShare, maxRefundDelayDays);
  }

  public SimulationParameters withAcquisitionSkew(double acquisitionSkew) {
    return new SimulationParameters(
        r, alpha, a, b, p, q, v, acquisitionSkew, refundRate, fullRefundShare, maxRefundDelayDays);
  }

  public SimulationParameters withRefunds(
      double refundRate, double fullRefundShare, int maxRefundDelayDays) {
    return new SimulationParameters(
        r, alpha, a, b, p, q, v, acquisitionSkew, refundRate, fullRefundShare, maxRefundDelayDays);
  }

  /** Population mean purchase rate per day while alive: r / alpha. */
  public double meanPurchaseRate() {
    return r / alpha;
  }

  /** Population mean dropout probability after a repeat purchase: a / (a + b). */
  public double meanDropout() {
    return a / (a + b);
  }

  /** Population mean order value in EUR: p * v / (q - 1); infinite for q &lt;= 1. */
  public double meanOrderValue() {
    return q > 1.0 ? p * v / (q - 1.0) : Double.POSITIVE_INFINITY;
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive finite number: " + value);
    }
  }

  private static void requireProbability(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
  }
}
