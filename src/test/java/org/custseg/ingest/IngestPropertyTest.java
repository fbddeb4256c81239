package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.features.CustomerState;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random mixtures of good and bad rows (seeded): whatever the mixture, the reconciliation holds,
 * every kind of bad row is counted under its reason, and every good row reaches the clean data and
 * the customer state (net spend and purchase orders per customer) unchanged.
 */
class IngestPropertyTest extends SparkTestBase {

  private static final String HEADER = "transaction_id,customer_id,order_ts,amount,currency";
  private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 30);
  private static final List<LocalDate> FILE_DATES =
      List.of(LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31));

  /** What a generated row should become. */
  enum Kind {
    GOOD(null),
    DUPLICATE(null),
    LATER(null),
    MISSING_CUSTOMER("missing_customer_id"),
    BAD_TIMESTAMP("unparseable_timestamp"),
    BAD_AMOUNT("invalid_amount"),
    ZERO("zero_amount"),
    OUTLIER("amount_outlier"),
    BAD_CURRENCY("unknown_currency"),
    FUTURE("future_timestamp"),
    EXTRA_COLUMN("malformed_row");

    final String reason;

    Kind(String reason) {
      this.reason = reason;
    }
  }

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1L, 42L, 2025L})
  void reconciliationHoldsAndEveryGoodRowIsKept(long seed) throws IOException {
    Random random = new Random(seed);
    Map<Kind, Integer> expected = new java.util.EnumMap<>(Kind.class);
    Map<String, BigDecimal> good = new TreeMap<>();
    Map<String, String> goodCustomer = new HashMap<>();
    List<String> goodLines = new ArrayList<>();
    int id = 0;
    for (LocalDate fileDate : FILE_DATES) {
      List<String> lines = new ArrayList<>();
      lines.add(HEADER);
      int n = 60 + random.nextInt(60);
      for (int i = 0; i < n; i++) {
        Kind kind = pick(random, fileDate, goodLines.isEmpty());
        String txid = "T" + seed + "-" + id++;
        String customer = "C" + random.nextInt(25);
        LocalDate day =
            fileDate.equals(RUN_DATE.plusDays(1))
                ? RUN_DATE
                : fileDate.minusDays(random.nextInt(3));
        String ts =
            day
                + String.format(
                    Locale.ROOT, " %02d:%02d:00", random.nextInt(24), random.nextInt(60));
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(50_000) + 1, 2);
        if (random.nextInt(10) == 0) {
          amount = amount.negate();
        }
        String line =
            switch (kind) {
              case GOOD -> txid + "," + customer + "," + ts + "," + amount + ",EUR";
              case DUPLICATE -> goodLines.get(random.nextInt(goodLines.size()));
              case LATER ->
                  txid
                      + ","
                      + customer
                      + ","
                      + RUN_DATE.plusDays(1)
                      + " 08:00:00,"
                      + amount
                      + ",EUR";
              case MISSING_CUSTOMER -> txid + ",," + ts + "," + amount + ",EUR";
              case BAD_TIMESTAMP -> txid + "," + customer + ",yesterday," + amount + ",EUR";
              case BAD_AMOUNT ->
                  txid
                      + ","
                      + customer
                      + ","
                      + ts
                      + ","
                      + (random.nextBoolean() ? "" : "12x")
                      + ",EUR";
              case ZERO -> txid + "," + customer + "," + ts + ",0.00,EUR";
              case OUTLIER -> txid + "," + customer + "," + ts + ",2000000.00,EUR";
              case BAD_CURRENCY -> txid + "," + customer + "," + ts + "," + amount + ",XYZ";
              case FUTURE ->
                  txid
                      + ","
                      + customer
                      + ","
                      + fileDate.plusDays(5)
                      + " 08:00:00,"
                      + amount
                      + ",EUR";
              case EXTRA_COLUMN -> txid + "," + customer + "," + ts + "," + amount + ",EUR,extra";
            };
        if (kind == Kind.GOOD) {
          good.put(txid, amount);
          goodCustomer.put(txid, customer);
          goodLines.add(line);
        }
        expected.merge(kind, 1, Integer::sum);
        lines.add(line);
      }
      Files.writeString(
          dir.resolve("tx_" + fileDate + ".csv"),
          String.join("\n", lines) + "\n",
          StandardCharsets.UTF_8);
    }

    IngestFixtures.InputBuilder s = new IngestFixtures.InputBuilder(dir.toString());
    s.amountOutlier = 1_000_000.0;
    s.currencies = List.of("EUR");
    Dataset<Row> classified =
        IngestFixtures.classify(spark(), s.build(), RUN_DATE, LocalDate.of(2025, 2, 1)).cache();
    IngestCounts counts = IngestCounts.of(classified);

    long total = expected.values().stream().mapToLong(Integer::longValue).sum();
    assertThat(counts.inputRows()).isEqualTo(total);
    assertThat(counts.reconciles()).isTrue();
    assertThat(counts.cleanRows()).isEqualTo(get(expected, Kind.GOOD));
    assertThat(counts.duplicateRows()).isEqualTo(get(expected, Kind.DUPLICATE));
    assertThat(counts.laterRows()).isEqualTo(get(expected, Kind.LATER));
    Map<String, Long> reasons = new TreeMap<>();
    expected.forEach(
        (k, v) -> {
          if (k.reason != null) {
            reasons.merge(k.reason, (long) v, Long::sum);
          }
        });
    assertThat(counts.quarantinedByReason()).isEqualTo(reasons);

    Dataset<Row> clean = ClassifiedRows.withStatus(classified, RowStatus.CLEAN);
    Map<String, BigDecimal> cleanAmounts = new TreeMap<>();
    for (Row r : clean.collectAsList()) {
      cleanAmounts.put(
          r.getAs(Columns.TRANSACTION_ID), r.<BigDecimal>getAs(Columns.AMOUNT).setScale(2));
    }
    assertThat(cleanAmounts).isEqualTo(good);

    // ... and the customer state built from the clean rows holds every good row.
    Map<String, BigDecimal> net = new TreeMap<>();
    Map<String, Long> purchases = new TreeMap<>();
    good.forEach(
        (tx, amount) -> {
          net.merge(goodCustomer.get(tx), amount, BigDecimal::add);
          purchases.merge(goodCustomer.get(tx), amount.signum() > 0 ? 1L : 0L, Long::sum);
        });
    Map<String, BigDecimal> stateNet = new TreeMap<>();
    Map<String, Long> statePurchases = new TreeMap<>();
    for (Row r : CustomerState.fromTransactions(clean, RUN_DATE, 365).collectAsList()) {
      stateNet.put(
          r.getAs(Columns.CUSTOMER_ID), r.<BigDecimal>getAs(CustomerState.NET_TOTAL).setScale(2));
      statePurchases.put(r.getAs(Columns.CUSTOMER_ID), r.getAs(CustomerState.PURCHASE_ORDERS));
    }
    assertThat(stateNet).isEqualTo(net);
    assertThat(statePurchases).isEqualTo(purchases);
    classified.unpersist();
  }

  private static long get(Map<Kind, Integer> m, Kind k) {
    return m.getOrDefault(k, 0);
  }

  private static Kind pick(Random random, LocalDate fileDate, boolean noGoodYet) {
    int r = random.nextInt(100);
    if (r < 60 || noGoodYet) {
      return Kind.GOOD;
    }
    if (r < 68) {
      return Kind.DUPLICATE;
    }
    if (r < 72) {
      return fileDate.isAfter(RUN_DATE) ? Kind.LATER : Kind.GOOD;
    }
    Kind[] bad = {
      Kind.MISSING_CUSTOMER,
      Kind.BAD_TIMESTAMP,
      Kind.BAD_AMOUNT,
      Kind.ZERO,
      Kind.OUTLIER,
      Kind.BAD_CURRENCY,
      Kind.FUTURE,
      Kind.EXTRA_COLUMN
    };
    return bad[random.nextInt(bad.length)];
  }
}
