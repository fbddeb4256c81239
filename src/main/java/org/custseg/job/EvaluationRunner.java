package org.custseg.job;

import java.time.Clock;
import java.time.LocalDate;
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
import org.custseg.ingest.ClassifiedRows;
import org.custseg.ingest.Ingest;
import org.custseg.report.OutputFiles;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;
import org.custseg.scoring.FittedValueModels;
import org.custseg.scoring.HoldoutEvaluation;
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
    Ingest ingest = Ingest.of(spark, properties, clock);
    Dataset<Row> classified = ingest.classify(ingest.list(input).exports(), holdoutEnd);
    // spend in several currencies without a reporting currency: a configuration error (exit 2)
    ingest.reportingCurrency(classified, java.util.Optional.empty());
    Dataset<Row> clean =
        ClassifiedRows.withStatus(classified, RowStatus.CLEAN)
            .select(Columns.CUSTOMER_ID, Columns.TRANSACTION_ID, Columns.ORDER_DATE, Columns.AMOUNT)
            .cache();
    try {
      return evaluate(
          clean, properties.value(), new Path(output), calibrationEnd, holdoutEnd, hadoop);
    } finally {
      clean.unpersist();
    }
  }

  /** The evaluation on clean transactions dated up to the holdout end, written under output. */
  public static Summary evaluate(
      Dataset<Row> clean,
      ValueSettings settings,
      Path output,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd,
      Configuration hadoop) {
    HoldoutEvaluation.Result r =
        HoldoutEvaluation.evaluate(clean, settings, calibrationEnd, holdoutEnd);
    StringBuilder table =
        new StringBuilder(
            "calibration_frequency,customers,actual_mean_holdout_purchases,"
                + "predicted_mean_holdout_purchases\n");
    List<Map<String, Object>> tableJson = new ArrayList<>();
    for (HoldoutEvaluation.FrequencyRow f : r.frequencyTable()) {
      table.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%.4f,%.4f%n",
              f.calibrationFrequency(),
              f.customers(),
              f.actualMean(),
              f.predictedMean()));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("calibration_frequency", f.calibrationFrequency());
      row.put("customers", f.customers());
      row.put("actual_mean", round(f.actualMean()));
      row.put("predicted_mean", round(f.predictedMean()));
      tableJson.add(row);
    }
    StringBuilder tracking =
        new StringBuilder(
            "week,week_end,period,actual_cumulative_repeat_purchases,"
                + "predicted_cumulative_repeat_purchases\n");
    for (HoldoutEvaluation.TrackingRow t : r.tracking()) {
      tracking.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%d,%.2f%n",
              t.week(),
              t.weekEnd(),
              t.period(),
              t.actualCumulative(),
              t.predictedCumulative()));
    }

    FittedValueModels fit = r.fit();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("calibration_end", calibrationEnd.toString());
    json.put("holdout_end", holdoutEnd.toString());
    json.put("time_unit", settings.timeUnit());
    json.put("holdout_length", round(r.holdoutLength()));
    json.put("cohort_customers", r.cohortCustomers());
    json.put("cohort_first_purchase_from", r.cohortFirstPurchaseFrom().toString());
    json.put("calibration_repeat_purchases", fit.repeatPurchases());
    json.put("holdout_purchases_actual", r.holdoutPurchasesActual());
    json.put("holdout_purchases_predicted", round(r.holdoutPurchasesPredicted()));
    json.put("mae_per_customer", round(r.maePerCustomer()));
    json.put("transaction_model", fit.transactionManifest());
    json.put("spend_model", fit.spendManifest());
    json.put("spend_frequency_correlation", fit.spendFrequencyCorrelation());
    json.put("frequency_table", tableJson);

    Path dir = new Path(output, "evaluation/calibration_end=" + calibrationEnd);
    OutputFiles.writeText(new Path(dir, "frequency_table.csv"), table.toString(), hadoop);
    OutputFiles.writeText(new Path(dir, "tracking.csv"), tracking.toString(), hadoop);
    OutputFiles.writeText(new Path(dir, "evaluation.json"), Json.write(json) + "\n", hadoop);
    LOG.info(
        "Holdout evaluation written to {}: {} customers, holdout purchases actual {} vs "
            + "predicted {}, MAE {}",
        dir,
        r.cohortCustomers(),
        r.holdoutPurchasesActual(),
        r.holdoutPurchasesPredicted(),
        json.get("mae_per_customer"));
    return new Summary(dir, json);
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
