package org.custseg.job;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.custseg.spark.SparkProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * While a step runs, one log line every {@code segmentation.progress.interval-seconds}, on the
 * logger {@code org.custseg.job.progress} at INFO (printed as {@code progress: step segmentation,
 * 2m10s; Spark jobs 12 done of 14 submitted, tasks 340 done of 410 submitted (this step), rows read
 * 1,234,567}). Through SLF4J, so it shows on any output, also under cron and Airflow, unlike
 * Spark's console progress bar, which needs a terminal.
 */
class StepProgress implements StepExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger("org.custseg.job.progress");

  /** One daemon thread for every job of the process: the lines never keep the JVM alive. */
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "custseg-progress");
            t.setDaemon(true);
            return t;
          });

  private final SparkProgress spark;
  private final int intervalSeconds;
  private final Consumer<String> sink;
  private ScheduledFuture<?> ticking;

  StepProgress(SparkProgress spark, int intervalSeconds) {
    this(spark, intervalSeconds, LOG::info);
  }

  /** With another destination for the lines (tests). */
  StepProgress(SparkProgress spark, int intervalSeconds, Consumer<String> sink) {
    this.spark = spark;
    this.intervalSeconds = intervalSeconds;
    this.sink = sink;
  }

  @Override
  public synchronized void beforeStep(StepExecution step) {
    stopTicking();
    if (intervalSeconds <= 0) {
      return;
    }
    String name = step.getStepName();
    long start = System.nanoTime();
    SparkProgress.Snapshot base = spark.snapshot();
    ticking =
        TIMER.scheduleAtFixedRate(
            () ->
                sink.accept(
                    line(
                        name,
                        Duration.ofNanos(System.nanoTime() - start),
                        spark.snapshot().since(base))),
            intervalSeconds,
            intervalSeconds,
            TimeUnit.SECONDS);
  }

  @Override
  public synchronized ExitStatus afterStep(StepExecution step) {
    stopTicking();
    return step.getExitStatus();
  }

  private void stopTicking() {
    if (ticking != null) {
      ticking.cancel(false);
      ticking = null;
    }
  }

  /**
   * The progress line (after the logger's name) of a step that has run for {@code elapsed} and done
   * {@code done}.
   */
  static String line(String step, Duration elapsed, SparkProgress.Snapshot done) {
    StringBuilder b =
        new StringBuilder("step ").append(step).append(", ").append(duration(elapsed)).append("; ");
    if (done.jobsSubmitted() == 0) {
      b.append("no Spark job submitted yet in this step");
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "Spark jobs %,d done of %,d submitted, tasks %,d done of %,d submitted (this step)",
              done.jobsDone(),
              done.jobsSubmitted(),
              done.tasksDone(),
              done.tasksSubmitted()));
    }
    if (done.inputRows() > 0 || done.shuffleRows() > 0) {
      b.append(String.format(Locale.ROOT, ", rows read %,d", done.inputRows()));
      if (done.shuffleRows() > 0) {
        b.append(String.format(Locale.ROOT, " (and %,d from shuffles)", done.shuffleRows()));
      }
    }
    return b.toString();
  }

  /** {@code 45s}, {@code 2m10s}, {@code 1h02m05s}. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60);
  }
}
