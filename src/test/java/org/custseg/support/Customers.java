package org.custseg.support;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;

/** Builds tiny feature tables and clean-transaction tables for tests. */
public final class Customers {

  private Customers() {}

  /** Customer features: id, recency, frequency, monetary total, trailing value, growth, active. */
  public static final StructType FEATURES =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.RECENCY_DAYS, DataTypes.IntegerType)
          .add(Columns.FREQUENCY, DataTypes.IntegerType)
          .add(Columns.MONETARY_TOTAL, Money.MONEY)
          .add(Columns.TRAILING_VALUE, Money.MONEY)
          .add(Columns.GROWTH_RATE, DataTypes.DoubleType)
          .add(Columns.IS_ACTIVE, DataTypes.BooleanType);

  public static final class FeatureBuilder {
    private final List<Row> rows = new ArrayList<>();

    public FeatureBuilder add(String id, int recency, int frequency, String monetary) {
      return add(id, recency, frequency, monetary, monetary, 0.0, true);
    }

    public FeatureBuilder add(
        String id,
        int recency,
        int frequency,
        String monetary,
        String trailing,
        double growth,
        boolean active) {
      rows.add(
          RowFactory.create(
              id,
              recency,
              frequency,
              new BigDecimal(monetary),
              new BigDecimal(trailing),
              growth,
              active));
      return this;
    }

    public Dataset<Row> build() {
      return SparkTestBase.spark().createDataFrame(rows, FEATURES);
    }
  }

  public static FeatureBuilder features() {
    return new FeatureBuilder();
  }

  /** Clean transactions: customer, transaction id, order date, amount. */
  public static final StructType CLEAN =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.TRANSACTION_ID, DataTypes.StringType)
          .add(Columns.ORDER_DATE, DataTypes.DateType)
          .add(Columns.AMOUNT, Money.MONEY);

  public static final class OrderBuilder {
    private final List<Row> rows = new ArrayList<>();

    public OrderBuilder order(String customer, String tx, String date, String amount) {
      rows.add(
          RowFactory.create(
              customer, tx, Date.valueOf(LocalDate.parse(date)), new BigDecimal(amount)));
      return this;
    }

    public Dataset<Row> build() {
      return SparkTestBase.spark().createDataFrame(rows, CLEAN);
    }
  }

  public static OrderBuilder orders() {
    return new OrderBuilder();
  }
}
