package org.custseg.job;

/** Names of job parameters and execution-context entries. */
public final class JobKeys {

  public static final String JOB_NAME = "customerSegmentationJob";

  /** Identifying: the business date, ISO yyyy-MM-dd. */
  public static final String RUN_DATE = "run.date";

  /** Identifying: 0, or n for the n-th forced recomputation of a completed date. */
  public static final String RERUN = "rerun";

  public static final String INPUT_PATH = "input.path";
  public static final String OUTPUT_PATH = "output.path";

  /** Non-identifying: "true" to recompute from all history instead of continuing a state. */
  public static final String FULL = "full";

  public static final String STATE_BASE = "state.base";
  public static final String STATE_REASON = "state.reason";
  public static final String FILE_STAMPS = "state.file-stamps";

  /** The fingerprint of the settings (and exchange rates) the run's state is made under. */
  public static final String STATE_FINGERPRINT = "state.fingerprint";

  public static final String INGEST_COUNTS = "ingest.counts";
  public static final String SKIPPED_FILES = "ingest.skipped";

  /**
   * The run's reporting currency: its ISO code, or "" when not stated. Every money figure of the
   * run is in it (the reports and the data dictionary name it).
   */
  public static final String REPORTING_CURRENCY = "reporting.currency";

  /** Where the reporting currency comes from and what was converted (JSON), for the manifest. */
  public static final String MONEY = "ingest.money";

  /** Customers whose net spend (purchases minus refunds) is zero or negative. */
  public static final String CUSTOMERS_NOT_POSITIVE = "customers.net_not_positive";

  /**
   * Refunds dated before their customer's first purchase day in the data (JSON: customers, amount):
   * they lower only the net spend.
   */
  public static final String REFUNDS_BEFORE_FIRST_PURCHASE = "features.refunds_before_purchase";

  public static final String FACTS = "segmentation.facts";

  /** Customers per pyramid tier and portfolio quadrant (JSON, job.SegmentCounts), for metrics. */
  public static final String SEGMENT_COUNTS = "reports.segment-counts";

  /** The behavioural cluster model (JSON), for the reports and the manifest. */
  public static final String CLUSTERS = "segmentation.clusters";

  /** What the migration reports compared (JSON), for the manifest. */
  public static final String MIGRATION = "reports.migration";

  public static final String ROWS_IN = "rows.in";
  public static final String ROWS_OUT = "rows.out";

  private JobKeys() {}
}
