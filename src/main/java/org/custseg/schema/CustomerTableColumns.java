package org.custseg.schema;

import java.util.List;

/**
 * The customer table's columns (Parquet and customers.csv) in their stable order: the contract's
 * columns first, then the added ones. The data dictionary describes each of them.
 */
public final class CustomerTableColumns {

  public static final List<String> NAMES =
      List.of(
          Columns.CUSTOMER_ID,
          Columns.RUN_DATE,
          Columns.FIRST_PURCHASE_DATE,
          Columns.LAST_PURCHASE_DATE,
          Columns.RECENCY_DAYS,
          Columns.FREQUENCY,
          Columns.MONETARY_TOTAL,
          Columns.MONETARY_AVG,
          Columns.R_SCORE,
          Columns.F_SCORE,
          Columns.M_SCORE,
          Columns.RFM_SEGMENT,
          Columns.P_ALIVE,
          Columns.EXPECTED_PURCHASES,
          Columns.EXPECTED_SPEND,
          Columns.HISTORICAL_VALUE,
          Columns.CURRENT_OPPORTUNITY,
          Columns.FUTURE_VALUE,
          Columns.CLV,
          Columns.CUSTOMER_VALUE,
          Columns.VALUE_RANK,
          Columns.PYRAMID_TIER,
          Columns.PORTFOLIO_QUADRANT,
          Columns.LIFECYCLE_STAGE,
          Columns.CLUSTER_ID,
          Columns.RELATIONSHIP_LEVEL,
          Columns.TENURE_DAYS,
          Columns.REFUND_TOTAL,
          Columns.TRAILING_VALUE,
          Columns.SPEND_RECENT_HALF,
          Columns.SPEND_PREVIOUS_HALF,
          Columns.GROWTH_RATE,
          Columns.IS_ACTIVE,
          Columns.RFM_CODE,
          Columns.TYPICAL_GAP_DAYS,
          Columns.LIFETIME_PROFIT,
          Columns.PREDICTED_GROWTH);

  private CustomerTableColumns() {}
}
