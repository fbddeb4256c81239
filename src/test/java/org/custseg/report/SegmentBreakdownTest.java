package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.features.CustomerState;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/**
 * The breakdown by country, channel and new vs returning: a customer's country and channel are
 * their most frequent ones (ties: the one that sorts first); a customer without any is unknown.
 */
class SegmentBreakdownTest extends SparkTestBase {

  private static final Units EUR = new Units("EUR", 365, 12, 30.4375, 365);

  private static Dataset<Row> state() {
    StructType schema =
        new StructType()
            .add(Columns.CUSTOMER_ID, DataTypes.StringType)
            .add(
                CustomerState.counts(Columns.COUNTRY),
                DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
            .add(
                CustomerState.counts(Columns.CHANNEL),
                DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType));
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create(
                    "c1", scala(Map.of("DE", 3L, "FR", 1L)), scala(Map.of("web", 2L))),
                RowFactory.create(
                    "c2", scala(Map.of("DE", 1L, "FR", 1L)), scala(Map.of("store", 1L))),
                RowFactory.create("c3", scala(Map.of()), scala(Map.of("web", 1L)))),
            schema);
  }

  private static scala.collection.Map<String, Long> scala(Map<String, Long> m) {
    return scala.jdk.javaapi.CollectionConverters.asScala(new HashMap<>(m));
  }

  @Test
  void customersAreCountedUnderTheirMostFrequentValueOrUnknown() {
    Dataset<Row> customers =
        CustomerRows.table()
            .add("c1", "vip", "star", "champions", 5, 5, "stability", 0, 900, 800, 400)
            .add("c2", "small", "dog", "lost", 1, 1, "decline", 0, 20, 10, 2)
            .add("c3", "small", "dog", "lost", 1, 1, "decline", 0, 30, 20, 3)
            .build();

    ReportTable t = SegmentBreakdown.table(state(), customers, EUR);

    Map<String, List<Object>> rows = new HashMap<>();
    for (List<Object> row : t.rows()) {
      rows.put(row.get(0) + "/" + row.get(1) + "/" + row.get(2) + "/" + row.get(3), row);
    }
    assertThat(rows.get("country/DE/pyramid_tier/vip").get(4)).isEqualTo(1L);
    assertThat(rows.get("country/DE/pyramid_tier/small").get(4)).isEqualTo(1L);
    assertThat(rows.get("country/DE/pyramid_tier/small").get(5)).isEqualTo(0.5);
    assertThat(rows.get("country/unknown/pyramid_tier/small").get(4)).isEqualTo(1L);
    assertThat(rows).doesNotContainKey("country/FR/pyramid_tier/vip");
    assertThat(rows.get("channel/web/pyramid_tier/small").get(4)).isEqualTo(1L);
    assertThat(rows.get("new_vs_returning/returning/pyramid_tier/vip").get(4)).isEqualTo(1L);
    assertThat(rows.get("new_vs_returning/new/lifecycle_stage/decline").get(4)).isEqualTo(2L);
    List<Object> de = rows.get("country/DE/pyramid_tier/vip");
    assertThat(de.get(6).toString()).isEqualTo("800.0000");
    assertThat(de.get(8)).isEqualTo("Net spend, trailing 365 days");
    assertThat(de.get(9)).isEqualTo("Net spend, all time");
    assertThat(de.get(10)).isEqualTo("EUR");
  }
}
