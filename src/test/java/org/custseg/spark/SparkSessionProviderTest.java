package org.custseg.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.custseg.config.SparkSettings;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/** The provider reuses a running session (the tests' shared one) and never stops what it reused. */
class SparkSessionProviderTest {

  @Test
  void reusesTheRunningSessionAppliesTheTimeZoneAndLeavesItRunning() {
    SparkSession shared = SparkTestBase.spark();
    String zoneBefore = shared.conf().get("spark.sql.session.timeZone");
    SparkSessionProvider provider =
        new SparkSessionProvider(new SparkSettings("local[1]", "unused", 0, 0), "Asia/Shanghai");
    try {
      SparkSession session = provider.session();

      assertThat(session).isSameAs(shared);
      assertThat(session.conf().get("spark.sql.session.timeZone")).isEqualTo("Asia/Shanghai");
      assertThat(session.conf().get("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning"))
          .isEqualTo("true");
      assertThat(session.conf().get("spark.sql.codegen.hugeMethodLimit")).isEqualTo("8000");
      assertThat(session.conf().get("spark.sql.files.minPartitionNum"))
          .isEqualTo(String.valueOf(3 * session.sparkContext().defaultParallelism()));
      assertThat(provider.session()).isSameAs(session);

      provider.stop();
      assertThat(shared.sparkContext().isStopped()).isFalse();
    } finally {
      shared.conf().set("spark.sql.session.timeZone", zoneBefore);
    }
  }

  @Test
  void keepsASettingGivenToSpark() {
    SparkSession shared = SparkTestBase.spark();
    String key = "spark.sql.codegen.hugeMethodLimit";
    String before = shared.conf().contains(key) ? shared.conf().get(key) : null;
    shared.conf().set(key, "4000");
    try {
      SparkSession session =
          new SparkSessionProvider(new SparkSettings("local[1]", "unused", 0, 0), "UTC").session();

      assertThat(session.conf().get(key)).isEqualTo("4000");
    } finally {
      if (before == null) {
        shared.conf().unset(key);
      } else {
        shared.conf().set(key, before);
      }
    }
  }
}
