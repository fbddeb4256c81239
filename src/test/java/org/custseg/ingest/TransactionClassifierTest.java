package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionClassifierTest extends SparkTestBase {

  private static final String HEADER =
      "transaction_id,customer_id,order_ts,amount,currency,quantity,unit_price,store_id,channel,"
          + "country\n";

  @TempDir Path dir;

  private Dataset<Row> classify(LocalDate runDate) {
    ReadSpec spec = ReadSpec.from(TestSettings.input(dir.toString()));
    List<String> files =
        ExportFiles.list(dir.toString(), spark().sparkContext().hadoopConfiguration());
    ValidationRules rules =
        ValidationRules.of(
            TestSettings.input(dir.toString()),
            TestSettings.defaults().quality(),
            ExchangeRates.none(),
            runDate,
            LocalDate.of(2030, 1, 1));
    return ClassifiedRows.project(
        TransactionClassifier.classify(ExportReader.read(spark(), files, spec), rules));
  }

  private void write(String name, String body) throws IOException {
    Files.writeString(dir.resolve(name), HEADER + body, StandardCharsets.UTF_8);
  }

  private static Map<String, String> statusByLine(Dataset<Row> classified) {
    Map<String, String> out = new HashMap<>();
    for (Row r : classified.collectAsList()) {
      String file = r.getString(r.fieldIndex(Columns.SOURCE_FILE));
      String key =
          file.substring(file.lastIndexOf('/') + 1)
              + ":"
              + r.getLong(r.fieldIndex(Columns.LINE_NUMBER));
      String reason = r.getString(r.fieldIndex(Columns.REASON));
      out.put(
          key, r.getString(r.fieldIndex(Columns.STATUS)) + (reason == null ? "" : "/" + reason));
    }
    return out;
  }

  @Test
  void everyRowGetsExactlyOneStatusWithTheFirstFailingReason() throws IOException {
    write(
        "tx_2025-01-10.csv",
        String.join(
            "\n",
            "t1,c1,2025-01-10 10:00:00,10.00,EUR,1,10,s,web,DE",
            "t2,,2025-01-10 10:00:00,10.00,EUR,1,10,s,web,DE",
            "t3,c3,not a date,10.00,EUR,1,10,s,web,DE",
            "t4,c4,2025-01-10,12;5,EUR,1,10,s,web,DE",
            "t5,c5,2025-01-10,0.00,EUR,1,10,s,web,DE",
            "t6,c6,2025-01-19,5.00,EUR,1,10,s,web,DE",
            "t7,c7,2025-01-11 09:00:00,5.00,EUR,1,10,s,web,DE",
            "t8,c8,2025-01-10,-4.00,EUR,1,10,s,web,DE",
            "t9,c9,2025-01-10,4.00,EUR",
            "t1,c1,2025-01-10 10:00:00,10.00,EUR,1,10,s,web,DE",
            ""));

    Map<String, String> s = statusByLine(classify(LocalDate.of(2025, 1, 10)));

    assertThat(s)
        .containsEntry("tx_2025-01-10.csv:1", "header")
        .containsEntry("tx_2025-01-10.csv:2", "clean")
        .containsEntry("tx_2025-01-10.csv:3", "quarantined/missing_customer_id")
        .containsEntry("tx_2025-01-10.csv:4", "quarantined/unparseable_timestamp")
        .containsEntry("tx_2025-01-10.csv:5", "quarantined/invalid_amount")
        .containsEntry("tx_2025-01-10.csv:6", "quarantined/zero_amount")
        // 9 days after the export's own date (2025-01-10) is beyond the 1-day tolerance
        .containsEntry("tx_2025-01-10.csv:7", "quarantined/future_timestamp")
        // the next day: well-formed, after the run date -> a later row, not an error
        .containsEntry("tx_2025-01-10.csv:8", "later")
        .containsEntry("tx_2025-01-10.csv:9", "clean")
        .containsEntry("tx_2025-01-10.csv:10", "quarantined/malformed_row")
        .containsEntry("tx_2025-01-10.csv:11", "duplicate/duplicate")
        .hasSize(11);
  }

  @Test
  void resendingYesterdaysFileOnlyAddsDuplicatesAndCountsReconcile() throws IOException {
    String day1 =
        "a1,c1,2025-01-10 10:00:00,10.00,EUR,1,10,s,web,DE\n"
            + "a2,c2,2025-01-10 11:00:00,20.00,EUR,1,20,s,web,DE\n";
    write("tx_2025-01-10.csv", day1);
    write("tx_2025-01-11.csv", "b1,c1,2025-01-11 10:00:00,30.00,EUR,1,30,s,web,DE\n");
    Dataset<Row> once = classify(LocalDate.of(2025, 1, 11));
    IngestCounts first = IngestCounts.of(once);

    write("tx_2025-01-10_resent.csv", day1);
    Dataset<Row> twice = classify(LocalDate.of(2025, 1, 11));
    IngestCounts second = IngestCounts.of(twice);

    assertThat(first.cleanRows()).isEqualTo(3);
    assertThat(second.cleanRows()).isEqualTo(3);
    assertThat(second.duplicateRows()).isEqualTo(2);
    assertThat(second.reconciles()).isTrue();
    assertThat(second.inputRows()).isEqualTo(5);
    // The first occurrence (in file-name order) is the one kept.
    assertThat(statusByLine(twice))
        .containsEntry("tx_2025-01-10.csv:2", "clean")
        .containsEntry("tx_2025-01-10_resent.csv:2", "duplicate/duplicate");
  }

  @Test
  void identicalLinesWithoutATransactionIdAreSeparatePurchasesUnlessTheFileIsResent()
      throws IOException {
    // An export of customer, time and amount alone: two items of one price in one basket are two
    // identical lines, and both are purchases; the same file sent again repeats both.
    String basket =
        "customer_id,order_ts,amount\n"
            + "c1,2025-01-10 10:00:00,2.50\n"
            + "c1,2025-01-10 10:00:00,2.50\n"
            + "c1,2025-01-10 10:00:00,4.00\n";
    Files.writeString(dir.resolve("tx_2025-01-10.csv"), basket, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("tx_2025-01-10_resent.csv"),
        basket + "c1,2025-01-10 10:00:00,2.50\n",
        StandardCharsets.UTF_8);

    Map<String, String> s = statusByLine(classify(LocalDate.of(2025, 1, 10)));

    assertThat(s)
        .containsEntry("tx_2025-01-10.csv:2", "clean")
        .containsEntry("tx_2025-01-10.csv:3", "clean")
        .containsEntry("tx_2025-01-10.csv:4", "clean")
        .containsEntry("tx_2025-01-10_resent.csv:2", "duplicate/duplicate")
        .containsEntry("tx_2025-01-10_resent.csv:3", "duplicate/duplicate")
        .containsEntry("tx_2025-01-10_resent.csv:4", "duplicate/duplicate")
        // a third 2.50 line: more than the first file held, so a purchase of its own
        .containsEntry("tx_2025-01-10_resent.csv:5", "clean");
    // and the lines of one moment are one order (one basket)
    assertThat(
            classify(LocalDate.of(2025, 1, 10))
                .where("status = 'clean'")
                .select(Columns.TRANSACTION_ID)
                .distinct()
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("@2025-01-10 10:00:00");
  }

  @Test
  void aFileWhoseHeaderLacksAMappedColumnIsQuarantinedWhole() throws IOException {
    Files.writeString(
        dir.resolve("odd_2025-01-10.csv"), "id,who,when\n1,c1,2025-01-10\n2,c2,2025-01-10\n");

    IngestCounts counts = IngestCounts.of(classify(LocalDate.of(2025, 1, 10)));

    assertThat(counts.quarantinedByReason()).containsEntry("missing_column", 2L);
    assertThat(counts.reconciles()).isTrue();
  }
}
