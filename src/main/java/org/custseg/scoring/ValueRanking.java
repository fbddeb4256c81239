package org.custseg.scoring;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.custseg.features.Columns;

/**
 * {@code value_rank}: 1 for the most valuable customer. Active customers come first, by value
 * (descending), ties broken by customer id (ascending) so the order is total and reproducible;
 * inactive customers follow in the same order. Ranked by a distributed sort and
 * {@code zipWithIndex}: nothing per customer reaches the driver.
 */
public final class ValueRanking {

  private ValueRanking() {}

  public static Dataset<Row> rank(Dataset<Row> customers, String valueColumn) {
    Dataset<Row> sorted = customers.sort(col(Columns.IS_ACTIVE).desc(),
        col(valueColumn).desc_nulls_last(), col(Columns.CUSTOMER_ID).asc());
    int width = sorted.schema().size();
    JavaRDD<Row> ranked = sorted.javaRDD().zipWithIndex().map(t -> {
      Object[] values = Arrays.copyOf(rowValues(t._1()), width + 1);
      values[width] = t._2() + 1;
      return RowFactory.create(values);
    });
    return customers.sparkSession().createDataFrame(ranked,
        sorted.schema().add(Columns.VALUE_RANK, DataTypes.LongType, false));
  }

  private static Object[] rowValues(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    return values;
  }

}
