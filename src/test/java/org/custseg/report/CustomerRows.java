package org.custseg.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;
import org.custseg.support.SparkTestBase;

/**
 * Tiny customer tables for the report tests: the segments and the figures the reports read, one row
 * per customer. Scores default to R = F = 3, stage to formation, cluster to 0.
 */
final class CustomerRows {

  static final StructType SCHEMA =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.PYRAMID_TIER, DataTypes.StringType)
          .add(Columns.PORTFOLIO_QUADRANT, DataTypes.StringType)
          .add(Columns.RFM_SEGMENT, DataTypes.StringType)
          .add(Columns.R_SCORE, DataTypes.IntegerType)
          .add(Columns.F_SCORE, DataTypes.IntegerType)
          .add(Columns.LIFECYCLE_STAGE, DataTypes.StringType)
          .add(Columns.CLUSTER_ID, DataTypes.IntegerType)
          .add(Columns.RECENCY_DAYS, DataTypes.IntegerType)
          .add(Columns.FREQUENCY, DataTypes.IntegerType)
          .add(Columns.TENURE_DAYS, DataTypes.IntegerType)
          .add(Columns.MONETARY_TOTAL, Money.MONEY)
          .add(Columns.TRAILING_VALUE, Money.MONEY)
          .add(Columns.CLV, Money.MONEY)
          .add(Columns.FUTURE_VALUE, Money.MONEY)
          .add(Columns.P_ALIVE, DataTypes.DoubleType);

  private final List<Row> rows = new ArrayList<>();

  static CustomerRows table() {
    return new CustomerRows();
  }

  /** A customer with the given tier, quadrant and figures (future value = clv / 2). */
  CustomerRows add(
      String id, String tier, String quadrant, double monetary, double trailing, double clv) {
    return add(id, tier, quadrant, "loyal", 3, 3, "formation", 0, monetary, trailing, clv);
  }

  CustomerRows add(
      String id,
      String tier,
      String quadrant,
      String segment,
      int r,
      int f,
      String stage,
      int cluster,
      double monetary,
      double trailing,
      double clv) {
    rows.add(
        RowFactory.create(
            id,
            tier,
            quadrant,
            segment,
            r,
            f,
            stage,
            cluster,
            10 * r,
            f,
            100 + 10 * f,
            money(monetary),
            money(trailing),
            money(clv),
            money(clv / 2),
            0.5));
    return this;
  }

  private static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP);
  }

  Dataset<Row> build() {
    return SparkTestBase.spark().createDataFrame(rows, SCHEMA);
  }
}
