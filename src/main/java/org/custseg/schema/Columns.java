package org.custseg.schema;

/**
 * Column names shared by more than one stage; the customer-table names follow the contract. Names a
 * single class uses for its own intermediate columns stay in that class.
 */
public final class Columns {

  // Ingested transactions.
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RAW_LINE = "raw_line";
  public static final String TRANSACTION_ID = "transaction_id";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String ORDER_TS = "order_ts";
  public static final String ORDER_DATE = "order_date";
  public static final String AMOUNT = "amount";

  /** The amount as the export wrote it, before conversion into the reporting currency. */
  public static final String AMOUNT_ORIGINAL = "amount_original";

  public static final String CURRENCY = "currency";
  public static final String QUANTITY = "quantity";
  public static final String UNIT_PRICE = "unit_price";
  public static final String STORE_ID = "store_id";
  public static final String CHANNEL = "channel";
  public static final String COUNTRY = "country";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";

  // Customer table.
  public static final String RUN_DATE = "run_date";
  public static final String FIRST_PURCHASE_DATE = "first_purchase_date";
  public static final String LAST_PURCHASE_DATE = "last_purchase_date";
  public static final String RECENCY_DAYS = "recency_days";
  public static final String TENURE_DAYS = "tenure_days";
  public static final String FREQUENCY = "frequency";
  public static final String MONETARY_TOTAL = "monetary_total";
  public static final String MONETARY_AVG = "monetary_avg";
  public static final String REFUND_TOTAL = "refund_total";
  public static final String TRAILING_VALUE = "trailing_value";
  public static final String SPEND_RECENT_HALF = "spend_recent_half";
  public static final String SPEND_PREVIOUS_HALF = "spend_previous_half";
  public static final String GROWTH_RATE = "growth_rate";
  public static final String IS_ACTIVE = "is_active";
  public static final String R_SCORE = "r_score";
  public static final String F_SCORE = "f_score";
  public static final String M_SCORE = "m_score";
  public static final String RFM_CODE = "rfm_code";
  public static final String RFM_SEGMENT = "rfm_segment";
  public static final String HISTORICAL_VALUE = "historical_value";
  public static final String VALUE_RANK = "value_rank";
  public static final String PYRAMID_TIER = "pyramid_tier";
  public static final String PORTFOLIO_QUADRANT = "portfolio_quadrant";

  // Ingest bookkeeping: where a row ended up and its identity across runs.
  public static final String STATUS = "status";

  /** The mapped columns the row's file lacks (comma-separated logical names; null: none). */
  public static final String ABSENT_COLUMNS = "absent_columns";

  /** Two independent 64-bit hashes of the dedupe key: a row's identity across runs. */
  public static final String ROW_KEY1 = "row_key1";

  public static final String ROW_KEY2 = "row_key2";

  // Value-model inputs per customer (repeat purchase days x, t_x and T in days, repeat spend).
  public static final String X = "x";
  public static final String T_X_DAYS = "t_x_days";
  public static final String T_DAYS = "T_days";
  public static final String REPEAT_SPEND = "repeat_spend";

  // Value scores.
  public static final String P_ALIVE = "p_alive";
  public static final String EXPECTED_PURCHASES = "expected_purchases_next_period";
  public static final String EXPECTED_SPEND = "expected_spend";
  public static final String CLV = "clv";
  public static final String CURRENT_OPPORTUNITY = "current_opportunity";
  public static final String FUTURE_VALUE = "future_value";
  public static final String CUSTOMER_VALUE = "customer_value";
  public static final String LIFETIME_PROFIT = "lifetime_profit";
  public static final String PREDICTED_GROWTH = "predicted_growth";

  // Segments.
  public static final String LIFECYCLE_STAGE = "lifecycle_stage";
  public static final String TYPICAL_GAP_DAYS = "typical_gap_days";
  public static final String CLUSTER_ID = "cluster_id";
  public static final String RELATIONSHIP_LEVEL = "relationship_level";

  private Columns() {}
}
