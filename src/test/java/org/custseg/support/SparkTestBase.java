package org.custseg.support;

import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession for the whole test suite (surefire runs the tests in one JVM): local[2], no UI,
 * few shuffle partitions, loopback driver, UTC. Never stopped between test classes; the job under
 * test reuses it instead of starting its own.
 */
public abstract class SparkTestBase {

  private static SparkSession session;

  public static synchronized SparkSession spark() {
    if (session == null || session.sparkContext().isStopped()) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("customer-segmentation-tests")
              .config("spark.ui.enabled", false)
              .config("spark.sql.shuffle.partitions", 2)
              .config("spark.default.parallelism", 2)
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.ui.showConsoleProgress", false)
              .getOrCreate();
    }
    return session;
  }
}
