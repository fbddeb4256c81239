package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.config.ColumnMapping;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export formats and settings: delimiters, decimal commas, whitespace, JSON lines, Parquet. */
class ExportFormatsTest extends SparkTestBase {

  @TempDir Path dir;

  private static Map<String, String> statusById(Dataset<Row> classified) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : classified.where("status not in ('header', 'blank')").collectAsList()) {
      String reason = r.getAs(org.custseg.schema.Columns.REASON);
      String id = r.getAs(org.custseg.schema.Columns.TRANSACTION_ID);
      id =
          id.contains("#") || id.startsWith("@")
              ? "line" + r.<Long>getAs(org.custseg.schema.Columns.LINE_NUMBER)
              : id;
      out.merge(
          id,
          r.<String>getAs("status") + (reason == null ? "" : "/" + reason),
          (a, b) -> a + "," + b);
    }
    return out;
  }

  private static Map<String, BigDecimal> cleanAmounts(Dataset<Row> classified) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Row r : classified.where("status = 'clean'").collectAsList()) {
      out.put(
          r.getAs(org.custseg.schema.Columns.TRANSACTION_ID),
          r.<BigDecimal>getAs(org.custseg.schema.Columns.AMOUNT).stripTrailingZeros());
    }
    return out;
  }

  @Test
  void semicolonsThousandsSeparatorsAndDecimalCommas() {
    IngestFixtures.InputBuilder s =
        new IngestFixtures.InputBuilder(
            IngestFixtures.resource("ingest/formats/semicolon").toString());
    s.delimiter = ";";
    s.thousands = ".";
    s.decimal = ",";
    s.timestampFormats = List.of("dd.MM.yyyy HH:mm");
    s.columns =
        new ColumnMapping(
            "transaction_id",
            "customer_id",
            "order_ts",
            "amount",
            null,
            null,
            null,
            null,
            null,
            null);
    Dataset<Row> c =
        IngestFixtures.classify(
            spark(), s.build(), LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 10));
    assertThat(cleanAmounts(c))
        .containsOnly(
            entry("S1", new BigDecimal("1234.5")),
            entry("S2", new BigDecimal("12.5")),
            entry("S3", new BigDecimal("7.25")),
            entry("S4", new BigDecimal("-3.1")));
  }

  @Test
  void whitespaceSeparatedWithoutHeaderCompactDatesAndNoTransactionId() {
    // The CDNOW_sample.txt layout: master_id sample_id yyyyMMdd cds dollars, CRLF, no header.
    IngestFixtures.InputBuilder s =
        new IngestFixtures.InputBuilder(IngestFixtures.resource("ingest/formats/cdnow").toString());
    s.header = false;
    s.delimiter = "whitespace";
    s.timestampFormats = List.of("yyyyMMdd");
    s.columns = new ColumnMapping(null, "1", "3", "5", null, "4", null, null, null, null);
    Dataset<Row> c =
        IngestFixtures.classify(
            spark(), s.build(), LocalDate.of(1997, 1, 31), LocalDate.of(2025, 1, 1));
    assertThat(statusById(c))
        .containsOnly(
            entry("line1", "clean"),
            entry("line2", "clean"),
            entry("line3", "clean"),
            entry("line4", "quarantined/unparseable_timestamp"),
            entry("line5", "quarantined/zero_amount"));
    Row first = c.where("line_number = 1").first();
    assertThat(first.<String>getAs("customer_id")).isEqualTo("00001");
    // No transaction id: the customer's rows of one moment (here a day) are one order.
    assertThat(first.<String>getAs("transaction_id")).isEqualTo("@1997-01-01 00:00:00");
    assertThat(first.<java.sql.Date>getAs("order_date").toLocalDate())
        .isEqualTo(LocalDate.of(1997, 1, 1));
  }

  @Test
  void whitespaceSeparatedWithHeaderAndTheDedupeKeyChoice() {
    // The CDNOW_master.txt layout: a header line, identical same-day purchases.
    IngestFixtures.InputBuilder s =
        new IngestFixtures.InputBuilder(
            IngestFixtures.resource("ingest/formats/cdnow-header").toString());
    s.delimiter = "whitespace";
    s.timestampFormats = List.of("yyyyMMdd");
    s.columns =
        new ColumnMapping(
            null,
            "customer_id",
            "date",
            "dollar_value",
            null,
            "number_of_cds",
            null,
            null,
            null,
            null);
    LocalDate run = LocalDate.of(1997, 1, 31);
    // Without a transaction id, identical lines in one file are separate purchases under
    // full-row too (only a copy beyond what an earlier file held is a duplicate).
    IngestCounts fullRow = IngestFixtures.counts(spark(), s.build(), run, run);
    assertThat(fullRow.cleanRows()).isEqualTo(3);
    assertThat(fullRow.duplicateRows()).isZero();
    s.dedupeKey = "none";
    IngestCounts none = IngestFixtures.counts(spark(), s.build(), run, run);
    assertThat(none.cleanRows()).isEqualTo(3);
    assertThat(none.duplicateRows()).isZero();
  }

  @Test
  void jsonLinesByFieldNameWithLineNumbers() {
    IngestFixtures.InputBuilder s =
        new IngestFixtures.InputBuilder(IngestFixtures.resource("ingest/formats/json").toString());
    Dataset<Row> c =
        IngestFixtures.classify(
            spark(), s.build(), LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 10));
    assertThat(statusById(c))
        .containsOnly(
            entry("J1", "clean"),
            entry("J2", "clean"),
            entry("line3", "clean"),
            entry("line4", "quarantined/malformed_row"),
            entry("line5", "quarantined/malformed_row"),
            entry("J6", "quarantined/missing_customer_id"));
    Row j1 = c.where("transaction_id = 'J1'").first();
    assertThat(j1.<String>getAs("customer_id")).isEqualTo("17850");
    assertThat(j1.<BigDecimal>getAs("amount")).isEqualByComparingTo("12.5");
    Row j6 = c.where("transaction_id = 'J6'").first();
    assertThat(j6.<Long>getAs("line_number")).isEqualTo(6L);
  }

  @Test
  void parquetExportsWithRowNumbersAndAMissingColumn() {
    StructType schema =
        new StructType()
            .add("transaction_id", DataTypes.StringType)
            .add("customer_id", DataTypes.LongType)
            .add("order_ts", DataTypes.TimestampType)
            .add("amount", DataTypes.DoubleType);
    List<Row> data =
        List.of(
            RowFactory.create("P1", 17850L, Timestamp.valueOf("2025-01-10 10:00:00"), 12.5),
            RowFactory.create("P2", null, Timestamp.valueOf("2025-01-10 11:00:00"), 3.0),
            RowFactory.create("P3", 17851L, Timestamp.valueOf("2025-01-10 12:00:00"), 0.0));
    spark()
        .createDataFrame(data, schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("orders_2025-01-10.parquet").toString());
    spark()
        .createDataFrame(data, schema)
        .drop("amount")
        .coalesce(1)
        .write()
        .parquet(dir.resolve("no_amount_2025-01-11.parquet").toString());
    IngestFixtures.InputBuilder s = new IngestFixtures.InputBuilder(dir.toString());
    s.columns =
        new ColumnMapping(
            "transaction_id",
            "customer_id",
            "order_ts",
            "amount",
            null,
            null,
            null,
            null,
            null,
            null);
    Dataset<Row> c =
        IngestFixtures.classify(
            spark(), s.build(), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 1, 31));
    List<Row> rows = c.orderBy("source_file", "line_number").collectAsList();
    assertThat(rows).hasSize(6);
    Map<String, String> first = statusById(c.where("source_file like '%orders_2025-01-10%'"));
    assertThat(first)
        .containsOnly(
            entry("P1", "clean"),
            entry("P2", "quarantined/missing_customer_id"),
            entry("P3", "quarantined/zero_amount"));
    Row p1 = c.where("transaction_id = 'P1'").first();
    assertThat(p1.<String>getAs("customer_id")).isEqualTo("17850");
    assertThat(p1.<Long>getAs("line_number")).isEqualTo(1L);
    assertThat(p1.<Timestamp>getAs("order_ts")).isEqualTo(Timestamp.valueOf("2025-01-10 10:00:00"));
    Row p3 = c.where("transaction_id = 'P3'").first();
    assertThat(p3.<Long>getAs("line_number")).isEqualTo(3L);
    assertThat(p3.<String>getAs("raw_line")).contains("\"transaction_id\":\"P3\"");
    assertThat(c.where("source_file like '%no_amount%'").collectAsList())
        .allSatisfy(r -> assertThat(r.<String>getAs("reason")).isEqualTo("missing_column"));
  }

  @Test
  void parquetExportsOfOneSchemaAreReadInOneScanUnderTheirListedNames() {
    StructType schema =
        new StructType()
            .add("transaction_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("order_ts", DataTypes.StringType)
            .add("amount", DataTypes.StringType);
    spark()
        .createDataFrame(
            List.of(
                RowFactory.create("A1", "C1", "2025-01-10 10:00:00", "1.00"),
                RowFactory.create("A2", "C2", "2025-01-10 11:00:00", "2.00")),
            schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("orders_2025-01-10.parquet").toString());
    // A space and a percent sign: Spark's _metadata.file_path would show them URI-encoded.
    spark()
        .createDataFrame(
            List.of(
                RowFactory.create("B1", "C1", "2025-01-11 10:00:00", "3.00"),
                RowFactory.create("B2", "C3", "2025-01-11 11:00:00", "4.00"),
                RowFactory.create("B3", "C4", "2025-01-11 12:00:00", "5.00")),
            schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("shop 50%_2025-01-11.parquet").toString());
    spark()
        .createDataFrame(List.of(RowFactory.create("D1", "C5", "2025-01-12 10:00:00", "6")), schema)
        .drop("amount")
        .coalesce(1)
        .write()
        .parquet(dir.resolve("no_amount_2025-01-12.parquet").toString());
    org.apache.hadoop.conf.Configuration conf = spark().sparkContext().hadoopConfiguration();
    List<String> files = ExportFiles.list(dir.toString(), conf);

    List<List<String>> groups = ExportReader.bySchema(files, conf);
    assertThat(groups).hasSize(2);
    assertThat(groups.stream().map(List::size).sorted().toList()).containsExactly(1, 2);

    IngestFixtures.InputBuilder s = new IngestFixtures.InputBuilder(dir.toString());
    s.columns =
        new ColumnMapping(
            "transaction_id",
            "customer_id",
            "order_ts",
            "amount",
            null,
            null,
            null,
            null,
            null,
            null);
    Dataset<Row> c =
        IngestFixtures.classify(
            spark(), s.build(), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 1, 31));
    Map<String, String> located = new TreeMap<>();
    for (Row r : c.collectAsList()) {
      located.put(
          r.getAs("transaction_id"),
          r.<String>getAs("source_file")
              + "#"
              + r.<Long>getAs("line_number")
              + " "
              + r.getAs("status"));
    }
    String a = files.stream().filter(f -> f.contains("orders_2025-01-10")).findFirst().get();
    String b = files.stream().filter(f -> f.contains("shop 50%")).findFirst().get();
    String d = files.stream().filter(f -> f.contains("no_amount")).findFirst().get();
    assertThat(located)
        .containsOnly(
            entry("A1", a + "#1 clean"),
            entry("A2", a + "#2 clean"),
            entry("B1", b + "#1 clean"),
            entry("B2", b + "#2 clean"),
            entry("B3", b + "#3 clean"),
            entry("D1", d + "#1 quarantined"));
  }

  @Test
  void quotesWithAnEscapeCharacterAndSeveralFilesPerDay() throws java.io.IOException {
    String header = "transaction_id,customer_id,order_ts,amount\n";
    java.nio.file.Files.writeString(
        dir.resolve("shop1_2025-01-10.csv"),
        header + "E1,\"C\\\"1\",2025-01-10 10:00:00,\"1,5\"\n");
    java.nio.file.Files.writeString(
        dir.resolve("shop2_2025-01-10.csv"), header + "E2,\"C,2\",2025-01-10 11:00:00,2.5\n");
    IngestFixtures.InputBuilder s = new IngestFixtures.InputBuilder(dir.toString());
    s.escape = "\\";
    s.decimal = ",";
    s.columns =
        new ColumnMapping(
            "transaction_id",
            "customer_id",
            "order_ts",
            "amount",
            null,
            null,
            null,
            null,
            null,
            null);
    Dataset<Row> c =
        IngestFixtures.classify(
            spark(), s.build(), LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 10));
    assertThat(cleanAmounts(c))
        .containsOnly(entry("E1", new BigDecimal("1.5")), entry("E2", new BigDecimal("2.5")));
    assertThat(c.where("transaction_id = 'E1'").first().<String>getAs("customer_id"))
        .isEqualTo("C\"1");
    assertThat(c.where("transaction_id = 'E2'").first().<String>getAs("customer_id"))
        .isEqualTo("C,2");
  }

  @Test
  void gbkFilesDecodeWhenConfigured() {
    IngestFixtures.InputBuilder s =
        new IngestFixtures.InputBuilder(
            IngestFixtures.resource("ingest/corpus/gbk_2025-01-12.csv").toString());
    s.encoding = "GBK";
    Dataset<Row> c =
        IngestFixtures.classify(
            spark(), s.build(), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 1, 31));
    assertThat(statusById(c))
        .containsOnly(entry("G1", "clean"), entry("G2", "clean"), entry("G3", "clean"));
    assertThat(c.where("transaction_id = 'G2'").first().<String>getAs("customer_id"))
        .isEqualTo("客户六");
  }

  @Test
  void optionalColumnsAFileLacksAreReadAsEmptyInEveryFormat() throws java.io.IOException {
    // the default mapping (ten columns), three exports that lack some of them
    java.nio.file.Files.writeString(
        dir.resolve("four_2025-01-10.csv"),
        "transaction_id,customer_id,order_ts,amount\nF1,C1,2025-01-10 10:00:00,10.00\n");
    java.nio.file.Files.writeString(
        dir.resolve("derived_2025-01-10.csv"),
        "customer_id,order_ts,quantity,unit_price\nC2,2025-01-10 11:00:00,3,2.50\n");
    spark()
        .createDataFrame(
            List.of(RowFactory.create("P1", "C3", "2025-01-10 12:00:00", "4.00")),
            new StructType()
                .add("transaction_id", DataTypes.StringType)
                .add("customer_id", DataTypes.StringType)
                .add("order_ts", DataTypes.StringType)
                .add("amount", DataTypes.StringType))
        .coalesce(1)
        .write()
        .parquet(dir.resolve("orders_2025-01-10.parquet").toString());
    org.custseg.config.InputSettings input = org.custseg.support.TestSettings.input(dir.toString());
    LocalDate day = LocalDate.of(2025, 1, 10);

    Dataset<Row> c = IngestFixtures.classify(spark(), input, day, day);
    IngestCounts counts = IngestCounts.of(c);

    Map<String, BigDecimal> amounts = new TreeMap<>();
    for (Row r : c.where("status = 'clean'").collectAsList()) {
      amounts.put(r.getAs("customer_id"), r.<BigDecimal>getAs("amount").setScale(2));
    }
    assertThat(amounts)
        .containsOnly(
            entry("C1", new BigDecimal("10.00")),
            entry("C2", new BigDecimal("7.50")),
            entry("C3", new BigDecimal("4.00")));
    Map<String, List<String>> absent = new TreeMap<>();
    counts
        .absentColumns()
        .forEach(
            (f, cols) ->
                absent.put(f.replaceAll(".*/([^/]+_2025-01-10\\.[a-z]+)(/.*)?$", "$1"), cols));
    assertThat(absent)
        .containsOnly(
            entry(
                "four_2025-01-10.csv",
                List.of("currency", "quantity", "unit_price", "store_id", "channel", "country")),
            entry(
                "derived_2025-01-10.csv",
                List.of("transaction_id", "amount", "currency", "store_id", "channel", "country")),
            entry(
                "orders_2025-01-10.parquet",
                List.of("currency", "quantity", "unit_price", "store_id", "channel", "country")));
  }
}
