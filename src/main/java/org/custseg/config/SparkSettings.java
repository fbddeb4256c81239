package org.custseg.config;

/** Spark when spark-submit did not set it ({@code segmentation.spark}). */
public record SparkSettings(String master, String appName, int shufflePartitions) {
  public SparkSettings {
    Require.that(master != null && !master.isBlank(), "segmentation.spark.master is empty");
    Require.that(appName != null && !appName.isBlank(), "segmentation.spark.app-name is empty");
    Require.that(
        shufflePartitions >= 0,
        "segmentation.spark.shuffle-partitions must be >= 0, got " + shufflePartitions);
  }
}
