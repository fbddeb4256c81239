package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.custseg.support.CapturedRun;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-quality gate and the schema check, through the command line. */
class IngestCommandsIntegrationTest extends SparkTestBase {

  private static final String HEADER =
      "transaction_id,customer_id,order_ts,amount,currency,"
          + "quantity,unit_price,store_id,channel,country\n";

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark(); // the job reuses the suite's session
  }

  /** Six rows without a customer id, one with a bad date, three good: 70% quarantined. */
  private Path badInput() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    StringBuilder b = new StringBuilder(HEADER);
    for (int i = 0; i < 6; i++) {
      b.append("N").append(i).append(",,2025-01-10 10:00:00,10.00,EUR,1,10.00,S1,web,DE\n");
    }
    b.append("D1,C9,10/01/2025,10.00,EUR,1,10.00,S1,web,DE\n");
    for (int i = 0; i < 3; i++) {
      b.append("G")
          .append(i)
          .append(",C")
          .append(i)
          .append(",2025-01-10 10:00:00,10.00,EUR,1,10.00,S1,web,DE\n");
    }
    Files.writeString(input.resolve("tx_2025-01-10.csv"), b);
    return input;
  }

  private static boolean hasFiles(Path p) throws IOException {
    if (!Files.exists(p)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.anyMatch(Files::isRegularFile);
    }
  }

  @Test
  void tooManyBadRowsExitThreeNameTheReasonsAndPublishNothing() throws IOException {
    Path output = dir.resolve("out");
    CapturedRun o =
        CapturedRun.of(
            "--input",
            badInput().toString(),
            "--output",
            output.toString(),
            "--run-date",
            "2025-01-10");
    assertThat(o.exitCode()).isEqualTo(3);
    assertThat(o.err())
        .contains(
            "data-quality gate",
            "7 of 10 input rows quarantined",
            "missing_customer_id 6",
            "unparseable_timestamp 1");
    assertThat(hasFiles(output.resolve("customers"))).isFalse();
    assertThat(hasFiles(output.resolve("reports"))).isFalse();
  }

  @Test
  void validateOnlyPrintsTheReconciliationAndWritesNothing() throws IOException {
    Path output = dir.resolve("never-written");
    CapturedRun o =
        CapturedRun.of(
            "--validate-only",
            "--config",
            "conf/examples/online-retail.yml",
            "--input",
            IngestFixtures.resource("ingest/formats/online-retail").toString(),
            "--output",
            output.toString(),
            "--run-date",
            "2011-12-09");
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("input_rows       10")
        .contains("clean_rows       6")
        .contains("missing_customer_id    2")
        .contains("zero_amount            1")
        .contains("duplicate_rows   1")
        .contains("refund_rows      2")
        .contains("reconciled       true")
        .contains("online_retail_sample.csv:8")
        .contains("HAND WARMER, UNION JACK");
    assertThat(output).doesNotExist();
    assertThat(Path.of("_jobrepo")).doesNotExist();
  }

  @Test
  void validateOnlyExitsThreeWhenARunWouldFailTheGate() throws IOException {
    CapturedRun o =
        CapturedRun.of(
            "--validate-only", "--input", badInput().toString(), "--run-date", "2025-01-10");
    assertThat(o.exitCode()).isEqualTo(3);
    assertThat(o.out()).contains("FAILS, a run would exit 3", "missing_customer_id    6");
  }
}
