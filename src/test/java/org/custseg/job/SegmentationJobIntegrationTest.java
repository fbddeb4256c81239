package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.custseg.SegmentationApplication;
import org.custseg.report.DataDictionary;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.support.GeneratedExports;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Spring Batch job on a small generated dataset plus one customer whose values are worked
 * out by hand: files, columns, reconciliation, values, as-of semantics, reruns.
 */
class SegmentationJobIntegrationTest extends SparkTestBase {

  private static final String RUN_DATE = "2025-06-30";

  /** The reports of every run (contract.md, "Output layout"), with the data dictionary. */
  static final List<String> CONTRACT_REPORTS =
      List.of(
          "customers.csv",
          "segment_summary.csv",
          "pyramid_summary.csv",
          "portfolio_matrix.csv",
          "rfm_segments.csv",
          "report.html",
          "manifest.json",
          "metrics.prom",
          "data_dictionary.csv",
          "_SUCCESS");

  private static final String HEADER =
      "transaction_id,customer_id,order_ts,amount,currency,quantity,unit_price,store_id,channel,"
          + "country\n";

  @TempDir static Path work;

  static Path input;

  @BeforeAll
  static void generateInput() throws IOException {
    spark(); // the job reuses the suite's session
    input =
        GeneratedExports.write(work.resolve("exports"), 300, LocalDate.parse(RUN_DATE), 180, 7L);
    // The hand-made customer: two purchase orders, a partial refund on one, a separate refund.
    Files.writeString(
        input.resolve("handmade_2025-06-30.csv"),
        HEADER
            + "H-1,HAND,2025-05-01 10:00:00,100.00,EUR,1,100,s1,web,DE\n"
            + "H-2,HAND,2025-06-10 12:30:00,50.00,EUR,1,50,s1,web,DE\n"
            + "H-2,HAND,2025-06-10 12:30:00,-10.00,EUR,1,-10,s1,web,DE\n"
            + "H-R,HAND,2025-06-20 09:00:00,-20.00,EUR,1,-20,s1,web,DE\n",
        StandardCharsets.UTF_8);
    // A lapsed customer: big repeat purchases more than a year before the run date, so a
    // positive CLV and trailing value 0 (predicted growth +1), but no purchase in the window.
    Files.writeString(
        input.resolve("lapsed_2024-03-01.csv"),
        HEADER
            + "L-1,LAPSED,2024-01-05 10:00:00,900.00,EUR,1,900,s1,web,DE\n"
            + "L-2,LAPSED,2024-02-05 10:00:00,800.00,EUR,1,800,s1,web,DE\n"
            + "L-3,LAPSED,2024-03-01 10:00:00,950.00,EUR,1,950,s1,web,DE\n",
        StandardCharsets.UTF_8);
  }

