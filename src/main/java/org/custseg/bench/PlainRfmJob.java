package org.custseg.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's yardstick: the plain Spark SQL job a data engineer would write to compute RFM
 * alone (read the CSV exports, aggregate per customer, quintile scores from approximate quantiles,
 * write Parquet). No validation, quarantine, reconciliation, segments or reports.
 *
 * <p>Usage: {@code PlainRfmJob INPUT OUTPUT RUN_DATE}
 */
public final class PlainRfmJob {

  private PlainRfmJob() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .appName("plain-rfm")
            .master(System.getProperty("spark.master", "local[*]"))
            .config("spark.ui.showConsoleProgress", false)
            .getOrCreate();
    long start = System.nanoTime();
    long customers = run(spark, args[0], args[1], LocalDate.parse(args[2]));
    System.out.printf(
        "plain-rfm customers=%d seconds=%.1f%n", customers, (System.nanoTime() - start) / 1e9);
    spark.stop();
  }

  static long run(SparkSession spark, String input, String output, LocalDate runDate) {
    Dataset<Row> tx =
        spark
            .read()
            .option("header", true)
            .csv(input)
            .withColumn(
                "order_date",
                to_date(try_to_timestamp(col("order_ts"), lit("yyyy-MM-dd HH:mm:ss"))))
            .withColumn("amount", col("amount").try_cast("decimal(18,4)"))
            .where(
                col("customer_id")
                    .isNotNull()
                    .and(col("order_date").leq(lit(Date.valueOf(runDate))))
                    .and(col("amount").isNotNull()));
    Dataset<Row> rfm =
        tx.groupBy("customer_id")
            .agg(
                datediff(lit(Date.valueOf(runDate)), max("order_date")).as("recency_days"),
                count_distinct(col("transaction_id")).as("frequency"),
                sum("amount").as("monetary_total"))
            .cache();
    double[] probs = {0.2, 0.4, 0.6, 0.8};
    double[][] q =
        rfm.stat()
            .approxQuantile(
                new String[] {"recency_days", "frequency", "monetary_total"}, probs, 0.001);
    Dataset<Row> scored =
        rfm.withColumn("r_score", lit(5).minus(above(col("recency_days"), q[0])))
            .withColumn("f_score", lit(1).plus(above(col("frequency"), q[1])))
            .withColumn("m_score", lit(1).plus(above(col("monetary_total"), q[2])));
    scored.write().mode("overwrite").parquet(output);
    long n = rfm.count();
    rfm.unpersist();
    return n;
  }

  private static Column above(Column c, double[] cuts) {
    Column n = lit(0);
    for (double cut : cuts) {
      n = n.plus(when(c.gt(cut), 1).otherwise(0));
    }
    return n;
  }
}
