package org.custseg.scoring;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.ValueSettings;
import org.custseg.features.Orders;
import org.custseg.features.PurchaseHistory;
import org.custseg.schema.Columns;
import org.custseg.scoring.model.TransactionModel;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The holdout evaluation of the value models (docs/value-models.md): fits them on the calibration
 * period (purchases up to D1 of the customers whose first purchase is on or before D1) and compares
 * their predictions with the purchase days in (D1, D2]: a frequency table by calibration frequency,
 * the week-by-week cumulative repeat purchases (tracking), and the totals. Pure: clean transactions
 * and the two dates in, results out.
 */
public final class HoldoutEvaluation {

  /** Calibration frequencies 0..6 get their own row; 7 and more share the last. */
  public static final int TOP_FREQUENCY = 7;

  private static final String HOLDOUT = "holdout";

  /** One row of the frequency table: mean holdout purchases, actual and predicted. */
  public record FrequencyRow(
      String calibrationFrequency, long customers, double actualMean, double predictedMean) {}

  /** One week of the tracking: cumulative repeat purchases of the cohort, actual and predicted. */
  public record TrackingRow(
      long week,
      LocalDate weekEnd,
      String period,
      long actualCumulative,
      double predictedCumulative) {}

  /**
   * What the evaluation found.
   *
   * @param fit the value models fitted on the calibration period
   * @param holdoutLength the holdout period in the models' time unit
   * @param cohortCustomers the customers evaluated
   * @param cohortFirstPurchaseFrom the earliest first purchase of the cohort (week 1 of tracking)
   * @param holdoutPurchasesActual purchase days of the cohort in the holdout period
   * @param holdoutPurchasesPredicted the models' expected purchase days in it
   * @param absoluteError the sum over customers of |actual - predicted|
   */
  public record Result(
      FittedValueModels fit,
      double holdoutLength,
      long cohortCustomers,
      LocalDate cohortFirstPurchaseFrom,
      long holdoutPurchasesActual,
      double holdoutPurchasesPredicted,
      double absoluteError,
      List<FrequencyRow> frequencyTable,
      List<TrackingRow> tracking) {

    /** The mean absolute error per customer. */
    public double maePerCustomer() {
      return cohortCustomers == 0 ? 0 : absoluteError / cohortCustomers;
    }
  }

  private HoldoutEvaluation() {}

