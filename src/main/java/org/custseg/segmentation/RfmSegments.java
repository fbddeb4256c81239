package org.custseg.segmentation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.RfmSegmentTable;
import org.custseg.schema.Columns;

/** Names each customer's RFM segment from its R-F-M code through the configured table. */
public final class RfmSegments {

  private RfmSegments() {}

  public static Dataset<Row> apply(Dataset<Row> scored, RfmSegmentTable table) {
    List<Column> pairs = new ArrayList<>();
    table
        .asMap()
        .forEach(
            (code, segment) -> {
              pairs.add(lit(code));
              pairs.add(lit(segment));
            });
    Column code =
        col(Columns.R_SCORE)
            .multiply(100)
            .plus(col(Columns.F_SCORE).multiply(10))
            .plus(col(Columns.M_SCORE));
    return scored
        .withColumn(Columns.RFM_CODE, code.cast("int"))
        .withColumn(
            Columns.RFM_SEGMENT,
            element_at(map(pairs.toArray(Column[]::new)), col(Columns.RFM_CODE)));
  }
}
