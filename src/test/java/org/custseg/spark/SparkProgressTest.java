package org.custseg.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener counts Spark's jobs, tasks and the rows the tasks read. */
class SparkProgressTest extends SparkTestBase {

  @TempDir Path dir;

  @Test
  void countsTheJobsTasksAndRowsOfAQuery() throws Exception {
    String parquet = dir.resolve("rows").toString();
    spark().range(0, 1000, 1, 2).write().parquet(parquet);
    SparkProgress progress = new SparkProgress();
    spark().sparkContext().addSparkListener(progress);
    try {
      long rows = spark().read().parquet(parquet).where("id % 2 = 0").count();
      spark().sparkContext().listenerBus().waitUntilEmpty();

      SparkProgress.Snapshot s = progress.snapshot();
      assertThat(rows).isEqualTo(500);
      assertThat(s.jobsSubmitted()).isPositive().isEqualTo(s.jobsDone());
      assertThat(s.tasksDone()).isPositive().isEqualTo(s.tasksSubmitted());
      assertThat(s.inputRows()).isEqualTo(1000);
    } finally {
      spark().sparkContext().removeSparkListener(progress);
    }
  }
}
