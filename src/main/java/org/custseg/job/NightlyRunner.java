package org.custseg.job;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.custseg.config.Settings;
import org.custseg.ingest.Ingest;
import org.custseg.spark.SparkSessionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the job for one business date with scheduler semantics: the run date is the job's identity;
 * a completed date is not redone unless forced; a failed (or killed) run restarts at its failed
 * step; two runs of one date never overlap.
 */
@Component
public class NightlyRunner {

  private static final Logger LOG = LoggerFactory.getLogger(NightlyRunner.class);

  /**
   * The stack traces of failures, logged after the one-line cause (conf/log4j2.properties prints no
   * stack trace on any other logger, so the first line about a failure is always its cause).
   */
  private static final Logger TRACE = LoggerFactory.getLogger("org.custseg.failure");

  private final JobLauncher launcher;
  private final JobExplorer explorer;
  private final JobRepository repository;
  private final Job job;
  private final SparkSessionProvider spark;
  private final Settings properties;
  private final Clock clock;
  private final RunTracker tracker;

  public NightlyRunner(
      JobLauncher launcher,
      JobExplorer explorer,
      JobRepository repository,
      Job customerSegmentationJob,
      SparkSessionProvider spark,
      Settings properties,
      Clock clock,
      RunTracker tracker) {
    this.launcher = launcher;
    this.explorer = explorer;
    this.repository = repository;
    this.job = customerSegmentationJob;
    this.spark = spark;
    this.properties = properties;
    this.clock = clock;
    this.tracker = tracker;
  }

  /**
   * The outcome of a run: its exit code, the date it ran for, a message for people and the run's
   * last lines ({@link RunSummary}).
   */
  public record Outcome(int exitCode, LocalDate runDate, String message, List<String> summary) {}

  public Outcome run(RunRequest request) {
    String input = request.inputPath() != null ? request.inputPath() : properties.input().path();
    String output = properties.output().path();
    LocalDate date = request.runDate() != null ? request.runDate() : defaultRunDate(input);
    tracker.started(date, output);

    Optional<RunLock> lock = RunLock.tryAcquire(lockDir(output), date);
    if (lock.isEmpty()) {
      spark.stop();
      // The run in progress owns this date's metrics: nothing is written for this attempt.
      return new Outcome(
          ExitCodes.FAILED,
          date,
          "another run of "
              + date
              + " is in progress on this output ("
              + output
              + "); not starting a second one",
          RunSummary.lines(
              "not started",
              ExitCodes.FAILED,
              date.toString(),
              null,
              RunFigures.NONE,
              tracker.wallTime()));
    }
    try (RunLock held = lock.get()) {
      return runLocked(date, input, output, request.force(), request.full());
    } finally {
      spark.stop();
    }
  }

  private Outcome runLocked(
      LocalDate date, String input, String output, boolean force, boolean full) {
    Optional<JobInstance> latest = latestInstance(date);
    long rerun = 0;
    if (latest.isPresent()) {
      List<JobExecution> executions = explorer.getJobExecutions(latest.get());
      rerun = rerunOf(executions);
      boolean completed = executions.stream().anyMatch(e -> e.getStatus() == BatchStatus.COMPLETED);
      if (completed && !force) {
        String where = "outputs in " + OutputLayout.of(output).reports(date);
        return new Outcome(
            ExitCodes.OK,
            date,
            "run date " + date + " already completed; " + where + " (use --force to recompute)",
            RunSummary.lines(
                "nothing to do: already completed",
                ExitCodes.OK,
                date.toString(),
                where,
                RunFigures.NONE,
                tracker.wallTime()));
      }
      if (completed) {
        rerun++;
      } else {
        abandonStale(executions);
        LOG.info("Run date {} has an unfinished run: restarting it at its failed step", date);
      }
    }
    JobParameters params =
        new JobParametersBuilder()
            .addString(JobKeys.RUN_DATE, date.toString(), true)
            .addLong(JobKeys.RERUN, rerun, true)
            .addString(JobKeys.INPUT_PATH, input, false)
            .addString(JobKeys.OUTPUT_PATH, output, false)
            .addString(JobKeys.FULL, Boolean.toString(full), false)
            .toJobParameters();
    try {
      JobExecution execution = launcher.run(job, params);
      if (tracker.interruptedBy() != null) {
        return interrupted(date);
      }
      if (execution.getStatus() == BatchStatus.COMPLETED) {
        String where = "outputs in " + OutputLayout.of(output).reports(date);
        return finish(
            ExitCodes.OK,
            date,
            "run date " + date + " completed; " + where,
            "completed",
            where,
            execution);
      }
      List<Throwable> failures = execution.getAllFailureExceptions();
      String cause =
          failures.isEmpty()
              ? execution.getExitStatus().getExitDescription()
              : Failures.oneLine(failures.get(0));
      String step =
          execution.getStepExecutions().stream()
              .filter(s -> s.getStatus() == BatchStatus.FAILED)
              .map(StepExecution::getStepName)
              .findFirst()
              .orElse("?");
      LOG.error("Run date {} failed in step {}: {}", date, step, cause);
      for (Throwable t : failures) {
        TRACE.info("Stack trace of the failure of run date {} (step {}):", date, step, t);
      }
      return finish(
          Failures.exitCode(failures),
          date,
          "run date " + date + " failed in step " + step + ": " + cause,
          "failed in step " + step,
          null,
          execution);
    } catch (Exception e) {
      if (tracker.interruptedBy() != null) {
        return interrupted(date);
      }
      LOG.error("Run date {} could not start: {}", date, Failures.oneLine(e));
      TRACE.info("Stack trace:", e);
      return finish(
          Failures.exitCode(e),
          date,
          "run date " + date + " could not start: " + Failures.oneLine(e),
          "could not start",
          null,
          null);
    }
  }

