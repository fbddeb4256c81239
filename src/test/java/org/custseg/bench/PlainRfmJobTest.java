package org.custseg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's yardstick computes plain RFM: recency, distinct orders, summed amounts. */
class PlainRfmJobTest {

  @TempDir Path dir;

  @Test
  void computesRecencyFrequencyAndMonetaryPerCustomerUpToTheRunDate() throws IOException {
    Path input = dir.resolve("in");
    Files.createDirectories(input);
    Files.writeString(
        input.resolve("tx_2025-01-03.csv"),
        """
        transaction_id,customer_id,order_ts,amount
        T1,c1,2025-01-01 10:00:00,10.00
        T1,c1,2025-01-01 10:00:00,5.00
        T2,c1,2025-01-03 09:00:00,20.00
        T3,c2,2025-01-02 12:00:00,7.50
        T4,c2,2025-01-05 12:00:00,100.00
        T5,,2025-01-02 12:00:00,1.00
        T6,c3,not a date,1.00
        """);
    String output = dir.resolve("out").toString();

    long customers =
        PlainRfmJob.run(SparkTestBase.spark(), input.toString(), output, LocalDate.of(2025, 1, 3));

    assertThat(customers).isEqualTo(2);
    List<Row> rows =
        SparkTestBase.spark()
            .read()
            .parquet(output)
            .orderBy("customer_id")
            .select("customer_id", "recency_days", "frequency", "monetary_total")
            .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString(0)).isEqualTo("c1");
    assertThat(rows.get(0).getInt(1)).isZero();
    assertThat(rows.get(0).getLong(2)).isEqualTo(2);
    assertThat(rows.get(0).getDecimal(3)).isEqualByComparingTo("35.00");
    // c2's order dated after the run date is left out.
    assertThat(rows.get(1).getString(0)).isEqualTo("c2");
    assertThat(rows.get(1).getInt(1)).isEqualTo(1);
    assertThat(rows.get(1).getLong(2)).isEqualTo(1);
    assertThat(rows.get(1).getDecimal(3)).isEqualByComparingTo("7.50");
  }
}
