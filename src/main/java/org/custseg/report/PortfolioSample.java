package org.custseg.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.report.html.Portfolio;
import org.custseg.schema.Columns;
import org.custseg.segmentation.ValuePyramid;

/**
 * The portfolio scatter's points: a seeded sample of at most {@link Portfolio#MAX_SAMPLE_POINTS}
 * active customers. A hash of the customer id (seed 42) keeps about 1.5 x the cap; those are sorted
 * by id and cut to the cap, so the same table always gives the same points and only the sample
 * reaches the driver.
 */
public final class PortfolioSample {

  private static final long SEED = 42L;

  private PortfolioSample() {}

  /**
   * @param activeCustomers how many active customers the table holds (sets the hash fraction)
   */
  public static List<Portfolio.Point> of(
      Dataset<Row> customers, long activeCustomers, RunAxes axes) {
    int cap = Portfolio.MAX_SAMPLE_POINTS;
    double fraction = Math.min(1.0, 1.5 * cap / Math.max(1, activeCustomers));
    List<Row> rows =
        customers
            .where(col(Columns.PYRAMID_TIER).notEqual(ValuePyramid.INACTIVE))
            .where(
                pmod(xxhash64(col(Columns.CUSTOMER_ID), lit(SEED)), lit(1_000_000L))
                    .lt((long) (fraction * 1_000_000)))
            .select(
                col(Columns.CUSTOMER_ID),
                col(axes.quadrantValueAxis()).cast("double"),
                col(axes.quadrantGrowthAxis()).cast("double"),
                col(Columns.PORTFOLIO_QUADRANT))
            .orderBy(col(Columns.CUSTOMER_ID))
            .limit(cap)
            .collectAsList();
    List<Portfolio.Point> points = new ArrayList<>();
    for (Row r : rows) {
      if (!r.isNullAt(1) && !r.isNullAt(2)) {
        points.add(new Portfolio.Point(r.getDouble(1), r.getDouble(2), r.getString(3)));
      }
    }
    return points;
  }
}
