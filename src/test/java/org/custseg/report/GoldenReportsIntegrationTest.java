package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custseg.SegmentationApplication;
import org.custseg.job.ExitCodes;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files: the summary CSVs of a small fixed dataset, byte for byte. A change to a rule or a
 * format shows up here as a diff to review. After a deliberate change, regenerate with {@code mvn
 * -q test -Dtest=GoldenReportsIntegrationTest -Dgolden.update=true} and review the diff.
 */
class GoldenReportsIntegrationTest extends SparkTestBase {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final List<String> FILES =
      List.of(
          "pyramid_summary.csv",
          "portfolio_matrix.csv",
          "rfm_segments.csv",
          "segment_summary.csv",
          "action_lists.csv");

  @TempDir Path output;

  @Test
  void theSummariesOfTheFixedDatasetMatchTheGoldenFiles() throws Exception {
    spark();
    int code =
        SegmentationApplication.run(
            "--input",
            GOLDEN.resolve("input").toString(),
            "--output",
            output.toString(),
            "--run-date",
            "2024-12-31");
    assertThat(code).isEqualTo(ExitCodes.OK);

    Path reports = output.resolve("reports/run_date=2024-12-31");
    for (String f : FILES) {
      List<String> actual = Files.readAllLines(reports.resolve(f), StandardCharsets.UTF_8);
      if (Boolean.getBoolean("golden.update")) {
        Files.write(GOLDEN.resolve(f), actual, StandardCharsets.UTF_8);
      }
      assertThat(actual)
          .as(f)
          .isEqualTo(Files.readAllLines(GOLDEN.resolve(f), StandardCharsets.UTF_8));
    }
  }
}
