package org.custseg.job;

import java.time.Clock;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.custseg.config.Settings;
import org.custseg.ingest.Ingest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a run's Spark queries run with generated code or interpreted: below {@code
 * segmentation.spark.interpreted-below-bytes} of exports (the sample data, a small shop), compiling
 * code for each of the run's queries costs more CPU than evaluating a few thousand rows without it.
 * Decided once per run from the size of every export file under the input (which grows with the
 * history, so an incremental night on a large history compiles) and kept in the job's context, so a
 * restarted run keeps the mode. Each step sets the mode on the session and restores it after.
 */
final class EvaluationMode {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationMode.class);

  /** Job-context key: "true" when the run evaluates interpreted. */
  static final String KEY = "spark.interpreted";

  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

  private final RuntimeConfig conf;
  private final String wholeStage;
  private final String factoryMode;

  private EvaluationMode(RuntimeConfig conf) {
    this.conf = conf;
    this.wholeStage = conf.get(WHOLE_STAGE, null);
    this.factoryMode = conf.get(FACTORY_MODE, null);
  }

  /**
   * Sets the run's mode on the session (deciding it on the run's first step); {@link #restore} puts
   * back what the session had.
   */
  static EvaluationMode apply(
      SparkSession session,
      org.springframework.batch.item.ExecutionContext job,
      Settings settings,
      String inputPath) {
    EvaluationMode mode = new EvaluationMode(session.conf());
    if (!job.containsKey(KEY)) {
      boolean small = small(session, settings, inputPath);
      job.putString(KEY, Boolean.toString(small));
      if (small) {
        LOG.info(
            "Small input (under segmentation.spark.interpreted-below-bytes = {}): Spark evaluates "
                + "without generated code",
            settings.spark().interpretedBelowBytes());
      }
    }
    if (Boolean.parseBoolean(job.getString(KEY))) {
      session.conf().set(WHOLE_STAGE, "false");
      session.conf().set(FACTORY_MODE, "NO_CODEGEN");
    }
    return mode;
  }

  void restore() {
    reset(WHOLE_STAGE, wholeStage);
    reset(FACTORY_MODE, factoryMode);
  }

  private void reset(String key, String value) {
    if (value == null) {
      conf.unset(key);
    } else {
      conf.set(key, value);
    }
  }

  /**
   * Whether the export files under the input hold fewer bytes than the limit (their sizes as the
   * listing found them); false when the listing fails (the ingest step reports why).
   */
  private static boolean small(SparkSession session, Settings settings, String inputPath) {
    long limit = settings.spark().interpretedBelowBytes();
    if (limit <= 0 || inputPath == null || inputPath.isEmpty()) {
      return false;
    }
    try {
      return Ingest.of(session, settings, Clock.systemUTC()).list(inputPath).exportBytes() < limit;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
