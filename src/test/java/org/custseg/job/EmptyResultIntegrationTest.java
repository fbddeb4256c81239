package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.custseg.SegmentationApplication;
import org.custseg.report.DataDictionary;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16.2: an input whose rows are all refunds leaves no customer. That is a result: exit 0,
 * every file of the layout present (the CSVs with their header only), a manifest and a report that
 * say why; reruns succeed.
 */
class EmptyResultIntegrationTest extends SparkTestBase {

  private static final String RUN_DATE = "2025-12-27";

  @TempDir static Path work;

  static Path input;

  @BeforeAll
  static void fiftyRefunds() throws Exception {
    spark(); // the job reuses the suite's session
    input = Files.createDirectories(work.resolve("exports"));
    StringBuilder rows =
        new StringBuilder(
            "transaction_id,customer_id,order_ts,amount,currency,quantity,unit_price,store_id,"
                + "channel,country\n");
    for (int i = 0; i < 50; i++) {
      rows.append(
          String.format(
              "R-%d,C%d,2025-12-%02d 10:00:00,-%d.00,EUR,1,-%d,s1,web,DE%n",
              i, i % 10, 20 + i % 7, 10 + i, 10 + i));
    }
    Files.writeString(input.resolve("refunds_" + RUN_DATE + ".csv"), rows, StandardCharsets.UTF_8);
  }

  private static int run(Path output, String... extra) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "--input",
                    input.toString(),
                    "--output",
                    output.toString(),
                    "--run-date",
                    RUN_DATE),
                Stream.of(extra))
            .toArray(String[]::new);
    return SegmentationApplication.run(args);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> manifest(Path output) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(
            output.resolve("reports/run_date=" + RUN_DATE + "/manifest.json").toFile(), Map.class);
  }

  @Test
  void fiftyRefundsGiveAnEmptyResultWithEveryFileAndTheReason() throws Exception {
    Path output = work.resolve("out");

    assertThat(run(output)).isEqualTo(ExitCodes.OK);

    Path reports = output.resolve("reports/run_date=" + RUN_DATE);
    for (String f :
        Stream.concat(
                SegmentationJobIntegrationTest.CONTRACT_REPORTS.stream(),
                Stream.of("cluster_profiles.csv", "segment_breakdown.csv"))
            .toList()) {
      assertThat(reports.resolve(f)).as(f).exists();
    }
    // The customer table: a Parquet file with the table's columns and no row.
    Path table = output.resolve("customers/run_date=" + RUN_DATE);
    try (Stream<Path> files = Files.list(table)) {
      assertThat(files.filter(p -> p.toString().endsWith(".parquet"))).isNotEmpty();
    }
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> read =
        spark().read().parquet(output.resolve("customers").toString());
    assertThat(read.count()).isZero();
    assertThat(read.columns()).contains("customer_id", "pyramid_tier", "run_date");
    // customers.csv: its header and nothing else.
    assertThat(Files.readAllLines(reports.resolve("customers.csv")))
        .containsExactly(String.join(",", DataDictionary.customerColumnNames()));
    // Every other report too (the data dictionary describes the files and is whole).
    try (Stream<Path> csvs = Files.list(reports)) {
      for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv")).toList()) {
        if (!csv.getFileName().toString().equals("data_dictionary.csv")) {
          assertThat(Files.readAllLines(csv)).as(csv.getFileName().toString()).hasSize(1);
        }
      }
    }
    assertThat(output.resolve("quarantine/run_date=" + RUN_DATE + "/quarantine.csv")).exists();

    Map<String, Object> m = manifest(output);
    assertThat(m.get("customers")).isEqualTo(0);
    assertThat(m.get("clean_rows")).isEqualTo(50);
    assertThat(m.get("empty_reason"))
        .isEqualTo(
            "no customer with a purchase up to "
                + RUN_DATE
                + ": the 50 clean rows are all refunds");
    assertThat(Files.readString(reports.resolve("report.html")))
        .contains("No customers: no customer with a purchase up to " + RUN_DATE);

    // Reruns succeed: the completed date is not redone, and --force recomputes it.
    assertThat(run(output)).isEqualTo(ExitCodes.OK);
    assertThat(run(output, "--force")).isEqualTo(ExitCodes.OK);
    assertThat(manifest(output).get("empty_reason")).isEqualTo(m.get("empty_reason"));
  }
}
