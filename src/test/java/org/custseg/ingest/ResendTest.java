package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.features.CustomerState;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Re-sending yesterday's export (under today's name) changes nothing but the duplicate count. */
class ResendTest extends SparkTestBase {

  private static final String HEADER = "transaction_id,customer_id,order_ts,amount,currency\n";
  private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 3);

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"full-row", "transaction-id"})
  void resendingYesterdaysFileChangesNothing(String dedupeKey) throws IOException {
    Files.writeString(
        dir.resolve("tx_2025-01-01.csv"),
        HEADER + "A1,C1,2025-01-01 10:00:00,10.00,EUR\n" + "A2,C2,2025-01-01 11:00:00,20.00,EUR\n");
    String yesterday =
        HEADER
            + "B1,C1,2025-01-02 10:00:00,5.00,EUR\n"
            + "B2,C3,2025-01-02 11:00:00,-2.50,EUR\n"
            + "B3,,2025-01-02 12:00:00,7.00,EUR\n"
            + "B1,C1,2025-01-02 10:00:00,5.00,EUR\n";
    Files.writeString(dir.resolve("tx_2025-01-02.csv"), yesterday);
    IngestFixtures.InputBuilder s = new IngestFixtures.InputBuilder(dir.toString());
    s.dedupeKey = dedupeKey;
    Dataset<Row> before = IngestFixtures.classify(spark(), s.build(), RUN_DATE, RUN_DATE);
    IngestCounts countsBefore = IngestCounts.of(before);

    Files.writeString(dir.resolve("tx_2025-01-03.csv"), yesterday);
    Dataset<Row> after = IngestFixtures.classify(spark(), s.build(), RUN_DATE, RUN_DATE);
    IngestCounts countsAfter = IngestCounts.of(after);

    assertThat(clean(after)).isEqualTo(clean(before)).hasSize(4);
    assertThat(state(after)).isEqualTo(state(before));
    assertThat(countsBefore.duplicateRows()).isEqualTo(1);
    // the re-sent file's three valid rows are duplicates; its bad row is quarantined again
    assertThat(countsAfter.duplicateRows()).isEqualTo(4);
    assertThat(countsAfter.cleanRows()).isEqualTo(countsBefore.cleanRows());
    assertThat(countsAfter.quarantinedRows()).isEqualTo(countsBefore.quarantinedRows() + 1);
    assertThat(countsAfter.reconciles()).isTrue();
  }

  private static List<String> clean(Dataset<Row> classified) {
    return ClassifiedRows.withStatus(classified, RowStatus.CLEAN)
        .select(
            Columns.SOURCE_FILE,
            Columns.LINE_NUMBER,
            Columns.TRANSACTION_ID,
            Columns.CUSTOMER_ID,
            Columns.AMOUNT)
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .collect(Collectors.toList());
  }

  private static List<String> state(Dataset<Row> classified) {
    return CustomerState.fromTransactions(
            ClassifiedRows.withStatus(classified, RowStatus.CLEAN), RUN_DATE, 365)
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .collect(Collectors.toList());
  }
}
