package org.custseg.job;

import java.time.LocalDate;
import org.springframework.batch.core.JobParameters;

/** The job parameters of one run, typed. */
public record RunParameters(
    LocalDate runDate, long rerun, String inputPath, String outputPath, boolean full) {

  public static RunParameters from(JobParameters p) {
    return new RunParameters(
        LocalDate.parse(p.getString(JobKeys.RUN_DATE)),
        p.getLong(JobKeys.RERUN, 0L),
        p.getString(JobKeys.INPUT_PATH),
        p.getString(JobKeys.OUTPUT_PATH),
        "true".equals(p.getString(JobKeys.FULL, "false")));
  }

  public OutputLayout layout() {
    return OutputLayout.of(outputPath);
  }
}
