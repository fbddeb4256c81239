package org.custseg.job;

/** Exit codes of the job (contract.md): what cron and Airflow see. */
public final class ExitCodes {

  /** Success; also: the date already completed and --force was not given. */
  public static final int OK = 0;

  /** Any other failure. */
  public static final int FAILED = 1;

  /** Bad arguments or configuration. */
  public static final int USAGE = 2;

  /** The input failed the data-quality gate; nothing was published. */
  public static final int DATA_QUALITY = 3;

  private ExitCodes() {}
}
