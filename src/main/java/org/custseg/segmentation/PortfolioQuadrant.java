package org.custseg.segmentation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.PortfolioSettings;
import org.custseg.schema.Columns;
import org.custseg.scoring.CutPoints;
import org.custseg.scoring.RfmScores;

/**
 * The portfolio quadrant (domain.md section 4): current value on one axis, growth potential on the
 * other, for the customers who are customers today. An active customer (a purchase within the
 * activity window) at or above both thresholds is a star, high value only a cash cow, high growth
 * only a question mark, neither a dog; an inactive customer is {@link #INACTIVE}, in none of the
 * four, whatever their axes say (a lapsed customer's predicted growth is high only because their
 * trailing value is 0). Thresholds are exact quantiles over the active customers (default: medians)
 * or configured absolute values.
 */
public final class PortfolioQuadrant {

  public static final String STAR = "star";
  public static final String QUESTION_MARK = "question_mark";
  public static final String CASH_COW = "cash_cow";
  public static final String DOG = "dog";
  public static final String INACTIVE = "inactive";

  /** The four quadrants of the active customers. */
  public static final List<String> QUADRANTS = List.of(STAR, QUESTION_MARK, CASH_COW, DOG);

  /** Every value of portfolio_quadrant: the four quadrants, then inactive. */
  public static final List<String> VALUES = List.of(STAR, QUESTION_MARK, CASH_COW, DOG, INACTIVE);

  /** The two thresholds, in the units of their axes. */
  public record Thresholds(double value, double growth) {}

  private PortfolioQuadrant() {}

  /** The thresholds over {@link RfmScores#basis} (one batch of cut-point passes). */
  public static Thresholds thresholds(
      Dataset<Row> customers, String valueColumn, String growthColumn, PortfolioSettings config) {
    return thresholds(
        CutPoints.nearestRank(
                RfmScores.basis(customers), requests(valueColumn, growthColumn, config))
            .iterator(),
        config);
  }

  /** The quantiles wanted (none for an absolute threshold), in the order thresholds takes them. */
  public static List<CutPoints.Request> requests(
      String valueColumn, String growthColumn, PortfolioSettings config) {
    List<CutPoints.Request> wanted = new java.util.ArrayList<>();
    if (config.valueAbsolute() == null) {
      wanted.add(new CutPoints.Request(valueColumn, config.valueQuantile()));
    }
    if (config.growthAbsolute() == null) {
      wanted.add(new CutPoints.Request(growthColumn, config.growthQuantile()));
    }
    return wanted;
  }

  /** The thresholds from the results of {@link #requests}, taken from {@code quantiles}. */
  public static Thresholds thresholds(
      java.util.Iterator<List<Object>> quantiles, PortfolioSettings config) {
    double value =
        config.valueAbsolute() != null ? config.valueAbsolute() : first(quantiles.next());
    double growth =
        config.growthAbsolute() != null ? config.growthAbsolute() : first(quantiles.next());
    return new Thresholds(value, growth);
  }

  private static double first(List<Object> quantiles) {
    return quantiles.isEmpty() ? 0.0 : ((Number) quantiles.get(0)).doubleValue();
  }

  /** Needs {@code is_active} and the two axis columns. */
  public static Dataset<Row> apply(
      Dataset<Row> customers, String valueColumn, String growthColumn, Thresholds t) {
    Column highValue = col(valueColumn).cast("double").geq(t.value());
    Column highGrowth = col(growthColumn).cast("double").geq(t.growth());
    return customers.withColumn(
        Columns.PORTFOLIO_QUADRANT,
        when(col(Columns.IS_ACTIVE).equalTo(false), lit(INACTIVE))
            .when(highValue.and(highGrowth), lit(STAR))
            .when(highValue, lit(CASH_COW))
            .when(highGrowth, lit(QUESTION_MARK))
            .otherwise(lit(DOG)));
  }
}
