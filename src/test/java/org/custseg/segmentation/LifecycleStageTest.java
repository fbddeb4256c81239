package org.custseg.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.config.ConfigurationException;
import org.custseg.config.LifecycleSettings;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * Every lifecycle rule at its boundaries, with the default thresholds: exploration-days 90,
 * overdue-factor 2, min-gap-days 30, stability-min-repeats 3, stability-min-tenure-days 180,
 * decline-p-alive 0.3, stability-min-p-alive 0.7. Customers are (frequency, tenure, recency); the
 * purchase span is tenure - recency, the typical gap span / (frequency - 1).
 */
class LifecycleStageTest extends SparkTestBase {

  private static final LifecycleSettings RULES = TestSettings.defaults().lifecycle();

  private static final StructType SCHEMA =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.FREQUENCY, DataTypes.IntegerType)
          .add(Columns.TENURE_DAYS, DataTypes.IntegerType)
          .add(Columns.RECENCY_DAYS, DataTypes.IntegerType);

  private static Map<String, String> stages(Dataset<Row> df) {
    Map<String, String> out = new HashMap<>();
    for (Row r :
        LifecycleStage.apply(df, RULES)
            .select(Columns.CUSTOMER_ID, Columns.LIFECYCLE_STAGE)
            .collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  private static Dataset<Row> customers(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark().createDataFrame(list, SCHEMA);
  }

  @Test
  void eachRuleAtItsBoundaries() {
    Map<String, String> s =
        stages(
            customers(
                new Object[] {"one-89", 1, 89, 89}, // one-time, 89 days: still exploring
                new Object[] {"one-90", 1, 90, 90}, // one-time, 90 days: decline
                new Object[] {"young", 2, 60, 10}, // gap 50, limit 100; tenure 60 < 90
                new Object[] {"two-repeats", 3, 100, 0}, // 2 repeats < 3: formation
                new Object[] {"stable", 4, 180, 20}, // 3 repeats, tenure 180, gap 53.3, limit 106.7
                new Object[] {"tenure-179", 4, 179, 20}, // tenure 179 < 180: formation
                new Object[] {"on-limit", 4, 400, 160}, // span 240, gap 80, limit 160: not overdue
                new Object[] {"over-limit", 4, 401, 161}, // 161 > 160: decline
                new Object[] {"floor-ok", 11, 210, 60}, // gap 15 < 30: limit 60, recency 60 ok
                new Object[] {"floor-over", 11, 211, 61} // 61 > 60: decline
                ));
    assertThat(s)
        .containsEntry("one-89", "exploration")
        .containsEntry("one-90", "decline")
        .containsEntry("young", "exploration")
        .containsEntry("two-repeats", "formation")
        .containsEntry("stable", "stability")
        .containsEntry("tenure-179", "formation")
        .containsEntry("on-limit", "stability")
        .containsEntry("over-limit", "decline")
        .containsEntry("floor-ok", "stability")
        .containsEntry("floor-over", "decline");
  }

  @Test
  void typicalGapIsTheSpanOverTheRepeats() {
    List<Row> rows =
        LifecycleStage.apply(
                customers(new Object[] {"a", 4, 401, 161}, new Object[] {"b", 1, 10, 10}), RULES)
            .orderBy(Columns.CUSTOMER_ID)
            .select(Columns.TYPICAL_GAP_DAYS)
            .collectAsList();
    assertThat(rows.get(0).getDouble(0)).isEqualTo(80.0);
    assertThat(rows.get(1).isNullAt(0)).isTrue();
  }

  @Test
  void pAliveIsUsedWhenPresent() {
    StructType schema = SCHEMA.add("p_alive", DataTypes.DoubleType);
    List<Row> rows =
        List.of(
            RowFactory.create("p069", 4, 180, 20, 0.69), // stable by rhythm, p_alive < 0.7
            RowFactory.create("p070", 4, 180, 20, 0.70),
            RowFactory.create("p029", 4, 180, 20, 0.29), // below 0.3: decline
            RowFactory.create("p030", 4, 180, 20, 0.30), // 0.3: not decline, < 0.7: formation
            RowFactory.create("null", 4, 180, 20, null), // unknown: the rhythm rules alone
            RowFactory.create("young-low", 2, 60, 10, 0.1)); // decline wins over exploration
    Map<String, String> s = stages(spark().createDataFrame(rows, schema));
    assertThat(s)
        .containsEntry("p069", "formation")
        .containsEntry("p070", "stability")
        .containsEntry("p029", "decline")
        .containsEntry("p030", "formation")
        .containsEntry("null", "stability")
        .containsEntry("young-low", "decline");
  }

  @Test
  void badThresholdsAreRejectedWithTheKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new LifecycleSettings(90, 0.5, 30, 3, 180, 0.3, 0.7))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("segmentation.lifecycle.overdue-factor");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new LifecycleSettings(90, 2, 30, 3, 180, 0.8, 0.7))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("decline-p-alive");
  }
}