  /**
   * The end of a run that got as far as the job: its metrics (the _metrics copies and the
   * Pushgateway; a completed run's published copy was written by the publish step) and its last
   * lines.
   */
  private Outcome finish(
      int exitCode,
      LocalDate date,
      String message,
      String outcome,
      String where,
      JobExecution execution) {
    RunFigures figures = RunFigures.of(execution);
    String metrics = metrics(date, figures, exitCode);
    String place = where == null ? metrics : where + "; " + metrics;
    return new Outcome(
        exitCode,
        date,
        message,
        RunSummary.lines(outcome, exitCode, date.toString(), place, figures, tracker.wallTime()));
  }

  private String metrics(LocalDate date, RunFigures figures, int exitCode) {
    return MetricsPublisher.publish(
            properties.output().path(),
            date,
            RunMetrics.registry(figures, tracker.outcome(exitCode)),
            properties.metrics())
        .map(p -> "metrics in " + p)
        .orElse("metrics not written (see the warning above)");
  }

  /**
   * After SIGTERM or SIGINT ({@link Interruption}): the run's metrics and last lines, as far as the
   * run got. Called from the signal's thread while the job still runs; the JVM exits afterwards.
   */
  public List<String> afterInterruption(String signal) {
    LocalDate date = tracker.runDate();
    if (date == null) {
      return List.of();
    }
    String step = tracker.step();
    RunFigures figures = RunFigures.of(tracker.job());
    return RunSummary.lines(
        "interrupted by " + signal + (step == null ? "" : " during step " + step),
        ExitCodes.FAILED,
        date.toString(),
        metrics(date, figures, ExitCodes.FAILED),
        figures,
        tracker.wallTime());
  }

  /** The signal's thread reports an interrupted run: the job's own failure says nothing more. */
  private Outcome interrupted(LocalDate date) {
    return new Outcome(
        ExitCodes.FAILED, date, "interrupted by " + tracker.interruptedBy(), List.of());
  }

  private LocalDate defaultRunDate(String input) {
    Ingest ingest = Ingest.of(spark.session(), properties, clock);
    LocalDate d = ingest.latestDate(ingest.list(input).exports());
    LOG.info("No --run-date given: using the latest date in the input, {}", d);
    return d;
  }

  private Optional<JobInstance> latestInstance(LocalDate date) {
    String d = date.toString();
    return explorer.findJobInstancesByJobName(JobKeys.JOB_NAME, 0, Integer.MAX_VALUE).stream()
        .filter(
            i ->
                explorer.getJobExecutions(i).stream()
                    .anyMatch(e -> d.equals(e.getJobParameters().getString(JobKeys.RUN_DATE))))
        .max(Comparator.comparingLong(i -> rerunOf(explorer.getJobExecutions(i))));
  }

  private static long rerunOf(List<JobExecution> executions) {
    return executions.isEmpty()
        ? 0
        : executions.get(0).getJobParameters().getLong(JobKeys.RERUN, 0L);
  }

  /**
   * Executions still marked as running although this process holds the date's lock belong to a
   * process that died (e.g. kill -9): mark them failed so Spring Batch can restart the run.
   */
  private void abandonStale(List<JobExecution> executions) {
    for (JobExecution e : executions) {
      if (e.getStatus().isRunning()) {
        LOG.warn(
            "Execution {} of {} was left running by a process that died: marking it failed",
            e.getId(),
            e.getJobParameters().getString(JobKeys.RUN_DATE));
        for (StepExecution s : e.getStepExecutions()) {
          if (s.getStatus().isRunning()) {
            s.setStatus(BatchStatus.FAILED);
            s.setExitStatus(ExitStatus.FAILED.addExitDescription("process died"));
            s.setEndTime(LocalDateTime.now(clock));
            repository.update(s);
          }
        }
        e.setStatus(BatchStatus.FAILED);
        e.setExitStatus(ExitStatus.FAILED.addExitDescription("process died"));
        e.setEndTime(LocalDateTime.now(clock));
        repository.update(e);
      }
    }
  }

  private static Path lockDir(String output) {
    URI uri = URI.create(output.replace('\\', '/').replace(" ", "%20"));
    if (uri.getScheme() == null) {
      return Path.of(output, "_locks");
    }
    if ("file".equals(uri.getScheme())) {
      return Path.of(uri).resolve("_locks");
    }
    return Path.of("_locks");
  }
}
