package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The corpus under src/test/resources/ingest/corpus: one small export per failure mode, read in one
 * run, with the expected counts per file and per reason. Every row lands in exactly one place and
 * the counts reconcile.
 */
class ExportCorpusTest extends SparkTestBase {

  private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 31);
  private static final LocalDate TODAY = LocalDate.of(2025, 2, 1);

  private static IngestCounts counts;
  private static List<Row> rows;
  private static ExportFiles.Listing listing;

  @BeforeAll
  static void ingestCorpus() {
    IngestFixtures.InputBuilder s =
        new IngestFixtures.InputBuilder(IngestFixtures.resource("ingest/corpus").toString());
    s.thousands = ",";
    s.amountOutlier = 100_000.0;
    s.currencies = List.of("EUR", "usd");
    Dataset<Row> classified = IngestFixtures.classify(spark(), s.build(), RUN_DATE, TODAY).cache();
    listing = IngestFixtures.listing(spark(), s.build());
    counts = IngestCounts.of(classified).withFiles(listing.exports());
    rows = classified.collectAsList();
  }

  private static Map<String, IngestCounts.FileCounts> byName() {
    Map<String, IngestCounts.FileCounts> out = new LinkedHashMap<>();
    counts.files().forEach((f, c) -> out.put(f.substring(f.lastIndexOf('/') + 1), c));
    return out;
  }

  /**
   * A file of {@code lines} physical lines: its header (when it has a line), blank and data lines.
   */
  private static IngestCounts.FileCounts fc(
      long lines, long in, long clean, long quarantined, long dup, long later) {
    long header = lines > 0 ? 1 : 0;
    return new IngestCounts.FileCounts(
        in, clean, quarantined, dup, later, lines, header, lines - in - header);
  }

  private static String statusOf(String txid) {
    return rows.stream()
        .filter(r -> txid.equals(r.getAs(Columns.TRANSACTION_ID)))
        .map(
            r ->
                r.<String>getAs("status")
                    + (r.getAs(Columns.REASON) == null ? "" : "/" + r.getAs(Columns.REASON)))
        .sorted()
        .reduce((a, b) -> a + "," + b)
        .orElse("(absent)");
  }

  @Test
  void everyFileHasItsExpectedCounts() {
    assertThat(byName())
        .containsOnly(
            entry("bad_values_2025-01-19.csv", fc(13, 12, 3, 9, 0, 0)),
            entry("binary_2025-01-26.csv", fc(4, 3, 0, 3, 0, 0)),
            entry("blank_lines_2025-01-28.csv", fc(6, 2, 2, 0, 0, 0)),
            entry("bom_2025-01-11.csv", fc(3, 2, 2, 0, 0, 0)),
            entry("duplicate_header_2025-01-29.csv", fc(3, 2, 0, 2, 0, 0)),
            entry("duplicates_2025-01-20.csv", fc(4, 3, 2, 0, 1, 0)),
            entry("empty_2025-01-16.csv", fc(0, 0, 0, 0, 0, 0)),
            entry("extra_column_2025-01-15.csv", fc(4, 3, 1, 2, 0, 0)),
            entry("gbk_2025-01-12.csv", fc(4, 3, 1, 2, 0, 0)),
            entry("glob_name[1]_2025-01-22.csv", fc(3, 2, 2, 0, 0, 0)),
            entry("good_2025-01-10.csv", fc(4, 3, 3, 0, 0, 0)),
            entry("gzip_2025-01-13.csv.gz", fc(3, 2, 1, 1, 0, 0)),
            entry("header_only_2025-01-17.csv", fc(1, 0, 0, 0, 0, 0)),
            entry("implausible_date_2025-01-30.csv", fc(3, 2, 1, 1, 0, 0)),
            entry("latin1_header_2025-01-24.csv", fc(5, 4, 0, 4, 0, 0)),
            entry("later_2025-02-01.csv", fc(2, 1, 0, 0, 0, 1)),
            entry("missing_column_2025-01-18.csv", fc(3, 2, 0, 2, 0, 0)),
            entry("no_transaction_id_2025-01-31.csv", fc(3, 2, 2, 0, 0, 0)),
            entry("resent_2025-01-21.csv", fc(4, 3, 1, 0, 2, 0)),
            entry("truncated_2025-01-14.csv", fc(3, 2, 1, 1, 0, 0)),
            entry("utf16_2025-01-25.csv", fc(4, 3, 0, 3, 0, 0)));
  }

  @Test
  void everyFileHasItsExpectedReasons() {
    Map<String, Map<String, Long>> reasons = new java.util.TreeMap<>();
    rows.stream()
        .filter(r -> "quarantined".equals(r.getAs("status")))
        .forEach(
            r -> {
              String file = r.getAs(Columns.SOURCE_FILE);
              reasons
                  .computeIfAbsent(
                      file.substring(file.lastIndexOf('/') + 1), f -> new java.util.TreeMap<>())
                  .merge(r.getAs(Columns.REASON), 1L, Long::sum);
            });
    assertThat(reasons)
        .containsOnly(
            entry(
                "bad_values_2025-01-19.csv",
                Map.of(
                    "missing_customer_id", 1L,
                    "unparseable_timestamp", 1L,
                    "invalid_amount", 2L,
                    "zero_amount", 1L,
                    "amount_outlier", 1L,
                    "unknown_currency", 2L,
                    "future_timestamp", 1L)),
            entry("binary_2025-01-26.csv", Map.of("encoding_error", 3L)),
            entry("duplicate_header_2025-01-29.csv", Map.of("ambiguous_column", 2L)),
            entry("extra_column_2025-01-15.csv", Map.of("malformed_row", 2L)),
            entry("gbk_2025-01-12.csv", Map.of("encoding_error", 2L)),
            entry("gzip_2025-01-13.csv.gz", Map.of("zero_amount", 1L)),
            entry("implausible_date_2025-01-30.csv", Map.of("implausible_date", 1L)),
            entry("latin1_header_2025-01-24.csv", Map.of("encoding_error", 4L)),
            entry("missing_column_2025-01-18.csv", Map.of("missing_column", 2L)),
            entry("truncated_2025-01-14.csv", Map.of("malformed_row", 1L)),
            entry("utf16_2025-01-25.csv", Map.of("encoding_error", 3L)));
  }

  @Test
  void totalsReconcileWithTheExpectedReasons() {
    assertThat(counts.inputRows()).isEqualTo(56);
    assertThat(counts.cleanRows()).isEqualTo(22);
    assertThat(counts.quarantinedRows()).isEqualTo(30);
    assertThat(counts.duplicateRows()).isEqualTo(3);
    assertThat(counts.laterRows()).isEqualTo(1);
    assertThat(counts.refundRows()).isEqualTo(1);
    assertThat(counts.reconciles()).isTrue();
    assertThat(counts.quarantinedByReason())
        .containsOnly(
            entry("encoding_error", 12L),
            entry("malformed_row", 3L),
            entry("missing_column", 2L),
            entry("ambiguous_column", 2L),
            entry("missing_customer_id", 1L),
            entry("unparseable_timestamp", 1L),
            entry("implausible_date", 1L),
            entry("invalid_amount", 2L),
            entry("zero_amount", 2L),
            entry("amount_outlier", 1L),
            entry("unknown_currency", 2L),
            entry("future_timestamp", 1L));
  }

  @Test
  void everyPhysicalLineIsAccountedForOnce() {
    // 79 lines (what wc -l counts, plus the two files whose last line has no newline) = 56 data
    // lines + 20 header lines + 3 blank lines
    assertThat(counts.physicalLines()).isEqualTo(79);
    assertThat(counts.headerLines()).isEqualTo(20);
    assertThat(counts.blankLines()).isEqualTo(3);
    assertThat(rows).hasSize(79);
    Map<String, Long> perLine = new java.util.TreeMap<>();
    rows.forEach(
        r ->
            perLine.merge(
                r.<String>getAs(Columns.SOURCE_FILE) + "#" + r.<Long>getAs(Columns.LINE_NUMBER),
                1L,
                Long::sum));
    assertThat(perLine.values()).containsOnly(1L);
    assertThat(counts.filesWithoutData().values())
        .containsExactlyInAnyOrder("empty file", "header only");
  }

  @Test
  void eachBadValueGetsItsReason() {
    assertThat(statusOf("V1")).isEqualTo("quarantined/missing_customer_id");
    assertThat(statusOf("V2")).isEqualTo("quarantined/unparseable_timestamp");
    assertThat(statusOf("V3")).isEqualTo("quarantined/invalid_amount");
    assertThat(statusOf("V4")).isEqualTo("quarantined/invalid_amount");
    assertThat(statusOf("V5")).isEqualTo("quarantined/zero_amount");
    assertThat(statusOf("V6")).isEqualTo("quarantined/amount_outlier");
    assertThat(statusOf("V7")).isEqualTo("quarantined/unknown_currency");
    assertThat(statusOf("V8")).isEqualTo("quarantined/unknown_currency");
    assertThat(statusOf("V9")).isEqualTo("quarantined/future_timestamp");
    assertThat(statusOf("P1")).isEqualTo("quarantined/implausible_date");
    assertThat(statusOf("P2")).isEqualTo("clean");
    assertThat(
            rows.stream()
                .filter(r -> "P1".equals(r.getAs(Columns.TRANSACTION_ID)))
                .map(r -> r.<String>getAs(Columns.DETAIL))
                .toList())
        .containsExactly("value: 1900-01-01 (before segmentation.quality.min-date 1970-01-01)");
    assertThat(statusOf("Z2")).isEqualTo("quarantined/zero_amount");
    assertThat(statusOf("D1")).isEqualTo("clean,duplicate/duplicate,duplicate/duplicate");
    assertThat(statusOf("D2")).isEqualTo("clean,duplicate/duplicate");
    assertThat(statusOf("L1")).isEqualTo("later");
  }

  @Test
  void valuesAreNormalised() {
    Map<String, Row> clean = new LinkedHashMap<>();
    rows.stream()
        .filter(r -> "clean".equals(r.getAs("status")))
        .forEach(r -> clean.put(r.getAs(Columns.TRANSACTION_ID), r));
    // thousands separator, leading plus, customer id as an integral float, lower-case currency
    assertThat(clean.get("V10").<java.math.BigDecimal>getAs(Columns.AMOUNT))
        .isEqualByComparingTo("1234.50");
    assertThat(clean.get("V11").<java.math.BigDecimal>getAs(Columns.AMOUNT))
        .isEqualByComparingTo("7.25");
    assertThat(clean.get("V12").<String>getAs(Columns.CUSTOMER_ID)).isEqualTo("15");
    assertThat(clean.get("T3").<String>getAs(Columns.CURRENCY)).isEqualTo("EUR");
    // the BOM file's header was recognised, its refund kept as a negative amount
    assertThat(clean.get("B2").<java.math.BigDecimal>getAs(Columns.AMOUNT))
        .isEqualByComparingTo("-3.00");
    assertThat(clean)
        .containsKeys(
            "T1", "T2", "T3", "B1", "B2", "G1", "Z1", "R1", "X1", "V10", "V11", "V12", "D1", "D2",
            "D3", "W1", "W2", "P2");
  }

  @Test
  void quarantinedRowsKeepTheirOriginalTextFileAndLine() {
    Row truncated =
        rows.stream()
            .filter(
                r ->
                    "quarantined".equals(r.getAs("status"))
                        && r.<String>getAs(Columns.SOURCE_FILE)
                            .endsWith("truncated_2025-01-14.csv"))
            .findFirst()
            .orElseThrow();
    assertThat(truncated.<Long>getAs(Columns.LINE_NUMBER)).isEqualTo(3L);
    assertThat(truncated.<String>getAs(Columns.RAW_LINE)).isEqualTo("R2,C11,2025-01-1");
    assertThat(truncated.<String>getAs(Columns.REASON)).isEqualTo("malformed_row");
    Row future =
        rows.stream()
            .filter(r -> "V9".equals(r.getAs(Columns.TRANSACTION_ID)))
            .findFirst()
            .orElseThrow();
    assertThat(future.<Long>getAs(Columns.LINE_NUMBER)).isEqualTo(10L);
    assertThat(future.<String>getAs(Columns.RAW_LINE))
        .isEqualTo("V9,C14,2025-03-01 10:00:00,10.00,EUR");
  }

  @Test
  void filesNotReadAreListedWithTheirReason() {
    Map<String, String> skipped = new LinkedHashMap<>();
    listing
        .skipped()
        .forEach(f -> skipped.put(f.file().substring(f.file().lastIndexOf('/') + 1), f.reason()));
    assertThat(skipped)
        .containsOnly(
            entry(".hidden_2025-01-23.csv", "hidden"),
            entry("README.md", "name_filter"),
            entry("_hidden_2025-01-23.csv", "hidden"));
  }

  @Test
  void aMappedColumnNamedTwiceQuarantinesTheFile() {
    List<Row> lines =
        rows.stream()
            .filter(
                r ->
                    r.<String>getAs(Columns.SOURCE_FILE)
                        .endsWith("duplicate_header_2025-01-29.csv"))
            .filter(r -> r.<Long>getAs(Columns.LINE_NUMBER) > 1)
            .toList();
    assertThat(lines)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs(Columns.REASON)).isEqualTo("ambiguous_column");
              assertThat(r.<String>getAs(Columns.DETAIL))
                  .isEqualTo("header names a mapped column more than once: amount (fields 4, 6)");
            });
  }

  /** The row's transaction id, without the directory of a file#line id. */
  private static String name(Row r) {
    String id = r.getAs(Columns.TRANSACTION_ID);
    return id.substring(id.lastIndexOf('/') + 1);
  }

  @Test
  void anOptionalColumnAFileLacksIsReadAsEmptyAndNamed() {
    assertThat(counts.absentColumns())
        .hasSize(1)
        .allSatisfy(
            (file, columns) -> {
              assertThat(file).endsWith("no_transaction_id_2025-01-31.csv");
              assertThat(columns).containsExactly("transaction_id");
            });
    // without a transaction id a customer's rows of one moment are one order (id "@" + time):
    // these two rows, an hour apart, are two orders
    assertThat(
            rows.stream()
                .filter(r -> "C26".equals(r.getAs(Columns.CUSTOMER_ID)))
                .map(r -> name(r) + " " + r.getAs("status"))
                .toList())
        .containsExactlyInAnyOrder("@2025-01-31 10:00:00 clean", "@2025-01-31 11:00:00 clean");
    assertThat(
            rows.stream()
                .filter(
                    r ->
                        r.<String>getAs(Columns.SOURCE_FILE)
                            .endsWith("missing_column_2025-01-18.csv"))
                .filter(r -> "quarantined".equals(r.getAs("status")))
                .map(r -> r.<String>getAs(Columns.DETAIL))
                .distinct()
                .toList())
        .containsExactly("header lacks required column(s) amount");
  }

  @Test
  void filesThatDoNotDecodeAreNamed() {
    assertThat(counts.encodingErrorFiles())
        .extracting(f -> f.substring(f.lastIndexOf('/') + 1))
        .containsExactly(
            "binary_2025-01-26.csv",
            "gbk_2025-01-12.csv",
            "latin1_header_2025-01-24.csv",
            "utf16_2025-01-25.csv");
  }

  @Test
  void aHeaderThatDoesNotDecodeQuarantinesTheWholeFileAndNoDataLineBecomesTheHeader() {
    for (String file :
        List.of("latin1_header_2025-01-24.csv", "utf16_2025-01-25.csv", "binary_2025-01-26.csv")) {
      List<Row> lines =
          rows.stream().filter(r -> r.<String>getAs(Columns.SOURCE_FILE).endsWith(file)).toList();
      assertThat(lines)
          .as(file)
          .allSatisfy(
              r -> {
                long n = r.<Long>getAs(Columns.LINE_NUMBER);
                assertThat(r.<String>getAs("status")).isEqualTo(n == 1 ? "header" : "quarantined");
                assertThat(r.<String>getAs(Columns.DETAIL)).startsWith("the header (line 1) ");
                if (n > 1) {
                  assertThat(r.<String>getAs(Columns.REASON)).isEqualTo("encoding_error");
                }
              });
    }
  }
}
