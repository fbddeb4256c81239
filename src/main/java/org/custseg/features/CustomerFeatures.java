package org.custseg.features;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything the scoring and segmentation read per customer, from the customer state as of the run
 * date: the RFM and trailing-window features ({@link RfmFeatures}) and the value models' inputs
 * ({@link PurchaseHistory}). A pure function of the state and the run date, so the segmentation
 * step derives it from the staged state as it reads it, instead of a staged copy written and read
 * back.
 */
public final class CustomerFeatures {

  private CustomerFeatures() {}

  /**
   * @param trailingDays the trailing window of the value axis
   * @param activityWindowDays a customer whose last purchase is older than this is inactive
   */
  public static Dataset<Row> fromState(
      Dataset<Row> state, LocalDate runDate, int trailingDays, int activityWindowDays) {
    return PurchaseHistory.attach(
        RfmFeatures.fromState(state, runDate, trailingDays, activityWindowDays), runDate);
  }
}
