package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.custseg.SegmentationApplication;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consecutive runs (2025-06-30, then 2025-07-31) of a dataset where we know who moved.
 *
 * <p>Pyramid with the default shares: with 11 active customers vip is rank 1 (ceil 0.11), key is
 * empty (ceil 0.55 = 1), medium ranks 2-3 (ceil 2.2), small the rest.
 *
 * <ul>
 *   <li>run 1: A (1000, bought 2024-07-15) vip; B (900) and C (500) medium; D-K (10..80) small;
 *   <li>run 2: A's purchase is now 381 days old: inactive (lost to churn). N is new with 2000: vip.
 *       D buys 700 more: 710, medium; C (500) drops to small. B stays medium.
 * </ul>
 *
 * Hence new->vip 1, vip->inactive 1, medium->medium 1 (B), medium->small 1 (C), small->medium 1
 * (D), small->small 7. Churn of the vip tier: N = 1, M = 1 over 31 days, lost per year = 365.25 /
 * 31 = 11.782258, expected life T = 1 / 11.782258 = 0.084873 years, value lost = A's trailing value
 * 1000.00; all active customers: N = 11, M = 1, T = 11 / 11.782258 = 0.933607 years.
 */
class MigrationJobIntegrationTest extends SparkTestBase {

  private static final String HEADER =
      "transaction_id,customer_id,order_ts,amount,currency,quantity,unit_price,store_id,channel,"
          + "country\n";

  @TempDir static Path work;
  static Path output;

  private static String row(
      String tx, String customer, String date, String amount, String channel, String country) {
    return tx
        + ","
        + customer
        + ","
        + date
        + " 10:00:00,"
        + amount
        + ",EUR,1,"
        + amount
        + ",s1,"
        + channel
        + ","
        + country
        + "\n";
  }

  @BeforeAll
  static void runTwice() throws Exception {
    spark();
    Path input = work.resolve("exports");
    Files.createDirectories(input);
    StringBuilder csv =
        new StringBuilder(HEADER)
            .append(row("A1", "A", "2024-07-15", "1000.00", "web", "DE"))
            .append(row("B1", "B", "2025-06-01", "900.00", "web", "DE"))
            .append(row("C1", "C", "2025-05-01", "500.00", "app", "FR"))
            .append(row("N1", "N", "2025-07-10", "2000.00", "app", "FR"))
            .append(row("D2", "D", "2025-07-20", "700.00", "store", "FR"));
    String[] small = {"D", "E", "F", "G", "H", "I", "J", "K"};
    for (int i = 0; i < small.length; i++) {
      csv.append(
          row(
              small[i] + "1",
              small[i],
              "2025-06-1" + i,
              (10 * (i + 1)) + ".00",
              i % 2 == 0 ? "web" : "app",
              "DE"));
    }
    Files.writeString(input.resolve("orders_2025-07-31.csv"), csv, StandardCharsets.UTF_8);
    output = work.resolve("out");
    for (String date : List.of("2025-06-30", "2025-07-31")) {
      int code =
          SegmentationApplication.run(
              "--input", input.toString(), "--output", output.toString(), "--run-date", date);
      assertThat(code).as("run " + date).isZero();
    }
  }

  private static Path reports(String date) {
    return output.resolve("reports/run_date=" + date);
  }

  private static List<CSVRecord> csv(Path file) throws Exception {
    return SegmentationJobIntegrationTest.csv(file);
  }

  @Test
  void theFirstRunHasNoMatrixAndSaysSo() throws Exception {
    assertThat(reports("2025-06-30").resolve("tier_migration.csv")).doesNotExist();
    assertThat(reports("2025-06-30").resolve("churn_summary.csv")).doesNotExist();
    assertThat(Files.readString(reports("2025-06-30").resolve("manifest.json")))
        .contains("\"previous_run_date\" : null")
        .contains("no completed run before 2025-06-30");
  }

  @Test
  void theMatrixShowsWhoMovedAndReconcilesWithBothRuns() throws Exception {
    Map<String, Long> cells = new HashMap<>();
    Map<String, Long> rowSums = new HashMap<>();
    Map<String, Long> colSums = new HashMap<>();
    for (CSVRecord r : csv(reports("2025-07-31").resolve("tier_migration.csv"))) {
      long n = Long.parseLong(r.get("customers"));
      assertThat(r.get("previous_run_date")).isEqualTo("2025-06-30");
      if (n > 0) {
        cells.put(r.get("from") + ">" + r.get("to"), n);
      }
      rowSums.merge(r.get("from"), n, Long::sum);
      colSums.merge(r.get("to"), n, Long::sum);
    }
    assertThat(cells)
        .containsOnly(
            Map.entry("new>vip", 1L),
            Map.entry("vip>inactive", 1L),
            Map.entry("medium>medium", 1L),
            Map.entry("medium>small", 1L),
            Map.entry("small>medium", 1L),
            Map.entry("small>small", 7L));

    Map<String, Long> before = tiers("2025-06-30");
    Map<String, Long> after = tiers("2025-07-31");
    before.forEach((tier, n) -> assertThat(rowSums.get(tier)).as("row " + tier).isEqualTo(n));
    after.forEach((tier, n) -> assertThat(colSums.get(tier)).as("column " + tier).isEqualTo(n));
    assertThat(rowSums.get("new")).isEqualTo(1L);
    assertThat(colSums.get("lost")).isZero();

    assertThat(
            csv(reports("2025-07-31").resolve("quadrant_migration.csv")).stream()
                .mapToLong(r -> Long.parseLong(r.get("customers")))
                .sum())
        .isEqualTo(12L);
    assertThat(Files.readString(reports("2025-07-31").resolve("report.html")))
        .contains("2025-06-30");
  }

