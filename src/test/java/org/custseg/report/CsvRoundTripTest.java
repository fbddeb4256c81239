package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes hostile values through both CSV writers and reads them back with a CSV parser. */
class CsvRoundTripTest extends SparkTestBase {

  private static final List<ColumnSpec> SPECS =
      List.of(
          ColumnSpec.of("name", ColumnSpec.Kind.TEXT, "", "a name"),
          ColumnSpec.of("amount", ColumnSpec.Kind.MONEY, "currency", "money"),
          ColumnSpec.of("share", ColumnSpec.Kind.RATIO, "0-1", "a share"),
          ColumnSpec.of("day", ColumnSpec.Kind.DATE, "", "a date"),
          ColumnSpec.of("n", ColumnSpec.Kind.INTEGER, "", "a count"));

  private static final String[] HOSTILE = {
    "=HYPERLINK(\"http://x\",\"click\")",
    "+41 555",
    "-2+3",
    "@SUM(A1:A9)",
    "\tindented",
    "quote \" and, comma",
    "line\nbreak",
    "普通客户",
    ""
  };

  @TempDir Path dir;

  private static List<CSVRecord> read(Path file, boolean bom) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    if (bom) {
      assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    } else {
      assertThat(bytes[0]).isNotEqualTo((byte) 0xEF);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (bom) {
        r.read();
      }
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  private static void assertRoundTrip(List<CSVRecord> rows) {
    assertThat(rows.get(0).getParser().getHeaderNames())
        .containsExactly("name", "amount", "share", "day", "n");
    assertThat(rows).hasSize(HOSTILE.length);
    for (int i = 0; i < HOSTILE.length; i++) {
      CSVRecord r = rows.get(i);
      String expected = HOSTILE[i];
      if (!expected.isEmpty() && "=+-@\t\r".indexOf(expected.charAt(0)) >= 0) {
        expected = "'" + expected;
      }
      assertThat(r.get("name")).as("row " + i).isEqualTo(expected);
      assertThat(r.get("amount")).matches("-?\\d+\\.\\d{2}");
      assertThat(r.get("share")).matches("\\d+\\.\\d{4}");
      assertThat(r.get("day")).isEqualTo("2025-12-31");
      assertThat(r.get("n")).isEqualTo(String.valueOf(i));
    }
    // A huge amount and a tiny one never come out in scientific notation.
    assertThat(rows.get(0).get("amount")).isEqualTo("12345678901234.50");
    assertThat(rows.get(1).get("amount")).isEqualTo("0.00");
  }

  private static BigDecimal amount(int i) {
    return i == 0
        ? new BigDecimal("12345678901234.5")
        : i == 1 ? new BigDecimal("0.0000001") : BigDecimal.valueOf(i * 10.5);
  }

  @Test
  void smallReportsRoundTrip() throws Exception {
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < HOSTILE.length; i++) {
      rows.add(
          java.util.Arrays.asList(
              HOSTILE[i], amount(i), 1e-9 * i, java.time.LocalDate.of(2025, 12, 31), i));
    }
    ReportTable table = new ReportTable("t.csv", "test", SPECS, rows);
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();

    CsvReportWriter.write(table, new org.apache.hadoop.fs.Path(dir.toString()), false, conf);
    assertRoundTrip(read(dir.resolve("t.csv"), false));

    Path bomDir = Files.createDirectories(dir.resolve("bom"));
    CsvReportWriter.write(table, new org.apache.hadoop.fs.Path(bomDir.toString()), true, conf);
    assertRoundTrip(read(bomDir.resolve("t.csv"), true));
  }

  @Test
  void largeTablesWrittenBySparkRoundTrip() throws Exception {
    StructType schema =
        new StructType()
            .add("name", DataTypes.StringType)
            .add("amount", new DecimalType(18, 4))
            .add("share", DataTypes.DoubleType)
            .add("day", DataTypes.DateType)
            .add("n", DataTypes.IntegerType);
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < HOSTILE.length; i++) {
      rows.add(
          RowFactory.create(
              HOSTILE[i],
              amount(i).setScale(4, java.math.RoundingMode.HALF_UP),
              1e-9 * i,
              Date.valueOf("2025-12-31"),
              i));
    }
    Dataset<Row> data = spark().createDataFrame(rows, schema).orderBy("n");

    DatasetCsvWriter.write(
        data, SPECS, new org.apache.hadoop.fs.Path(dir.resolve("big.csv").toString()), false);
    assertRoundTrip(read(dir.resolve("big.csv"), false));
    DatasetCsvWriter.write(
        data, SPECS, new org.apache.hadoop.fs.Path(dir.resolve("bom.csv").toString()), true);
    assertRoundTrip(read(dir.resolve("bom.csv"), true));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("part-") || n.startsWith("_tmp"));
    }
  }
}
