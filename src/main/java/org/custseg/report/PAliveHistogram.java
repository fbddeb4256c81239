package org.custseg.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.report.html.ModelHealth;
import org.custseg.schema.Columns;
import org.custseg.segmentation.ValuePyramid;

/**
 * How many active and inactive customers have a P(alive) in each band of width 0.1 (one small
 * aggregation; the last band includes 1).
 */
public final class PAliveHistogram {

  public static final int BANDS = 10;

  private PAliveHistogram() {}

  /** The bands from 0 to 1, or none when the table has no p_alive. */
  public static List<ModelHealth.PAliveBand> of(Dataset<Row> customers) {
    if (!Arrays.asList(customers.columns()).contains(Columns.P_ALIVE)) {
      return List.of();
    }
    long[][] counts = new long[BANDS][2];
    List<Row> rows =
        customers
            .where(col(Columns.P_ALIVE).isNotNull())
            .groupBy(
                least(floor(col(Columns.P_ALIVE).multiply(BANDS)), lit(BANDS - 1))
                    .cast("int")
                    .as("band"),
                col(Columns.PYRAMID_TIER).equalTo(ValuePyramid.INACTIVE).as("inactive"))
            .count()
            .collectAsList();
    for (Row r : rows) {
      int band = Math.max(0, r.getInt(0));
      counts[band][r.getBoolean(1) ? 1 : 0] += r.getLong(2);
    }
    List<ModelHealth.PAliveBand> out = new ArrayList<>();
    for (int b = 0; b < BANDS; b++) {
      out.add(
          new ModelHealth.PAliveBand(
              (double) b / BANDS, (double) (b + 1) / BANDS, counts[b][0], counts[b][1]));
    }
    return out;
  }
}
