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
      assertThat(provider.session()).isSameAs(session);

      provider.stop();
      assertThat(shared.sparkContext().isStopped()).isFalse();
    } finally {
      shared.conf().set("spark.sql.session.timeZone", zoneBefore);
    }
  }
}
