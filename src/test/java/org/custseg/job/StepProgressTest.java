package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.custseg.spark.SparkProgress;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;

/** The progress lines: their wording, and that they come while a step runs and stop after it. */
class StepProgressTest {

  @Test
  void aLineSaysTheStepTheTimeTheSparkWorkAndTheRows() {
    SparkProgress.Snapshot done = new SparkProgress.Snapshot(14, 12, 410, 340, 1_234_567, 0);

    assertThat(StepProgress.line("segmentation", Duration.ofSeconds(130), done))
        .isEqualTo(
            "step segmentation, 2m10s; Spark jobs 12 done of 14 submitted, tasks 340 done of 410"
                + " submitted (this step), rows read 1,234,567");
  }

  @Test
  void shuffledRowsAreCountedApartAndAStepWithoutSparkSaysSo() {
    assertThat(
            StepProgress.line(
                "features", Duration.ofSeconds(45), new SparkProgress.Snapshot(5, 4, 5, 4, 10, 7)))
        .endsWith("rows read 10 (and 7 from shuffles)");
    assertThat(StepProgress.line("publish", Duration.ofSeconds(31), SparkProgress.Snapshot.ZERO))
        .isEqualTo("step publish, 31s; no Spark job submitted yet in this step");
  }

  @Test
  void theCountsOfAStepAreThoseSinceItStarted() {
    SparkProgress.Snapshot start = new SparkProgress.Snapshot(10, 10, 100, 100, 500, 50);
    SparkProgress.Snapshot now = new SparkProgress.Snapshot(14, 12, 510, 440, 1500, 80);

    assertThat(now.since(start)).isEqualTo(new SparkProgress.Snapshot(4, 2, 410, 340, 1000, 30));
  }

  @Test
  void durations() {
    assertThat(StepProgress.duration(Duration.ofSeconds(9))).isEqualTo("9s");
    assertThat(StepProgress.duration(Duration.ofSeconds(130))).isEqualTo("2m10s");
    assertThat(StepProgress.duration(Duration.ofSeconds(3725))).isEqualTo("1h02m05s");
  }

  @Test
  void linesComeWhileTheStepRunsAndStopAfterIt() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    StepProgress progress = new StepProgress(new SparkProgress(), 1, lines::add);
    StepExecution step =
        new StepExecution(
            "ingest", new JobExecution(new JobInstance(1L, "job"), 1L, new JobParameters()));

    progress.beforeStep(step);
    String first = lines.poll(60, TimeUnit.SECONDS);
    progress.afterStep(step);

    assertThat(first).startsWith("step ingest, ").contains("no Spark job submitted yet");
    Thread.sleep(1500); // a line already being written may still arrive; none after that
    lines.clear();
    Thread.sleep(2500);
    assertThat(lines).isEmpty();
  }

  @Test
  void anIntervalOfZeroMeansNoLines() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    StepProgress progress = new StepProgress(new SparkProgress(), 0, lines::add);
    StepExecution step =
        new StepExecution(
            "ingest", new JobExecution(new JobInstance(1L, "job"), 1L, new JobParameters()));

    progress.beforeStep(step);

    assertThat(lines.poll(2, TimeUnit.SECONDS)).isNull();
    progress.afterStep(step);
  }
}
