package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line-accounting rule for each format: physical lines = data lines + header lines + blank
 * lines, a file without a data line is named with why, and no data line is taken as a header.
 */
class LineAccountingTest extends SparkTestBase {

  private static final String HEADER = "transaction_id,customer_id,order_ts,amount,currency";
  private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 31);

  @TempDir Path dir;

  private IngestCounts counts(IngestFixtures.InputBuilder input) {
    return IngestFixtures.counts(spark(), input.build(), RUN_DATE, RUN_DATE);
  }

  private static Map<String, String> byName(Map<String, String> byFile) {
    Map<String, String> out = new TreeMap<>();
    byFile.forEach((f, v) -> out.put(f.substring(f.lastIndexOf('/') + 1), v));
    return out;
  }

  @Test
  void aTenMegabyteLineWithoutNewlineIsOneHeaderLineAndTheFileIsNamed() throws IOException {
    // 10 MB on one line, no newline, none of the mapped columns (generated: not in git)
    Path huge = dir.resolve("huge_2025-01-27.csv");
    byte[] chunk = "0123456789abcdef;".repeat(1024).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(huge)) {
      for (long written = 0; written < 10L * 1024 * 1024; written += chunk.length) {
        out.write(chunk);
      }
    }
    Files.writeString(dir.resolve("good_2025-01-27.csv"), HEADER + "\nA1,C1,2025-01-27,5,EUR\n");

    IngestCounts c = counts(new IngestFixtures.InputBuilder(dir.toString()));

    assertThat(c.physicalLines()).isEqualTo(3);
    assertThat(c.headerLines()).isEqualTo(2);
    assertThat(c.inputRows()).isEqualTo(1);
    assertThat(c.reconciles()).isTrue();
    assertThat(byName(c.filesWithoutData()))
        .containsOnly(
            entry(
                "huge_2025-01-27.csv",
                "header only; header lacks required column(s) customer_id, order_ts, amount"));
  }

  @Test
  void crlfLinesAndALastLineWithoutNewlineAreCountedAsTheyAre() throws IOException {
    Files.writeString(
        dir.resolve("crlf_2025-01-10.csv"),
        HEADER + "\r\nA1,C1,2025-01-10,5,EUR\r\n\r\nA2,C1,2025-01-10,6,EUR",
        StandardCharsets.UTF_8);
    IngestCounts c = counts(new IngestFixtures.InputBuilder(dir.toString()));
    assertThat(c.files().values())
        .containsExactly(new IngestCounts.FileCounts(2, 2, 0, 0, 0, 4, 1, 1));
  }

  @Test
  void jsonLinesHaveNoHeaderAndTheirBlankLinesAreCounted() throws IOException {
    Files.writeString(
        dir.resolve("orders_2025-01-10.jsonl"),
        "{\"transaction_id\":\"J1\",\"customer_id\":\"C1\",\"order_ts\":\"2025-01-10\","
            + "\"amount\":5,\"currency\":\"EUR\"}\n\n  \nnot json\n",
        StandardCharsets.UTF_8);
    IngestCounts c = counts(new IngestFixtures.InputBuilder(dir.toString()));
    assertThat(c.files().values())
        .containsExactly(new IngestCounts.FileCounts(2, 1, 1, 0, 0, 4, 0, 2));
  }

  @Test
  void aParquetFilesRowsAreItsLines() {
    StructType schema =
        new StructType()
            .add("transaction_id", "string")
            .add("customer_id", "string")
            .add("order_ts", "string")
            .add("amount", "string")
            .add("currency", "string");
    spark()
        .createDataFrame(
            List.of(
                RowFactory.create("P1", "C1", "2025-01-10", "5", "EUR"),
                RowFactory.create("P2", null, "2025-01-10", "6", "EUR")),
            schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("orders_2025-01-10.parquet").toString());
    spark()
        .createDataFrame(List.<Row>of(), schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("none_2025-01-11.parquet").toString());

    IngestCounts c = counts(new IngestFixtures.InputBuilder(dir.toString()));

    assertThat(c.physicalLines()).isEqualTo(2);
    assertThat(c.headerLines()).isZero();
    assertThat(c.inputRows()).isEqualTo(2);
    assertThat(c.filesWithoutData()).hasSize(1).containsValue("empty file");
  }

  @Test
  void aHeaderWithoutDataButWithBlankLinesSaysSo() throws IOException {
    Files.writeString(dir.resolve("blank_2025-01-10.csv"), HEADER + "\n\n \n");
    IngestCounts c = counts(new IngestFixtures.InputBuilder(dir.toString()));
    assertThat(c.filesWithoutData().values()).containsExactly("header and 2 blank line(s) only");
  }
}
