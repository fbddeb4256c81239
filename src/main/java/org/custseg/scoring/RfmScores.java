package org.custseg.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;

/**
 * R, F and M scores 1-5 by quintiles over the active customers (all customers when none is active).
 *
 * <p>The rule, ties included: the cut points {@code c1..c4} are the exact 20/40/60/80 % quantiles
 * (nearest rank, see {@link CutPoints}) of the metric over the active customers. For frequency and
 * monetary total, {@code score = 1 + #{k : value > c_k}}; for recency (fewer days is better),
 * {@code score = 5 - #{k : recency > c_k}}. The score depends on the value alone, so equal values
 * always get the same score; a value equal to a cut point stays in the lower quintile (for recency:
 * the more recent one). A metric with few distinct values (e.g. most customers bought once) gives
 * fewer than five populated scores rather than splitting ties at random.
 */
public final class RfmScores {

  static final double[] QUINTILES = {0.2, 0.4, 0.6, 0.8};

  /** The cut points used, kept for the manifest. */
  public record Cuts(List<Object> recency, List<Object> frequency, List<Object> monetary) {}

  private RfmScores() {}

  /** The cut points of {@code customers}, over {@link #basis} (one batch of passes). */
  public static Cuts cuts(Dataset<Row> customers) {
    return cuts(CutPoints.nearestRank(basis(customers), REQUESTS).iterator());
  }

  /** The quantiles wanted, in the order {@link #cuts(Iterator)} takes them. */
  public static final List<CutPoints.Request> REQUESTS =
      List.of(
          new CutPoints.Request(Columns.RECENCY_DAYS, QUINTILES),
          new CutPoints.Request(Columns.FREQUENCY, QUINTILES),
          new CutPoints.Request(Columns.MONETARY_TOTAL, QUINTILES));

  /** The cut points from the results of {@link #REQUESTS}, taken from {@code quantiles}. */
  public static Cuts cuts(Iterator<List<Object>> quantiles) {
    return new Cuts(quantiles.next(), quantiles.next(), quantiles.next());
  }

  /**
   * The customers cut points are taken over: the active ones, or all when none is active (shared by
   * the RFM scores and the portfolio quadrant's quantile thresholds).
   */
  public static Dataset<Row> basis(Dataset<Row> customers) {
    Dataset<Row> active = customers.where(col(Columns.IS_ACTIVE));
    return active.isEmpty() ? customers : active;
  }

  /** {@link #basis(Dataset)} when the number of active customers is known. */
  public static Dataset<Row> basis(Dataset<Row> customers, long activeCustomers) {
    return activeCustomers > 0 ? customers.where(col(Columns.IS_ACTIVE)) : customers;
  }

  public static Dataset<Row> apply(Dataset<Row> customers, Cuts cuts) {
    return customers
        .withColumn(
            Columns.R_SCORE, lit(5).minus(countAbove(col(Columns.RECENCY_DAYS), cuts.recency())))
        .withColumn(
            Columns.F_SCORE, lit(1).plus(countAbove(col(Columns.FREQUENCY), cuts.frequency())))
        .withColumn(
            Columns.M_SCORE, lit(1).plus(countAbove(col(Columns.MONETARY_TOTAL), cuts.monetary())));
  }

  /** {@code #{k : value > c_k}} as a column expression. */
  static Column countAbove(Column value, List<Object> cutPoints) {
    Column n = lit(0);
    for (Object c : cutPoints) {
      n = n.plus(when(value.gt(lit(c)), 1).otherwise(0));
    }
    return n;
  }
}
