package org.custseg.state;

import java.util.List;
import java.util.Map;

/**
 * The description of a run's state ({@code _state/run_date=D/meta.json}), written last when the run
 * publishes.
 *
 * @param runDate the date the state is as of
 * @param mode {@code full} or {@code incremental}
 * @param baseRunDate the state an incremental run started from (null for a full run)
 * @param fingerprint the hash of the settings that shape the state; another value forces a full run
 * @param files every export file the state has taken in, with its stamp
 * @param keyChain the runs whose {@code _state/keys/run_date=K} together hold the identity of every
 *     row taken in (for duplicate detection of re-sent rows)
 * @param history the row counts of every run this state stands on ({@link IngestHistory}); null in
 *     a state kept before the histories were
 * @param currency the reporting currency of the state's money ("" when not stated; null in a state
 *     written before it was kept): a later night without a configured currency must not bring rows
 *     in another one
 */
public record StateMeta(
    String runDate,
    String mode,
    String baseRunDate,
    String fingerprint,
    int formatVersion,
    Map<String, FileStamp> files,
    List<String> keyChain,
    IngestHistory history,
    String currency) {

  /** A description without history totals or currency (as kept before them). */
  public StateMeta(
      String runDate,
      String mode,
      String baseRunDate,
      String fingerprint,
      int formatVersion,
      Map<String, FileStamp> files,
      List<String> keyChain) {
    this(runDate, mode, baseRunDate, fingerprint, formatVersion, files, keyChain, null, null);
  }

  /**
   * The layout of the customer state. 2: refunds net against the latest purchase day on or before
   * them (first-day, repeat and leading-refund values replace the gross purchase totals). 3: the
   * row keys of rows without a transaction id count their occurrence among the identical rows of
   * their file. A state of another version cannot be continued: the next run recomputes from all
   * history.
   */
  public static final int FORMAT_VERSION = 3;
}
