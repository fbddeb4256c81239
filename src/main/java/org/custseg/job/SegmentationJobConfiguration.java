package org.custseg.job;

import javax.sql.DataSource;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.SegmentationProperties;
import org.custseg.spark.SparkSessionProvider;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties(SegmentationProperties.class)
public class SegmentationJobConfiguration {

  @Bean
  RfmSegmentTable rfmSegmentTable(SegmentationProperties properties) {
    return RfmSegmentTable.parse(properties.rfm().segments());
  }

  @Bean
  SparkSessionProvider sparkSessionProvider(SegmentationProperties properties) {
    return new SparkSessionProvider(properties);
  }

  /**
   * The job repository's database: {@code spring.datasource.*} when set (e.g. PostgreSQL),
   * otherwise an H2 file database under the output directory.
   */
  @Bean
  DataSource dataSource(Environment env, SegmentationProperties properties) {
    String url = env.getProperty("spring.datasource.url");
    if (url == null || url.isBlank()) {
      url = JobRepositoryLocation.defaultH2Url(properties.output().path());
    }
    return DataSourceBuilder.create()
        .url(url)
        .username(env.getProperty("spring.datasource.username", "sa"))
        .password(env.getProperty("spring.datasource.password", ""))
        .build();
  }

  @Bean
  Job customerSegmentationJob(JobRepository repository, Step ingest, Step features,
      Step segmentation, Step reports, Step publish, StepLoggingListener logging,
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

  @Bean
  Step ingest(JobRepository repository, PlatformTransactionManager tx, SparkSessionProvider spark,
      SegmentationProperties properties, StepLoggingListener logging) {
    return step("ingest", new IngestTasklet(spark, properties), repository, tx, logging);
  }

  @Bean
  Step features(JobRepository repository, PlatformTransactionManager tx,
      SparkSessionProvider spark, SegmentationProperties properties, StepLoggingListener logging) {
    return step("features", new FeaturesTasklet(spark, properties), repository, tx, logging);
  }

  @Bean
  Step segmentation(JobRepository repository, PlatformTransactionManager tx,
      SparkSessionProvider spark, SegmentationProperties properties, RfmSegmentTable table,
      StepLoggingListener logging) {
    return step("segmentation", new SegmentationTasklet(spark, properties, table), repository,
        tx, logging);
  }

  @Bean
  Step reports(JobRepository repository, PlatformTransactionManager tx,
      SparkSessionProvider spark, SegmentationProperties properties, RfmSegmentTable table,
      StepLoggingListener logging) {
    return step("reports", new ReportsTasklet(spark, properties, table), repository, tx,
        logging);
  }

  @Bean
  Step publish(JobRepository repository, PlatformTransactionManager tx,
      SparkSessionProvider spark, SegmentationProperties properties, StepLoggingListener logging) {
    return step("publish", new PublishTasklet(spark, properties), repository, tx, logging);
  }

  private static Step step(String name, SparkTasklet tasklet, JobRepository repository,
      PlatformTransactionManager tx, StepLoggingListener logging) {
    return new StepBuilder(name, repository)
        .tasklet(tasklet, tx)
        .listener(logging)
        .build();
  }
}