  private static int run(Path output, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--run-date",
                RUN_DATE,
                // the generated exports hold EUR, CHF and GBP: the sample's currency and rates
                "--config",
                "conf/examples/sample.yml"));
    args.addAll(List.of(extra));
    return SegmentationApplication.run(args.toArray(String[]::new));
  }

  static Map<String, Map<String, String>> customers(Path output) throws IOException {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (CSVRecord r : csv(output.resolve("reports/run_date=" + RUN_DATE + "/customers.csv"))) {
      out.put(r.get("customer_id"), r.toMap());
    }
    return out;
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  @Test
  void theJobWritesEveryFileOfTheContractAndItsNumbersHoldUp() throws Exception {
    Path output = work.resolve("out-main");
    assertThat(run(output)).isEqualTo(ExitCodes.OK);

    Path reports = output.resolve("reports/run_date=" + RUN_DATE);
    for (String f : CONTRACT_REPORTS) {
      assertThat(reports.resolve(f)).as(f).exists();
    }
    try (Stream<Path> parquet = Files.list(output.resolve("customers/run_date=" + RUN_DATE))) {
      assertThat(parquet.filter(p -> p.toString().endsWith(".parquet"))).isNotEmpty();
    }
    assertThat(output.resolve("quarantine/run_date=" + RUN_DATE + "/quarantine.csv")).exists();
    assertThat(output.resolve("_staging/run_date=" + RUN_DATE)).doesNotExist();

    // Columns exactly as the data dictionary (contract columns first).
    List<CSVRecord> rows = csv(reports.resolve("customers.csv"));
    assertThat(rows.get(0).getParser().getHeaderNames())
        .containsExactlyElementsOf(DataDictionary.customerColumnNames());

    // Reconciliation in the manifest.
    @SuppressWarnings("unchecked")
    Map<String, Object> m =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(reports.resolve("manifest.json").toFile(), Map.class);
    long input = ((Number) m.get("input_rows")).longValue();
    long clean = ((Number) m.get("clean_rows")).longValue();
    long quarantined = ((Number) m.get("quarantined_rows_total")).longValue();
    long duplicates = ((Number) m.get("duplicate_rows")).longValue();
    long later = ((Number) m.get("later_rows")).longValue();
    assertThat(input).isEqualTo(clean + quarantined + duplicates + later);
    assertThat(duplicates).isPositive();
    assertThat(quarantined).isPositive();
    assertThat(((Number) m.get("customers")).longValue()).isEqualTo(rows.size());

    // The hand-made customer: 2 purchases, net 100 + 40 - 20 = 120, mean 60, last purchase
    // 2025-06-10 -> 20 days before 2025-06-30, first 2025-05-01 -> 60 days.
    Map<String, String> hand = customers(output).get("HAND");
    assertThat(hand)
        .containsEntry("frequency", "2")
        .containsEntry("monetary_total", "120.00")
        .containsEntry("monetary_avg", "60.00")
        .containsEntry("recency_days", "20")
        .containsEntry("tenure_days", "60")
        .containsEntry("first_purchase_date", "2025-05-01")
        .containsEntry("last_purchase_date", "2025-06-10")
        .containsEntry("refund_total", "20.00")
        .containsEntry("run_date", RUN_DATE)
        .containsEntry("is_active", "true");
    // The lapsed customer: a positive CLV, but inactive, in no quadrant.
    Map<String, String> lapsed = customers(output).get("LAPSED");
    assertThat(Double.parseDouble(lapsed.get("clv"))).isPositive();
    assertThat(lapsed)
        .containsEntry("is_active", "false")
        .containsEntry("trailing_value", "0.00")
        .containsEntry("pyramid_tier", "inactive")
        .containsEntry("portfolio_quadrant", "inactive");
    // Every row has valid scores, tier and quadrant.
    for (CSVRecord r : rows) {
      assertThat(r.get("r_score")).matches("[1-5]");
      assertThat(r.get("pyramid_tier")).isIn("vip", "key", "medium", "small", "inactive");
      // Only active customers are in the four quadrants.
      assertThat(r.get("portfolio_quadrant"))
          .as(r.get("customer_id"))
          .isIn(
              r.get("is_active").equals("true")
                  ? PortfolioQuadrant.QUADRANTS
                  : List.of(PortfolioQuadrant.INACTIVE));
      assertThat(r.get("rfm_segment")).isNotEmpty();
      // The value columns are filled for every customer, never NaN.
      for (String c : org.custseg.scoring.ValueScores.COLUMNS) {
        assertThat(r.get(c)).as(c).isNotEmpty().doesNotContainIgnoringCase("nan");
        assertThat(Double.parseDouble(r.get(c))).as(c).isFinite();
      }
      assertThat(Double.parseDouble(r.get("p_alive"))).isBetween(0.0, 1.0);
      // Adds up (the CSV rounds each column to cents).
      assertThat(Double.parseDouble(r.get("customer_value")))
          .isCloseTo(
              Double.parseDouble(r.get("historical_value"))
                  + Double.parseDouble(r.get("current_opportunity"))
                  + Double.parseDouble(r.get("future_value")),
              org.assertj.core.api.Assertions.within(0.02));
    }
    // The manifest says which value models and axes were used, and why.
    @SuppressWarnings("unchecked")
    Map<String, Object> valueModels = (Map<String, Object>) m.get("value_models");
    assertThat(valueModels)
        .containsKeys("transaction_model", "spend_model", "axes", "lifetime_profit");
    @SuppressWarnings("unchecked")
    Map<String, Object> axes = (Map<String, Object>) valueModels.get("axes");
    assertThat((String) axes.get("reason")).isNotBlank();
    assertThat(axes).containsKeys("pyramid_axis", "quadrant_value_axis", "quadrant_growth_axis");
    @SuppressWarnings("unchecked")
    Map<String, Object> tx = (Map<String, Object>) valueModels.get("transaction_model");
    assertThat(tx).containsEntry("requested", "auto").containsKeys("chosen", "choice_reason");
    assertThat((List<?>) tx.get("candidates")).hasSize(3);
    // Summaries add up to the customer table.
    long tierTotal =
        csv(reports.resolve("pyramid_summary.csv")).stream()
            .mapToLong(r -> Long.parseLong(r.get("customers")))
            .sum();
    assertThat(tierTotal).isEqualTo(rows.size());

    // A completed date is not redone without --force, and is with it.
    long before = Files.getLastModifiedTime(reports.resolve("_SUCCESS")).toMillis();
    assertThat(run(output)).isEqualTo(ExitCodes.OK);
    assertThat(Files.getLastModifiedTime(reports.resolve("_SUCCESS")).toMillis()).isEqualTo(before);
    Map<String, Map<String, String>> first = customers(output);
    assertThat(run(output, "--force")).isEqualTo(ExitCodes.OK);
    assertThat(customers(output)).isEqualTo(first);
    assertThat(output.resolve("_trash/run_date=" + RUN_DATE)).doesNotExist();
  }

  @Test
  void theParquetTableHasProperLogicalTypesAndIsPartitionedByRunDate() {
    Path output = work.resolve("out-main");
    if (!Files.exists(output.resolve("reports/run_date=" + RUN_DATE + "/_SUCCESS"))) {
      assertThat(run(output)).isEqualTo(ExitCodes.OK);
    }
    org.apache.spark.sql.types.StructType schema =
        spark().read().parquet(output.resolve("customers").toString()).schema();
    assertThat(schema.apply("run_date").dataType())
        .isEqualTo(org.apache.spark.sql.types.DataTypes.DateType);
    assertThat(schema.apply("first_purchase_date").dataType())
        .isEqualTo(org.apache.spark.sql.types.DataTypes.DateType);
    assertThat(schema.apply("monetary_total").dataType())
        .isEqualTo(new org.apache.spark.sql.types.DecimalType(18, 4));
    assertThat(schema.apply("r_score").dataType())
        .isEqualTo(org.apache.spark.sql.types.DataTypes.IntegerType);
    assertThat(schema.apply("value_rank").dataType())
        .isEqualTo(org.apache.spark.sql.types.DataTypes.LongType);
  }

  @Test
  void aTransactionAfterTheRunDateChangesNothing() throws Exception {
    Path baseline = work.resolve("out-asof-1");
    assertThat(run(baseline)).isEqualTo(ExitCodes.OK);

    Path later = input.resolve("handmade_2025-07-01.csv");
    Files.writeString(
        later,
        HEADER
            + "H-3,HAND,2025-07-01 08:00:00,500.00,EUR,1,500,s1,web,DE\n"
            + "N-1,NEWBIE,2025-07-01 08:00:00,70.00,EUR,1,70,s1,web,DE\n",
        StandardCharsets.UTF_8);
    try {
      Path withLater = work.resolve("out-asof-2");
      assertThat(run(withLater)).isEqualTo(ExitCodes.OK);

      assertThat(customers(withLater)).isEqualTo(customers(baseline));
      assertThat(customers(withLater)).doesNotContainKey("NEWBIE");
      @SuppressWarnings("unchecked")
      Map<String, Object> m =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readValue(
                  withLater.resolve("reports/run_date=" + RUN_DATE + "/manifest.json").toFile(),
                  Map.class);
      assertThat(((Number) m.get("later_rows")).longValue()).isEqualTo(2);
    } finally {
      Files.delete(later);
    }
  }

  @Test
  void tooManyBadRowsFailTheGateWithExitCode3AndPublishNothing() throws Exception {
    Path bad = work.resolve("bad-exports");
    Files.createDirectories(bad);
    StringBuilder rows = new StringBuilder(HEADER);
    for (int i = 0; i < 20; i++) {
      rows.append("B-")
          .append(i)
          .append(i % 2 == 0 ? ",," : ",C1,")
          .append("2025-06-01 10:00:00,10.00,EUR,1,10,s1,web,DE\n");
    }
    Files.writeString(bad.resolve("tx_2025-06-01.csv"), rows, StandardCharsets.UTF_8);
    Path output = work.resolve("out-gate");

    int code =
        SegmentationApplication.run(
            "--input", bad.toString(), "--output", output.toString(), "--run-date", "2025-06-01");

    assertThat(code).isEqualTo(ExitCodes.DATA_QUALITY);
    assertThat(output.resolve("reports")).doesNotExist();
    assertThat(output.resolve("customers")).doesNotExist();
  }

  @Test
  void badArgumentsAndConfigurationExitWith2() throws Exception {
    assertThat(SegmentationApplication.run("--run-date", "not-a-date")).isEqualTo(2);
    Path config = work.resolve("broken.yml");
    Files.writeString(
        config, "segmentation:\n  pyramid:\n    vip-share: 0.5\n    key-share: 0.5\n");
    assertThat(
            SegmentationApplication.run(
                "--input",
                input.toString(),
                "--output",
                work.resolve("out-bad-config").toString(),
                "--config",
                config.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            SegmentationApplication.run(
                "--input",
                work.resolve("nothing-here").toString(),
                "--output",
                work.resolve("out-no-input").toString(),
                "--run-date",
                RUN_DATE))
        .isEqualTo(ExitCodes.USAGE);
  }
}
