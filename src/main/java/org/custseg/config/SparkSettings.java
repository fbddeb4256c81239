package org.custseg.config;

/**
 * Spark when spark-submit did not set it ({@code segmentation.spark}).
 *
 * @param interpretedBelowBytes exports smaller than this in total run with Spark's interpreted
 *     evaluation instead of generated code (0: always generated code)
 */
public record SparkSettings(
    String master, String appName, int shufflePartitions, long interpretedBelowBytes) {
  public SparkSettings {
    Require.that(master != null && !master.isBlank(), "segmentation.spark.master is empty");
    Require.that(appName != null && !appName.isBlank(), "segmentation.spark.app-name is empty");
    Require.that(
        shufflePartitions >= 0,
        "segmentation.spark.shuffle-partitions must be >= 0, got " + shufflePartitions);
    Require.that(
        interpretedBelowBytes >= 0,
        "segmentation.spark.interpreted-below-bytes must be >= 0, got " + interpretedBelowBytes);
  }
}
