package org.custseg.job;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.Settings;
import org.custseg.spark.SparkSessionProvider;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: ingest, features, segmentation, reports, publish. Each step is a tasklet that
 * reads the previous step's files, so Spring Batch can restart a failed run at the failed step.
 */
@Configuration
public class SegmentationJobConfiguration {

  private final FaultInjection faults;

  public SegmentationJobConfiguration(Environment env) {
    this.faults = new FaultInjection(env);
  }

  /** The one clock of the application: today's date and the wall-clock time come from it. */
  @Bean
  Clock clock() {
    return systemClock();
  }

  /** The clock of the bean, for {@code --validate-only}, which starts no Spring context. */
  public static Clock systemClock() {
    return Clock.systemDefaultZone();
  }

  @Bean
  SparkSessionProvider sparkSessionProvider(Settings properties) {
    return new SparkSessionProvider(properties.spark(), properties.input().timeZone());
  }

  /**
   * The job repository's database: {@code spring.datasource.*} when set (e.g. PostgreSQL),
   * otherwise an H2 file database under the output directory.
   */
  @Bean
  DataSource dataSource(Environment env, Settings properties) {
    String url = env.getProperty("spring.datasource.url");
    if (url == null || url.isBlank()) {
      url = JobRepositoryLocation.defaultH2Url(properties.output().path());
      refuseWhenInUse(url, properties.output().path());
    }
    return DataSourceBuilder.create()
        .url(url)
        .username(env.getProperty("spring.datasource.username", "sa"))
        .password(env.getProperty("spring.datasource.password", ""))
        .build();
  }

  /**
   * The embedded H2 file can be open in one process only: a second run on the same output (another
   * date, or the same date while the first runs) stops here with a clear message instead of H2's
   * "file is locked" deep inside Spring's start-up.
   */
  private static void refuseWhenInUse(String url, String output) {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      // free: closing it releases the file for the connection pool
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN || m.contains("locked")) {
        throw new IllegalStateException(
            "another run is in progress on this output ("
                + output
                + "): its job repository "
                + output
                + "/_jobrepo is in use; not starting a second"
                + " run (with PostgreSQL as job repository, different dates can run at once)");
      }
      throw new IllegalStateException("cannot open the job repository " + url + ": " + m, e);
    }
  }

  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  @Bean
  Job customerSegmentationJob(
      JobRepository repository,
      Step ingest,
      Step features,
      Step segmentation,
      Step reports,
      Step publish,
      StepLoggingListener logging,
      SparkSessionProvider spark) {
    return new JobBuilder(JobKeys.JOB_NAME, repository)
        .listener(new SparkStopListener(spark))
        .start(ingest)
        .next(features)
        .next(segmentation)
        .next(reports)
        .next(publish)
        .build();
  }

  @Bean
  StepLoggingListener stepLoggingListener() {
    return new StepLoggingListener();
  }

  /** Progress lines while a step runs ({@code segmentation.progress.interval-seconds}). */
  @Bean
  StepProgress stepProgress(SparkSessionProvider spark, Settings properties) {
    return new StepProgress(spark.progress(), properties.progress().intervalSeconds());
  }

  @Bean
  Step ingest(
      JobRepository repository,
      PlatformTransactionManager tx,
      SparkSessionProvider spark,
      Settings properties,
      Clock clock,
      StepListeners listeners) {
    return step("ingest", new IngestTasklet(spark, properties, clock), repository, tx, listeners);
  }

  @Bean
  Step features(
      JobRepository repository,
      PlatformTransactionManager tx,
      SparkSessionProvider spark,
      Settings properties,
      StepListeners listeners) {
    return step("features", new FeaturesTasklet(spark, properties), repository, tx, listeners);
  }

  @Bean
  Step segmentation(
      JobRepository repository,
      PlatformTransactionManager tx,
      SparkSessionProvider spark,
      Settings properties,
      RfmSegmentTable table,
      StepListeners listeners) {
    return step(
        "segmentation",
        new SegmentationTasklet(spark, properties, table),
        repository,
        tx,
        listeners);
  }

  @Bean
  Step reports(
      JobRepository repository,
      PlatformTransactionManager tx,
      SparkSessionProvider spark,
      Settings properties,
      RfmSegmentTable table,
      StepListeners listeners) {
    return step("reports", new ReportsTasklet(spark, properties, table), repository, tx, listeners);
  }

  @Bean
  Step publish(
      JobRepository repository,
      PlatformTransactionManager tx,
      SparkSessionProvider spark,
      Settings properties,
      StepListeners listeners) {
    return step(
        "publish",
        new PublishTasklet(spark, properties, listeners.tracker()),
        repository,
        tx,
        listeners);
  }

  private Step step(
      String name,
      SparkTasklet tasklet,
      JobRepository repository,
      PlatformTransactionManager tx,
      StepListeners listeners) {
    return new StepBuilder(name, repository)
        .tasklet(faults.wrap(name, tasklet), tx)
        .listener(listeners.logging())
        .listener(listeners.progress())
        .listener(listeners.tracker())
        .build();
  }

  /**
   * What every step reports to: the step line, the progress lines, and the command's tracker
   * (registered by SegmentationApplication).
   */
  @Bean
  StepListeners stepListeners(
      StepLoggingListener logging, StepProgress progress, RunTracker tracker) {
    return new StepListeners(logging, progress, tracker);
  }

  record StepListeners(StepLoggingListener logging, StepProgress progress, RunTracker tracker) {}

  /**
   * Test-only fault injection, for the restart tests (and for rehearsing a restart in operations):
   * {@code segmentation.testing.fail-step=NAME} makes step NAME fail, before its work ({@code
   * segmentation.testing.fail-point=before}, the default) or after it ({@code after}: the step
   * wrote its files, then failed). Unset in production.
   */
  static final class FaultInjection {

    private final String failStep;
    private final boolean after;

    FaultInjection(Environment env) {
      this.failStep = env.getProperty("segmentation.testing.fail-step", "").trim();
      this.after =
          "after"
              .equalsIgnoreCase(
                  env.getProperty("segmentation.testing.fail-point", "before").trim());
    }

    Tasklet wrap(String step, Tasklet tasklet) {
      if (!step.equals(failStep)) {
        return tasklet;
      }
      return (contribution, chunk) -> {
        if (!after) {
          throw new IllegalStateException(
              "injected fault before step " + step + " (segmentation.testing.fail-step)");
        }
        tasklet.execute(contribution, chunk);
        throw new IllegalStateException(
            "injected fault after step " + step + " (segmentation.testing.fail-step)");
      };
    }
  }
}
