package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.custseg.report.html.ModelHealth.PAliveBand;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

class PAliveHistogramTest extends SparkTestBase {

  private static final StructType TABLE =
      StructType.fromDDL("customer_id STRING, pyramid_tier STRING, p_alive DOUBLE");

  @Test
  void countsActiveAndInactiveCustomersPerTenthWithOneInTheLastBand() {
    Dataset<Row> customers =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("a", "vip", 0.0),
                    RowFactory.create("b", "small", 0.05),
                    RowFactory.create("c", "small", 0.1),
                    RowFactory.create("d", "key", 0.35),
                    RowFactory.create("e", "medium", 0.99),
                    RowFactory.create("f", "small", 1.0),
                    RowFactory.create("g", "small", null),
                    RowFactory.create("h", "inactive", 0.05),
                    RowFactory.create("i", "inactive", 1.0),
                    RowFactory.create("j", "inactive", 0.35)),
                TABLE);

    List<PAliveBand> bands = PAliveHistogram.of(customers);

    assertThat(bands)
        .containsExactly(
            new PAliveBand(0.0, 0.1, 2, 1),
            new PAliveBand(0.1, 0.2, 1, 0),
            new PAliveBand(0.2, 0.3, 0, 0),
            new PAliveBand(0.3, 0.4, 1, 1),
            new PAliveBand(0.4, 0.5, 0, 0),
            new PAliveBand(0.5, 0.6, 0, 0),
            new PAliveBand(0.6, 0.7, 0, 0),
            new PAliveBand(0.7, 0.8, 0, 0),
            new PAliveBand(0.8, 0.9, 0, 0),
            new PAliveBand(0.9, 1.0, 2, 1));
  }

  @Test
  void noBandsWithoutPAlive() {
    Dataset<Row> customers =
        spark()
            .createDataFrame(
                List.of(RowFactory.create("a", "vip")),
                StructType.fromDDL("customer_id STRING, pyramid_tier STRING"));

    assertThat(PAliveHistogram.of(customers)).isEmpty();
  }
}
