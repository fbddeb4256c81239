package org.custseg.schema;

import org.apache.spark.sql.types.DecimalType;

/** The decimal types of money in the pipeline. */
public final class Money {

  /** Money inside the pipeline: exact decimals, four places (rounded to two in reports). */
  public static final DecimalType MONEY = new DecimalType(18, 4);

  /** Sums of money (the customer state's totals): exact decimals with room to grow. */
  public static final DecimalType TOTAL = new DecimalType(28, 4);

  /**
   * Exchange rates: up to 999,999 units of the reporting currency per unit, to 12 decimal places. A
   * {@link #MONEY} amount times a rate stays exact (decimal(37,16)) before it is rounded.
   */
  public static final DecimalType RATE = new DecimalType(18, 12);

  private Money() {}
}
