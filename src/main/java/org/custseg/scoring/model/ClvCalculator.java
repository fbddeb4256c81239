package org.custseg.scoring.model;

import java.util.function.DoubleUnaryOperator;
import org.custseg.schema.ModelTimeUnit;

/**
 * Discounted customer lifetime value over a horizon of whole months: CLV = sum_{m=1..H} (E[Y(m
 * months) | x, tx, T] - E[Y((m-1) months) | x, tx, T]) * spend / (1 + d)^m, with the month
 * converted explicitly into the transaction model's time unit (a month is 30.4375 days); and the
 * same horizon split at the end of the next period ({@link Horizon}), so that the value of the next
 * period and the value after it count every month once.
 */
public final class ClvCalculator {

  /**
   * A customer's expected purchases over the horizon, split at the end of the next period of p
   * days: month m, covering ((m-1) M, m M] (M = 30.4375 days), has E[Y(min(mM, p))] - E[Y(min((m-1)
   * M, p))] of its purchases inside the next period and the rest after it, both discounted by (1 +
   * d)^m.
   *
   * @param nextPeriod E[Y(p)], undiscounted: the expected purchases in the next period
   * @param discountedNextPeriod the horizon's discounted purchases inside the next period (with p =
   *     one month: nextPeriod / (1 + d))
   * @param discountedAfter the horizon's discounted purchases after the next period (with p = one
   *     month: months 2..H)
   */
  public record Horizon(double nextPeriod, double discountedNextPeriod, double discountedAfter) {

    /** The whole horizon's discounted purchases (the CLV of a spend of 1 per purchase). */
    public double discounted() {
      return discountedNextPeriod + discountedAfter;
    }
  }

  private final TransactionModel model;
  private final ModelTimeUnit modelUnit;
  private final double monthlyDiscountRate;

  /**
   * @param model fitted transaction model
   * @param modelUnit the time unit the model was fitted in
   * @param monthlyDiscountRate discount rate per month, d &gt;= 0 (e.g. 0.01)
   */
  public ClvCalculator(
      TransactionModel model, ModelTimeUnit modelUnit, double monthlyDiscountRate) {
    if (!(monthlyDiscountRate >= 0) || Double.isInfinite(monthlyDiscountRate)) {
      throw new IllegalArgumentException(
          "monthly discount rate must be finite and >= 0, got " + monthlyDiscountRate);
    }
    this.model = java.util.Objects.requireNonNull(model, "model");
    this.modelUnit = java.util.Objects.requireNonNull(modelUnit, "modelUnit");
    this.monthlyDiscountRate = monthlyDiscountRate;
  }

  public ModelTimeUnit modelUnit() {
    return modelUnit;
  }

  public double monthlyDiscountRate() {
    return monthlyDiscountRate;
  }

  /**
   * Expected purchases in each future month 1..H (undiscounted), for a customer with history (x,
   * tx, T) given in the model's time unit.
   */
  public double[] expectedPurchasesByMonth(int x, double tx, double T, int horizonMonths) {
    if (horizonMonths < 0) {
      throw new IllegalArgumentException("horizon must be >= 0 months, got " + horizonMonths);
    }
    double month = modelUnit.periodsPerMonth();
    double[] out = new double[horizonMonths];
    double previous = 0;
    for (int m = 1; m <= horizonMonths; m++) {
      double cumulative = model.conditionalExpectedPurchases(m * month, x, tx, T);
      out[m - 1] = Math.max(0.0, cumulative - previous);
      previous = cumulative;
    }
    return out;
  }

  /**
   * Discounted CLV in money for a customer with history (x, tx, T) (model time unit) and an
   * expected spend per purchase (e.g. from {@link GammaGammaModel#conditionalExpectedMeanSpend}).
   */
  public double clv(
      int x, double tx, double T, double expectedSpendPerPurchase, int horizonMonths) {
    if (!(expectedSpendPerPurchase >= 0) || Double.isInfinite(expectedSpendPerPurchase)) {
      throw new IllegalArgumentException(
          "expected spend must be finite and >= 0, got " + expectedSpendPerPurchase);
    }
    return expectedSpendPerPurchase * discountedPurchases(x, tx, T, horizonMonths);
  }

  /**
   * The discounted expected purchases over the horizon, sum_{m=1..H} (E[Y(m)] - E[Y(m-1)]) / (1 +
   * d)^m: the CLV of a customer whose every purchase is worth 1. It depends on (x, tx, T) alone, so
   * scorers can reuse it for the many customers who share a history.
   */
  public double discountedPurchases(int x, double tx, double T, int horizonMonths) {
    double[] purchases = expectedPurchasesByMonth(x, tx, T, horizonMonths);
    double value = 0;
    double discount = 1;
    for (double p : purchases) {
      discount /= 1 + monthlyDiscountRate;
      value += p * discount;
    }
    return value;
  }

  /**
   * The horizon of a customer with history (x, tx, T) (model time unit), split at the end of the
   * next period of {@code periodDays} (at most the horizon).
   */
  public Horizon horizon(int x, double tx, double T, int horizonMonths, double periodDays) {
    double month = modelUnit.periodsPerMonth();
    return split(
        months -> model.conditionalExpectedPurchases(months * month, x, tx, T),
        horizonMonths,
        monthlyDiscountRate,
        periodDays / ModelTimeUnit.DAYS_PER_MONTH);
  }

  /**
   * The split of any expected cumulative purchases {@code c(t)} (t in months, non-decreasing, c(0)
   * = 0) over {@code horizonMonths} at {@code periodMonths}, discounted at {@code d} per month.
   */
  public static Horizon split(
      DoubleUnaryOperator cumulative, int horizonMonths, double d, double periodMonths) {
    if (!(periodMonths > 0) || periodMonths > horizonMonths + 1e-9) {
      throw new IllegalArgumentException(
          "the next period ("
              + periodMonths
              + " months) must be > 0 and within the horizon of "
              + horizonMonths
              + " months");
    }
    double atPeriod = cumulative.applyAsDouble(periodMonths);
    double inside = 0;
    double after = 0;
    double discount = 1;
    double previous = 0;
    for (int m = 1; m <= horizonMonths; m++) {
      double c = cumulative.applyAsDouble(m);
      double month = Math.max(0.0, c - previous);
      double within =
          Math.max(0.0, Math.min(month, Math.min(c, atPeriod) - Math.min(previous, atPeriod)));
      discount /= 1 + d;
      inside += within * discount;
      after += (month - within) * discount;
      previous = c;
    }
    return new Horizon(atPeriod, inside, after);
  }

  /**
   * CLV with the expected spend taken from a Gamma-Gamma model given the customer's repeat mean
   * spend.
   */
  public double clv(
      int x, double tx, double T, double meanSpend, GammaGammaModel spendModel, int horizonMonths) {
    return clv(x, tx, T, spendModel.conditionalExpectedMeanSpend(x, meanSpend), horizonMonths);
  }
}
