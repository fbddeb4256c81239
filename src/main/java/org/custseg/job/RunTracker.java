package org.custseg.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * What the command is doing right now, for its last lines and for a signal that interrupts it: when
 * it started, the run date and output once chosen, the job execution and the step that runs, and
 * whether it was interrupted. One per command; every step reports to it.
 */
public final class RunTracker implements StepExecutionListener {

  private final long startNanos = System.nanoTime();
  private volatile LocalDate runDate;
  private volatile String output;
  private volatile JobExecution job;
  private volatile String step;
  private final AtomicReference<String> interruptedBy = new AtomicReference<>();

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

  /** Whether the job's first step has begun. */
  public boolean jobStarted() {
    return job != null;
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

  /** Records the signal; true the first time only. */
  public boolean interrupt(String signal) {
    return interruptedBy.compareAndSet(null, signal);
  }

  /** The signal that interrupted the run, or null. */
  public String interruptedBy() {
    return interruptedBy.get();
  }

  /** The metrics' view of the run's outcome, ending now. */
  RunMetrics.Outcome outcome(int exitCode) {
    return new RunMetrics.Outcome(runDate, exitCode, Instant.now(), wallTime());
  }
}
