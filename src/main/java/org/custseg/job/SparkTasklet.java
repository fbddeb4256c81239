package org.custseg.job;

import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.custseg.config.Settings;
import org.custseg.ingest.IngestCounts;
import org.custseg.spark.SparkSessionProvider;
import org.custseg.state.IngestHistory;
import org.custseg.state.StateFingerprint;
import org.custseg.state.StateStore;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * A step that does its work with Spark: it reads its inputs from files of earlier steps and writes
 * its outputs to files, so a failed run restarts at the failed step. Subclasses call one pure
 * transformation and record rows in and out. Datasets a step persists are dropped from Spark's
 * cache when it ends.
 */
abstract class SparkTasklet implements Tasklet {

  protected final SparkSessionProvider spark;
  protected final Settings properties;

  SparkTasklet(SparkSessionProvider spark, Settings properties) {
    this.spark = spark;
    this.properties = properties;
  }

  @Override
  public final RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    StepExecution step = chunk.getStepContext().getStepExecution();
    RunParameters run = RunParameters.from(step.getJobParameters());
    StepContext ctx =
        new StepContext(
            run,
            spark.session(),
            step.getExecutionContext(),
            step.getJobExecution().getExecutionContext(),
            step.getJobExecution());
    EvaluationMode mode =
        EvaluationMode.apply(ctx.session(), ctx.job(), properties, run.inputPath());
    try {
      execute(ctx);
    } finally {
      // What a step keeps in Spark's cache is for that step alone: the next step reads files.
      ctx.session().catalog().clearCache();
      mode.restore();
    }
    return RepeatStatus.FINISHED;
  }

  protected abstract void execute(StepContext ctx);

  /**
   * The fingerprint of the settings that shape the customer state; {@code money} is the reporting
   * currency and its rates in canonical form (empty when none is set), so that a changed rate
   * recomputes from all history.
   */
  protected String stateFingerprint(String money) {
    java.util.Map<String, String> more = new java.util.TreeMap<>();
    more.put("min-date", properties.quality().minDate().toString());
    if (!money.isEmpty()) {
      more.put("money", money);
    }
    return StateFingerprint.of(
        properties.input(),
        properties.quality().futureToleranceDays(),
        properties.portfolio().trailingDays(),
        more);
  }

  /**
   * The row counts of every run this run stands on: its base state's history plus its own counts (a
   * full run: its own counts).
   */
  protected static IngestHistory history(StepContext ctx) {
    String base = ctx.job().getString(JobKeys.STATE_BASE, "");
    return IngestHistory.after(
        base.isEmpty()
            ? null
            : StateStore.under(ctx.layout().root()).read(LocalDate.parse(base), ctx.hadoop()),
        ctx.ingestCounts(),
        ctx.run().runDate());
  }

  /** What a step works with. */
  protected record StepContext(
      RunParameters run,
      SparkSession session,
      ExecutionContext step,
      ExecutionContext job,
      JobExecution jobExecution) {

    OutputLayout layout() {
      return run.layout();
    }

    Configuration hadoop() {
      return session.sparkContext().hadoopConfiguration();
    }

    /** The counts the ingest step stored. */
    IngestCounts ingestCounts() {
      return Json.read(job.getString(JobKeys.INGEST_COUNTS), IngestCounts.class);
    }

    void rows(long in, long out) {
      step.putLong(JobKeys.ROWS_IN, in);
      step.putLong(JobKeys.ROWS_OUT, out);
    }
  }
}
