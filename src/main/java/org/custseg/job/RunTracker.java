package org.custseg.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * What the command is doing right now, for its last lines: when it started, the run date and output
 * once chosen, the job execution and the step that runs. One per command; every step reports to it.
 */
public final class RunTracker implements StepExecutionListener {

  private final long startNanos = System.nanoTime();
  private volatile LocalDate runDate;
  private volatile String output;
  private volatile JobExecution job;
  private volatile String step;

  /** The run date and output of the run, once known. */
  void started(LocalDate date, String out) {
    this.runDate = date;
    this.output = out;
  }

  @Override
  public void beforeStep(StepExecution s) {
    job = s.getJobExecution();
    step = s.getStepName();
  }

  @Override
  public ExitStatus afterStep(StepExecution s) {
    step = null;
    return s.getExitStatus();
  }

  /** The step running now, or null. */
  public String step() {
    return step;
  }

  /** The job execution of the run, once a step has started, or null. */
  JobExecution job() {
    return job;
  }

  LocalDate runDate() {
    return runDate;
  }

  String output() {
    return output;
  }

  /** Time since the command started. */
  public Duration wallTime() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The metrics' view of the run's outcome, ending now. */
  RunMetrics.Outcome outcome(int exitCode) {
    return new RunMetrics.Outcome(runDate, exitCode, Instant.now(), wallTime());
  }
}
