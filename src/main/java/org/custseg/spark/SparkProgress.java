package org.custseg.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts what Spark has done since the session started: jobs and tasks submitted and finished, and
 * the rows the finished tasks read (from input files, and from shuffles). Spark calls it from its
 * listener bus thread; {@link #snapshot} may be taken from any thread. Spark does not know the jobs
 * a step will submit later, so "of total" can only be "of those submitted so far".
 */
public final class SparkProgress extends SparkListener {

  private final AtomicLong jobsSubmitted = new AtomicLong();
  private final AtomicLong jobsDone = new AtomicLong();
  private final AtomicLong tasksSubmitted = new AtomicLong();
  private final AtomicLong tasksDone = new AtomicLong();
  private final AtomicLong inputRows = new AtomicLong();
  private final AtomicLong shuffleRows = new AtomicLong();

  /** The counts at one moment; {@link #since} gives those of a step. */
  public record Snapshot(
      long jobsSubmitted,
      long jobsDone,
      long tasksSubmitted,
      long tasksDone,
      long inputRows,
      long shuffleRows) {

    public static final Snapshot ZERO = new Snapshot(0, 0, 0, 0, 0, 0);

    /** What happened between {@code start} and this snapshot. */
    public Snapshot since(Snapshot start) {
      return new Snapshot(
          jobsSubmitted - start.jobsSubmitted,
          jobsDone - start.jobsDone,
          tasksSubmitted - start.tasksSubmitted,
          tasksDone - start.tasksDone,
          inputRows - start.inputRows,
          shuffleRows - start.shuffleRows);
    }
  }

  public Snapshot snapshot() {
    return new Snapshot(
        jobsSubmitted.get(),
        jobsDone.get(),
        tasksSubmitted.get(),
        tasksDone.get(),
        inputRows.get(),
        shuffleRows.get());
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobsSubmitted.incrementAndGet();
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    jobsDone.incrementAndGet();
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted stageSubmitted) {
    tasksSubmitted.addAndGet(stageSubmitted.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    tasksDone.incrementAndGet();
    TaskMetrics metrics = taskEnd.taskMetrics();
    if (metrics != null && taskEnd.taskInfo() != null && taskEnd.taskInfo().successful()) {
      inputRows.addAndGet(metrics.inputMetrics().recordsRead());
      shuffleRows.addAndGet(metrics.shuffleReadMetrics().recordsRead());
    }
  }
}
