package org.custseg.job;

import org.custseg.spark.SparkSessionProvider;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;

/** Stops Spark at the end of the job, whatever its outcome. */
class SparkStopListener implements JobExecutionListener {

  private final SparkSessionProvider spark;

  SparkStopListener(SparkSessionProvider spark) {
    this.spark = spark;
  }

  @Override
  public void afterJob(JobExecution jobExecution) {
    spark.stop();
  }
}
