package org.custseg.job;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/** One log line per step: rows in and out, duration and status. */
class StepLoggingListener implements StepExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger("org.custseg.job.steps");

  @Override
  public ExitStatus afterStep(StepExecution step) {
    long ms = Duration.between(step.getStartTime(), LocalDateTime.now()).toMillis();
    LOG.info(
        "Step {} {}: rows in {}, rows out {}, {} ms",
        step.getStepName(),
        step.getExitStatus().getExitCode(),
        step.getExecutionContext().getLong(JobKeys.ROWS_IN, -1L),
        step.getExecutionContext().getLong(JobKeys.ROWS_OUT, -1L),
        ms);
    return step.getExitStatus();
  }
}
