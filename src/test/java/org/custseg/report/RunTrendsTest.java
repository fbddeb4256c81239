package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.custseg.report.html.TrendPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Earlier runs' pyramid summaries under a hand-made reports directory. */
class RunTrendsTest {

  @TempDir Path reports;

  private static final String HEADER =
      "pyramid_tier,customers,customer_share,revenue_trailing,revenue_trailing_share,revenue,"
          + "revenue_share,min_trailing_value,max_trailing_value,last_rank,"
          + "revenue_trailing_measure,revenue_measure,currency\n";

  private static String tier(String tier, int customers, String trailing) {
    return tier
        + ","
        + customers
        + ",0.5,"
        + trailing
        + ",0.5,1.00,0.5,,,1,\"Net, trailing\",x,EUR\n";
  }

  private Path run(String date, boolean success) throws IOException {
    Path d = Files.createDirectories(reports.resolve("run_date=" + date));
    if (success) {
      Files.writeString(d.resolve("_SUCCESS"), "");
    }
    return d;
  }

  private void summary(Path run, String text) throws IOException {
    Files.writeString(run.resolve("pyramid_summary.csv"), text);
  }

  private List<TrendPoint> before(String runDate) {
    return RunTrends.before(
        new org.apache.hadoop.fs.Path(reports.toUri()),
        LocalDate.parse(runDate),
        new Configuration());
  }

  @Test
  void completedEarlierRunsOldestFirst() throws IOException {
    summary(
        run("2024-01-02", true),
        "\uFEFF" + HEADER + tier("vip", 1, "10.50") + tier("small", 3, "4.25"));
    summary(run("2024-01-01", true), HEADER + tier("vip", 2, "7.00"));
    summary(run("2024-01-03", false), HEADER + tier("vip", 9, "9.00")); // failed: no _SUCCESS
    run("2024-01-04", true); // completed without a pyramid summary
    summary(run("2024-01-05", true), HEADER + tier("vip", 9, "9.00")); // the run itself
    summary(run("2024-01-06", true), HEADER + tier("vip", 9, "9.00")); // later
    Files.writeString(
        Files.createDirectories(reports.resolve("run_date=old")).resolve("_SUCCESS"), "");

    List<TrendPoint> points = before("2024-01-05");

    assertThat(points)
        .containsExactly(
            new TrendPoint(
                LocalDate.parse("2024-01-01"), Map.of("vip", 2L), new BigDecimal("7.00")),
            new TrendPoint(
                LocalDate.parse("2024-01-02"),
                Map.of("vip", 1L, "small", 3L),
                new BigDecimal("14.75")));
    assertThat(points.get(1).customersByTier().keySet()).containsExactly("vip", "small");
  }

  @Test
  void onlyTheLatestEarlierRunsAreKept() throws IOException {
    // MAX_EARLIER_RUNS + 2 completed runs; only the two oldest and the newest have a summary.
    LocalDate first = LocalDate.parse("2023-01-01");
    int runs = RunTrends.MAX_EARLIER_RUNS + 2;
    for (int i = 0; i < runs; i++) {
      Path d = run(first.plusDays(i).toString(), true);
      if (i < 2 || i == runs - 1) {
        summary(d, HEADER + tier("vip", i, "1.00"));
      }
    }

    List<TrendPoint> points = before(first.plusDays(runs).toString());

    assertThat(points)
        .singleElement()
        .extracting(TrendPoint::runDate)
        .isEqualTo(first.plusDays(runs - 1));
  }

  @Test
  void anUnreadableSummaryNamesTheReportsDirectory() throws IOException {
    summary(run("2024-01-01", true), HEADER + "vip,many,0.5,1.00,0.5,1.00,0.5,,,1,x,x,EUR\n");

    assertThatThrownBy(() -> before("2024-01-02"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot read earlier runs' summaries under ")
        .hasMessageContaining("many");
  }
}
