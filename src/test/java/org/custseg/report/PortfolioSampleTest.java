package org.custseg.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.custseg.report.html.Portfolio;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

class PortfolioSampleTest extends SparkTestBase {

  private static final RunAxes AXES =
      new RunAxes(Columns.TRAILING_VALUE, Columns.TRAILING_VALUE, Columns.GROWTH_RATE, 0, 0);

  @Test
  void aSmallTableGivesEveryActiveCustomerWithBothAxesInIdOrder() {
    Dataset<Row> customers =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("c3", "small", 5.0, -0.5, "dog"),
                    RowFactory.create("c1", "vip", 900.0, 0.4, "star"),
                    RowFactory.create("c4", "inactive", 50.0, 0.0, "inactive"),
                    RowFactory.create("c2", "key", 300.0, -0.1, "cash_cow"),
                    RowFactory.create("c5", "small", 8.0, null, "dog")),
                StructType.fromDDL(
                    "customer_id STRING, pyramid_tier STRING, trailing_value DOUBLE, "
                        + "growth_rate DOUBLE, portfolio_quadrant STRING"));

    List<Portfolio.Point> points = PortfolioSample.of(customers, 4, AXES);

    // 4 active customers: the hash keeps all of them; c5 has no growth rate, c4 is inactive.
    assertThat(points)
        .containsExactly(
            new Portfolio.Point(900.0, 0.4, "star"),
            new Portfolio.Point(300.0, -0.1, "cash_cow"),
            new Portfolio.Point(5.0, -0.5, "dog"));
  }

  @Test
  void aLargeTableGivesTheCapSameWhateverItsPartitioning() {
    // 5000 customers c00000..c04999, x = the id's number; every tenth is inactive.
    Dataset<Row> customers =
        spark()
            .range(5000)
            .select(
                format_string("c%05d", col("id")).as(Columns.CUSTOMER_ID),
                when(col("id").mod(10).equalTo(0), lit("inactive"))
                    .otherwise(lit("small"))
                    .as(Columns.PYRAMID_TIER),
                col("id").cast("double").as(Columns.TRAILING_VALUE),
                col("id").mod(7).cast("double").as(Columns.GROWTH_RATE),
                lit("star").as(Columns.PORTFOLIO_QUADRANT));

    List<Portfolio.Point> points = PortfolioSample.of(customers, 4500, AXES);

    assertThat(points).hasSize(Portfolio.MAX_SAMPLE_POINTS);
    assertThat(points).allSatisfy(p -> assertThat(p.x() % 10).isNotZero());
    assertThat(points)
        .extracting(Portfolio.Point::x)
        .as("sorted by customer id")
        .isSorted()
        .doesNotHaveDuplicates();
    // Not simply the first 2000 active ids (the last of which is 2222): a sample over all of them.
    assertThat(points.get(points.size() - 1).x()).isGreaterThan(2222);
    assertThat(PortfolioSample.of(customers.repartition(3).orderBy(col("id").desc()), 4500, AXES))
        .isEqualTo(points);
  }
}
