package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.custseg.config.Settings;
import org.custseg.config.SparkSettings;
import org.custseg.support.SparkTestBase;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.item.ExecutionContext;

/** Small inputs run interpreted; the decision is kept for the run and the session restored. */
class EvaluationModeTest extends SparkTestBase {

  @TempDir Path dir;

  private static Settings withLimit(long bytes) {
    Settings d = TestSettings.defaults();
    SparkSettings s = d.spark();
    return new Settings(
        d.input(),
        d.output(),
        d.quality(),
        d.rfm(),
        d.pyramid(),
        d.portfolio(),
        new SparkSettings(s.master(), s.appName(), s.shufflePartitions(), bytes),
        d.report(),
        d.lifecycle(),
        d.clusters(),
        d.relationship(),
        d.value(),
        d.actions(),
        d.progress(),
        d.metrics(),
        d.money());
  }

  private Path exports() throws Exception {
    Path in = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(
        in.resolve("transactions_2025-01-01.csv"),
        "transaction_id,customer_id,order_ts,amount\nT1,C1,2025-01-01 10:00:00,10.00\n");
    return in;
  }

  @Test
  void anInputUnderTheLimitRunsInterpretedAndTheSessionIsRestored() throws Exception {
    SparkSession session = spark();
    String before = session.conf().get(EvaluationMode.WHOLE_STAGE, null);
    ExecutionContext job = new ExecutionContext();

    EvaluationMode mode =
        EvaluationMode.apply(session, job, withLimit(1 << 20), exports().toString());

    assertThat(job.getString(EvaluationMode.KEY)).isEqualTo("true");
    assertThat(session.conf().get(EvaluationMode.WHOLE_STAGE)).isEqualTo("false");
    assertThat(session.conf().get(EvaluationMode.FACTORY_MODE)).isEqualTo("NO_CODEGEN");
    assertThat(session.range(5).selectExpr("sum(id * 2)").first().getLong(0)).isEqualTo(20L);
    mode.restore();
    assertThat(session.conf().get(EvaluationMode.WHOLE_STAGE, null)).isEqualTo(before);
  }

  @Test
  void anInputAtTheLimitOrALimitOfZeroCompiles() throws Exception {
    SparkSession session = spark();
    String in = exports().toString();
    long size = Files.size(Path.of(in, "transactions_2025-01-01.csv"));
    for (long limit : new long[] {size, 0}) {
      ExecutionContext job = new ExecutionContext();
      EvaluationMode mode = EvaluationMode.apply(session, job, withLimit(limit), in);
      assertThat(job.getString(EvaluationMode.KEY)).as("limit " + limit).isEqualTo("false");
      assertThat(session.conf().get(EvaluationMode.FACTORY_MODE, "FALLBACK"))
          .isNotEqualTo("NO_CODEGEN");
      mode.restore();
    }
  }

  @Test
  void theDecisionIsKeptForTheRun() throws Exception {
    SparkSession session = spark();
    ExecutionContext job = new ExecutionContext();
    job.putString(EvaluationMode.KEY, "false");
    EvaluationMode mode =
        EvaluationMode.apply(session, job, withLimit(1L << 40), exports().toString());
    assertThat(session.conf().get(EvaluationMode.FACTORY_MODE, "FALLBACK"))
        .isNotEqualTo("NO_CODEGEN");
    mode.restore();
  }
}
