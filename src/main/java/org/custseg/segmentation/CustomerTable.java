package org.custseg.segmentation;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.report.DataDictionary;

/** Puts the customer table's columns in their stable order (from {@link DataDictionary}). */
public final class CustomerTable {

  private CustomerTable() {}

  public static Dataset<Row> select(Dataset<Row> customers) {
    return customers.selectExpr(DataDictionary.customerColumnNames().toArray(String[]::new));
  }
}