  private static Map<String, Long> tiers(String date) throws Exception {
    Map<String, Long> out = new HashMap<>();
    for (CSVRecord r : csv(reports(date).resolve("pyramid_summary.csv"))) {
      out.put(r.get("pyramid_tier"), Long.parseLong(r.get("customers")));
    }
    return out;
  }

  @Test
  void churnFiguresMatchTheHandWorkedCase() throws Exception {
    Map<String, CSVRecord> rows = new HashMap<>();
    for (CSVRecord r : csv(reports("2025-07-31").resolve("churn_summary.csv"))) {
      rows.put(r.get("dimension") + ":" + r.get("segment"), r);
    }
    CSVRecord vip = rows.get("pyramid_tier:vip");
    assertThat(vip.get("days_between")).isEqualTo("31");
    assertThat(vip.get("customers_previous")).isEqualTo("1");
    assertThat(vip.get("customers_lost")).isEqualTo("1");
    assertThat(vip.get("retention_rate")).isEqualTo("0.0000");
    assertThat(vip.get("lost_per_year")).isEqualTo("11.782258");
    assertThat(vip.get("expected_life_years")).isEqualTo("0.084873");
    // The cost of losing a customer is their CLV (the whole horizon) at the previous run.
    assertThat(vip.get("value_lost_basis")).isEqualTo("clv");
    String lostVipClv =
        csv(reports("2025-06-30").resolve("customers.csv")).stream()
            .filter(r -> r.get("pyramid_tier").equals("vip"))
            .findFirst()
            .orElseThrow()
            .get("clv");
    assertThat(vip.get("value_lost")).isEqualTo(lostVipClv);
    CSVRecord small = rows.get("pyramid_tier:small");
    assertThat(small.get("customers_previous")).isEqualTo("8");
    assertThat(small.get("customers_lost")).isEqualTo("0");
    assertThat(small.get("retention_rate")).isEqualTo("1.0000");
    assertThat(small.get("expected_life_years")).isEmpty();
    CSVRecord all = rows.get("all:all_active");
    assertThat(all.get("customers_previous")).isEqualTo("11");
    assertThat(all.get("expected_life_years")).isEqualTo("0.933607");
    assertThat(rows).doesNotContainKey("pyramid_tier:inactive");
  }

  @Test
  void everyCustomerHasTheNewColumnsAndTheOtherReportsAreWritten() throws Exception {
    List<CSVRecord> customers = csv(reports("2025-07-31").resolve("customers.csv"));
    assertThat(customers)
        .hasSize(12)
        .allSatisfy(
            r -> {
              assertThat(r.get("lifecycle_stage"))
                  .isIn("exploration", "formation", "stability", "decline");
              assertThat(r.get("cluster_id")).isNotEmpty();
              assertThat(r.get("relationship_level"))
                  .isIn("basic", "reactive", "accountable", "proactive", "partnership");
            });
    Map<String, String> stage = new HashMap<>();
    customers.forEach(r -> stage.put(r.get("customer_id"), r.get("lifecycle_stage")));
    assertThat(stage).containsEntry("A", "decline").containsEntry("N", "exploration");

    assertThat(csv(reports("2025-07-31").resolve("cluster_profiles.csv"))).isNotEmpty();
    List<CSVRecord> breakdown = csv(reports("2025-07-31").resolve("segment_breakdown.csv"));
    // C and N are French; D has one DE and one FR order: the tie goes to the value that sorts
    // first, DE. The only French vip is N.
    assertThat(breakdown)
        .anySatisfy(
            r -> {
              assertThat(r.get("attribute")).isEqualTo("country");
              assertThat(r.get("attribute_value")).isEqualTo("FR");
              assertThat(r.get("segment_type")).isEqualTo("pyramid_tier");
              assertThat(r.get("segment")).isEqualTo("vip");
              assertThat(r.get("customers")).isEqualTo("1");
            });
    assertThat(
            breakdown.stream()
                .filter(
                    r ->
                        r.get("attribute").equals("new_vs_returning")
                            && r.get("segment_type").equals("pyramid_tier"))
                .mapToLong(r -> Long.parseLong(r.get("customers")))
                .sum())
        .isEqualTo(12L);
    List<CSVRecord> summary = csv(reports("2025-07-31").resolve("segment_summary.csv"));
    assertThat(summary)
        .filteredOn(r -> r.get("segment_type").equals("pyramid_tier"))
        .allSatisfy(r -> assertThat(r.get("marketing_depth")).isNotEmpty());
  }

  /** The data dictionary covers every column of every CSV the run wrote, in file order. */
  @Test
  void everyCsvColumnIsInTheDataDictionary() throws Exception {
    List<Path> files = new java.util.ArrayList<>();
    try (var reports = Files.list(reports("2025-07-31"))) {
      reports.filter(p -> p.toString().endsWith(".csv")).forEach(files::add);
    }
    files.add(output.resolve("quarantine/run_date=2025-07-31/quarantine.csv"));
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      String name = f.getFileName().toString();
      org.custseg.report.DataDictionary.FileSpec spec =
          org.custseg.report.DataDictionary.files().stream()
              .filter(
                  s ->
                      s.fileName()
                          .matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "( .*)?$"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no dictionary entry for " + name));
      List<String> header;
      try (var r = Files.newBufferedReader(f)) {
        header =
            org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(r)
                .getHeaderNames();
      }
      assertThat(header)
          .as(name)
          .containsExactlyElementsOf(
              spec.columns().stream().map(org.custseg.report.ColumnSpec::name).toList());
    }
  }
}
