package org.custseg.spark;

import org.apache.spark.sql.SparkSession;
import org.custseg.config.SparkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Spark once per job and stops it at the end. Under spark-submit the master and all settings
 * come from spark-submit; otherwise {@code segmentation.spark.master} (default {@code local[*]}) is
 * used. A session that already exists (tests share one) is reused and left running.
 */
public class SparkSessionProvider {

  private static final Logger LOG = LoggerFactory.getLogger(SparkSessionProvider.class);

  private final SparkSettings settings;
  private final String timeZone;
  private final SparkProgress progress = new SparkProgress();
  private SparkSession session;
  private boolean owned;

  /**
   * @param settings the master and app name used when spark-submit set none
   * @param timeZone the session time zone (segmentation.input.time-zone)
   */
  public SparkSessionProvider(SparkSettings settings, String timeZone) {
    this.settings = settings;
    this.timeZone = timeZone;
  }

  public synchronized SparkSession session() {
    if (session != null) {
      return session;
    }
    SparkSession existing =
        SparkSession.getActiveSession()
            .getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
    if (existing != null && !existing.sparkContext().isStopped()) {
      session = existing;
      owned = false;
    } else {
      SparkSettings cfg = settings;
      SparkSession.Builder builder = SparkSession.builder().appName(cfg.appName());
      if (System.getProperty("spark.master") == null) {
        builder.master(cfg.master());
        builder.config("spark.ui.showConsoleProgress", System.console() != null);
      }
      builder.config("spark.sql.adaptive.enabled", true);
      if (cfg.shufflePartitions() > 0) {
        builder.config("spark.sql.shuffle.partitions", cfg.shufflePartitions());
      }
      session = builder.getOrCreate();
      owned = true;
      LOG.info("Started Spark {} on {}", session.version(), session.sparkContext().master());
    }
    session.sparkContext().addSparkListener(progress);
    session.conf().set("spark.sql.session.timeZone", timeZone);
    // Without it, a persisted plan keeps the default 200 shuffle partitions (adaptive execution
    // does not coalesce them) and every later stage on the cached data runs 200 tasks: an
    // incremental night's small delta took 100.6 s instead of 72.4 s at one million rows.
    session.conf().set("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
    // Spark's default limit (65535 bytes) lets whole-stage code grow past the 8,000 bytes above
    // which HotSpot never compiles a method: such a method runs in the bytecode interpreter. The
    // ingest's classification stage did (most of its samples were interpreted frames); with the
    // limit, Spark splits it instead. At 10 million rows the run went from 371 to 333 s.
    byDefault(session, "spark.sql.codegen.hugeMethodLimit", "8000");
    // Parquet inputs (the state, the staged tables) in at least three tasks per core: the state's
    // files made three tasks on two cores, one of which ran alone.
    byDefault(
        session,
        "spark.sql.files.minPartitionNum",
        String.valueOf(3 * session.sparkContext().defaultParallelism()));
    noChecksumFiles(session);
    return session;
  }

  /** Sets a SQL setting unless spark-submit, the Spark configuration or the session set it. */
  private static void byDefault(SparkSession session, String key, String value) {
    if (!session.conf().contains(key)) {
      session.conf().set(key, value);
    }
  }

  /**
   * The local file system writes a {@code .crc} file beside every file; analysts opening the output
   * directory should not see them. (HDFS and object stores have none.)
   */
  private static void noChecksumFiles(SparkSession session) {
    try {
      org.apache.hadoop.fs.FileSystem.getLocal(session.sparkContext().hadoopConfiguration())
          .setWriteChecksum(false);
    } catch (java.io.IOException e) {
      LOG.warn("Cannot turn off .crc files: {}", e.getMessage());
    }
  }

  /**
   * What Spark has done in the session of this provider (counting from when it was first asked for
   * the session); zero before that.
   */
  public SparkProgress progress() {
    return progress;
  }

  /** Stops the session if this provider started it. */
  public synchronized void stop() {
    if (session != null && !session.sparkContext().isStopped()) {
      session.sparkContext().removeSparkListener(progress);
    }
    if (session != null && owned) {
      session.stop();
      LOG.info("Stopped Spark");
    }
    session = null;
  }
}
