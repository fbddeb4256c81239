package org.custseg.segmentation;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.CustomerTableColumns;

/** Puts the customer table's columns in their stable order ({@link CustomerTableColumns}). */
public final class CustomerTable {

  private CustomerTable() {}

  public static Dataset<Row> select(Dataset<Row> customers) {
    return customers.selectExpr(CustomerTableColumns.NAMES.toArray(String[]::new));
  }
}