  /**
   * @param clean clean transactions dated up to the holdout end (customer id, transaction id, order
   *     date, amount)
   * @throws IllegalStateException when the transaction model cannot be fitted on the calibration
   *     period
   */
  public static Result evaluate(
      Dataset<Row> clean, ValueSettings settings, LocalDate calibrationEnd, LocalDate holdoutEnd) {
    Column d1 = lit(Date.valueOf(calibrationEnd));
    Dataset<Row> calibration =
        PurchaseHistory.compute(clean.where(col(Columns.ORDER_DATE).leq(d1)), calibrationEnd);
    Dataset<Row> purchases = Orders.of(clean).where(Orders.isPurchase());
    Dataset<Row> holdout =
        purchases
            .where(
                col(Columns.ORDER_DATE)
                    .gt(d1)
                    .and(col(Columns.ORDER_DATE).leq(lit(Date.valueOf(holdoutEnd)))))
            .groupBy(col(Columns.CUSTOMER_ID))
            .agg(countDistinct(col(Columns.ORDER_DATE)).cast("int").as(HOLDOUT));
    Dataset<Row> cohort =
        calibration
            .join(
                holdout, CollectionConverters.asScala(List.of(Columns.CUSTOMER_ID)).toSeq(), "left")
            .withColumn(HOLDOUT, coalesce(col(HOLDOUT), lit(0)))
            .cache();
    try {
      FittedValueModels fit = ModelFitter.fit(cohort, settings.withMinRepeatBuyers(1));
      if (!fit.modelsUsed()) {
        throw new IllegalStateException(
            "the "
                + settings.transactionModel()
                + " fit on the calibration period failed: "
                + fit.fallbackReason());
      }
      TransactionModel model = ScoringParameters.of(fit, settings).transactionModel();
      double unitDays = fit.unit().days();
      double horizon = ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd) / unitDays;
      Frequencies f = frequencies(cohort, model, horizon, unitDays);
      Tracking t = tracking(purchases, cohort, model, unitDays, calibrationEnd, holdoutEnd);
      return new Result(
          fit,
          horizon,
          f.total,
          t.start,
          f.holdoutPurchases,
          f.predictedTotal,
          f.absoluteError,
          f.rows,
          t.rows);
    } finally {
      cohort.unpersist();
    }
  }

  private record Frequencies(
      List<FrequencyRow> rows,
      long total,
      long holdoutPurchases,
      double predictedTotal,
      double absoluteError) {}

  /** Frequency table and totals from compressed groups (x, t_x, T, holdout) with counts. */
  private static Frequencies frequencies(
      Dataset<Row> cohort, TransactionModel model, double horizon, double unitDays) {
    long[] customers = new long[TOP_FREQUENCY + 1];
    double[] actual = new double[TOP_FREQUENCY + 1];
    double[] predicted = new double[TOP_FREQUENCY + 1];
    double absoluteError = 0;
    long total = 0;
    long holdoutPurchases = 0;
    double predictedTotal = 0;
    for (Row r :
        cohort
            .groupBy(col(Columns.X), col(Columns.T_X_DAYS), col(Columns.T_DAYS), col(HOLDOUT))
            .count()
            .collectAsList()) {
      int x = r.getInt(0);
      double e =
          model.conditionalExpectedPurchases(
              horizon, x, r.getInt(1) / unitDays, r.getInt(2) / unitDays);
      int h = r.getInt(3);
      long n = r.getLong(4);
      int bucket = Math.min(x, TOP_FREQUENCY);
      customers[bucket] += n;
      actual[bucket] += (double) h * n;
      predicted[bucket] += e * n;
      absoluteError += Math.abs(h - e) * n;
      total += n;
      holdoutPurchases += (long) h * n;
      predictedTotal += e * n;
    }
    List<FrequencyRow> rows = new ArrayList<>();
    for (int k = 0; k <= TOP_FREQUENCY; k++) {
      String label = k == TOP_FREQUENCY ? TOP_FREQUENCY + "+" : String.valueOf(k);
      double a = customers[k] == 0 ? 0 : actual[k] / customers[k];
      double p = customers[k] == 0 ? 0 : predicted[k] / customers[k];
      rows.add(new FrequencyRow(label, customers[k], a, p));
    }
    return new Frequencies(rows, total, holdoutPurchases, predictedTotal, absoluteError);
  }

  private record Tracking(LocalDate start, List<TrackingRow> rows) {}

  /** Cumulative repeat purchase days week by week from the cohort's first week. */
  private static Tracking tracking(
      Dataset<Row> purchases,
      Dataset<Row> cohort,
      TransactionModel model,
      double unitDays,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd) {
    Dataset<Row> firsts = cohort.select(col(Columns.CUSTOMER_ID));
    Dataset<Row> days =
        purchases
            .join(firsts, Columns.CUSTOMER_ID)
            .where(col(Columns.ORDER_DATE).leq(lit(Date.valueOf(holdoutEnd))))
            .select(col(Columns.CUSTOMER_ID), col(Columns.ORDER_DATE))
            .distinct();
    Dataset<Row> firstDay =
        days.groupBy(col(Columns.CUSTOMER_ID)).agg(min(col(Columns.ORDER_DATE)).as("first"));
    LocalDate start = ((Date) firstDay.agg(min(col("first"))).first().get(0)).toLocalDate();
    Map<LocalDate, Long> byFirst = new TreeMap<>();
    for (Row r : firstDay.groupBy(col("first")).count().collectAsList()) {
      byFirst.put(((Date) r.get(0)).toLocalDate(), r.getLong(1));
    }
    Map<Long, Long> repeatsByWeek = new TreeMap<>();
    for (Row r :
        days.join(firstDay, Columns.CUSTOMER_ID)
            .where(col(Columns.ORDER_DATE).gt(col("first")))
            .select(
                floor(datediff(col(Columns.ORDER_DATE), lit(Date.valueOf(start))).divide(7))
                    .as("week"))
            .groupBy(col("week"))
            .agg(count(lit(1)))
            .collectAsList()) {
      repeatsByWeek.put(r.getLong(0), r.getLong(1));
    }
    long weeks = (ChronoUnit.DAYS.between(start, holdoutEnd)) / 7 + 1;
    List<TrackingRow> rows = new ArrayList<>();
    long cumulative = 0;
    for (long w = 0; w < weeks; w++) {
      cumulative += repeatsByWeek.getOrDefault(w, 0L);
      LocalDate end = start.plusDays(7 * (w + 1));
      LocalDate lastDay = end.minusDays(1).isAfter(holdoutEnd) ? holdoutEnd : end.minusDays(1);
      double expected = 0;
      for (Map.Entry<LocalDate, Long> e : byFirst.entrySet()) {
        // Purchases on days first+1 .. lastDay: time from the first purchase to the end of lastDay.
        long age = ChronoUnit.DAYS.between(e.getKey(), lastDay);
        if (age > 0) {
          expected += e.getValue() * model.expectedPurchases(age / unitDays);
        }
      }
      rows.add(
          new TrackingRow(
              w + 1,
              lastDay,
              lastDay.isAfter(calibrationEnd) ? "holdout" : "calibration",
              cumulative,
              expected));
    }
    return new Tracking(start, rows);
  }
}
