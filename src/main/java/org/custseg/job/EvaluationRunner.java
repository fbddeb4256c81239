package org.custseg.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.custseg.config.Settings;
import org.custseg.config.ValueSettings;
import org.custseg.features.Orders;
import org.custseg.features.ValueModelInputs;
import org.custseg.ingest.ClassifiedRows;
import org.custseg.ingest.Ingest;
import org.custseg.report.OutputFiles;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;
import org.custseg.scoring.ModelFitter;
import org.custseg.scoring.ScoringParameters;
import org.custseg.scoring.ValueModelFit;
import org.custseg.scoring.model.TransactionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holdout evaluation ({@code --evaluate --calibration-end D1 --holdout-end D2}): runs outside
 * the nightly job (no job instance, only Spark). Ingests the input as of D2, fits the value models
 * on the calibration period (purchases up to D1 of the customers whose first purchase is on or
 * before D1), predicts their purchase days in (D1, D2] and writes, under {@code
 * <output>/evaluation/calibration_end=D1/}: {@code frequency_table.csv}, {@code tracking.csv} and
 * {@code evaluation.json} (docs/value-models.md).
 */
public final class EvaluationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationRunner.class);

  /** Calibration frequencies 0..6 get their own row; 7 and more share the last. */
  static final int TOP_FREQUENCY = 7;

  /** The summary of one evaluation (also in evaluation.json). */
  public record Summary(Path directory, Map<String, Object> json) {}

  private EvaluationRunner() {}

  public static Summary run(
      SparkSession spark,
      Settings properties,
      Clock clock,
      String input,
      String output,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd) {
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException(
          "--holdout-end " + holdoutEnd + " must be after --calibration-end " + calibrationEnd);
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Ingest ingest = new Ingest(spark, properties.input(), properties.quality(), clock);
    Dataset<Row> clean =
        ClassifiedRows.withStatus(
                ingest.classify(ingest.list(input).exports(), holdoutEnd), RowStatus.CLEAN)
            .select(Columns.CUSTOMER_ID, Columns.TRANSACTION_ID, Columns.ORDER_DATE, Columns.AMOUNT)
            .cache();
    try {
      return evaluate(
          clean, properties.value(), new Path(output), calibrationEnd, holdoutEnd, hadoop);
    } finally {
      clean.unpersist();
    }
  }

  /** The evaluation on clean transactions dated up to the holdout end. */
  public static Summary evaluate(
      Dataset<Row> clean,
      ValueSettings settings,
      Path output,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd,
      Configuration hadoop) {
    org.apache.spark.sql.Column d1 = lit(Date.valueOf(calibrationEnd));
    Dataset<Row> calibration =
        ValueModelInputs.compute(clean.where(col(Columns.ORDER_DATE).leq(d1)), calibrationEnd);
    Dataset<Row> purchases = Orders.of(clean).where(Orders.isPurchase());
    Dataset<Row> holdout =
        purchases
            .where(
                col(Columns.ORDER_DATE)
                    .gt(d1)
                    .and(col(Columns.ORDER_DATE).leq(lit(Date.valueOf(holdoutEnd)))))
            .groupBy(col(Columns.CUSTOMER_ID))
            .agg(countDistinct(col(Columns.ORDER_DATE)).cast("int").as("holdout"));
    Dataset<Row> cohort =
        calibration
            .join(
                holdout,
                scala.jdk.javaapi.CollectionConverters.asScala(List.of(Columns.CUSTOMER_ID))
                    .toSeq(),
                "left")
            .withColumn("holdout", coalesce(col("holdout"), lit(0)))
            .cache();

    ValueModelFit fit = ModelFitter.fit(cohort, settings.withMinRepeatBuyers(1));
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

    // Frequency table and MAE from compressed groups (x, t_x, T, holdout) with counts.
    long[] customers = new long[TOP_FREQUENCY + 1];
    double[] actual = new double[TOP_FREQUENCY + 1];
    double[] predicted = new double[TOP_FREQUENCY + 1];
    double absoluteError = 0;
    long total = 0;
    long holdoutPurchases = 0;
    double predictedTotal = 0;
    for (Row r :
        cohort
            .groupBy(col(Columns.X), col(Columns.T_X_DAYS), col(Columns.T_DAYS), col("holdout"))
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
    StringBuilder table =
        new StringBuilder(
            "calibration_frequency,customers,actual_mean_holdout_purchases,"
                + "predicted_mean_holdout_purchases\n");
    List<Map<String, Object>> tableJson = new ArrayList<>();
    for (int k = 0; k <= TOP_FREQUENCY; k++) {
      String label = k == TOP_FREQUENCY ? TOP_FREQUENCY + "+" : String.valueOf(k);
      double a = customers[k] == 0 ? 0 : actual[k] / customers[k];
      double p = customers[k] == 0 ? 0 : predicted[k] / customers[k];
      table.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f%n", label, customers[k], a, p));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("calibration_frequency", label);
      row.put("customers", customers[k]);
      row.put("actual_mean", round(a));
      row.put("predicted_mean", round(p));
      tableJson.add(row);
    }

    // Tracking: cumulative repeat purchase days week by week from the cohort's first week.
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
    Map<LocalDate, Long> byFirst = new java.util.TreeMap<>();
    for (Row r : firstDay.groupBy(col("first")).count().collectAsList()) {
      byFirst.put(((Date) r.get(0)).toLocalDate(), r.getLong(1));
    }
    Map<Long, Long> repeatsByWeek = new java.util.TreeMap<>();
    for (Row r :
        days.join(firstDay, Columns.CUSTOMER_ID)
            .where(col(Columns.ORDER_DATE).gt(col("first")))
            .select(
                org.apache
                    .spark
                    .sql
                    .functions
                    .floor(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .datediff(col(Columns.ORDER_DATE), lit(Date.valueOf(start)))
                            .divide(7))
                    .as("week"))
            .groupBy(col("week"))
            .agg(count(lit(1)))
            .collectAsList()) {
      repeatsByWeek.put(r.getLong(0), r.getLong(1));
    }
    long weeks = (ChronoUnit.DAYS.between(start, holdoutEnd)) / 7 + 1;
    StringBuilder tracking =
        new StringBuilder(
            "week,week_end,period,actual_cumulative_repeat_purchases,"
                + "predicted_cumulative_repeat_purchases\n");
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
      tracking.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%d,%.2f%n",
              w + 1,
              lastDay,
              lastDay.isAfter(calibrationEnd) ? "holdout" : "calibration",
              cumulative,
              expected));
    }

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("calibration_end", calibrationEnd.toString());
    json.put("holdout_end", holdoutEnd.toString());
    json.put("time_unit", settings.timeUnit());
    json.put("holdout_length", round(horizon));
    json.put("cohort_customers", total);
    json.put("cohort_first_purchase_from", start.toString());
    json.put("calibration_repeat_purchases", fit.repeatPurchases());
    json.put("holdout_purchases_actual", holdoutPurchases);
    json.put("holdout_purchases_predicted", round(predictedTotal));
    json.put("mae_per_customer", round(total == 0 ? 0 : absoluteError / total));
    json.put("transaction_model", fit.transactionManifest());
    json.put("spend_model", fit.spendManifest());
    json.put("spend_frequency_correlation", fit.spendFrequencyCorrelation());
    json.put("frequency_table", tableJson);

    Path dir = new Path(output, "evaluation/calibration_end=" + calibrationEnd);
    OutputFiles.writeText(new Path(dir, "frequency_table.csv"), table.toString(), hadoop);
    OutputFiles.writeText(new Path(dir, "tracking.csv"), tracking.toString(), hadoop);
    OutputFiles.writeText(new Path(dir, "evaluation.json"), Json.write(json) + "\n", hadoop);
    cohort.unpersist();
    LOG.info(
        "Holdout evaluation written to {}: {} customers, holdout purchases actual {} vs "
            + "predicted {}, MAE {}",
        dir,
        total,
        holdoutPurchases,
        predictedTotal,
        json.get("mae_per_customer"));
    return new Summary(dir, json);
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
