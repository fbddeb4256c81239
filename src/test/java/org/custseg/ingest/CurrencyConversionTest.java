package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.ConfigurationException;
import org.custseg.config.MoneySettings;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One reporting currency: amounts converted at the rate valid on the order date, rows without a
 * rate quarantined, and an input in several currencies without a reporting currency refused.
 */
class CurrencyConversionTest extends SparkTestBase {

  private static final String HEADER = "transaction_id,customer_id,order_ts,amount,currency\n";
  private static final LocalDate RUN_DATE = LocalDate.of(2025, 3, 31);

  @TempDir Path dir;

  private Path input() throws IOException {
    return Files.createDirectories(dir.resolve("input"));
  }

  private Path rates() throws IOException {
    Path rates = dir.resolve("rates.csv");
    Files.writeString(
        rates,
        "currency,rate,valid_from\n"
            + "CHF,1.0638,2024-01-01\n"
            + "CHF,1.0753,2025-01-01\n"
            + "GBP,1.1628,2024-01-01\n"
            + "USD,0.5,2024-01-01\n",
        StandardCharsets.UTF_8);
    return rates;
  }

  private Ingest ingest(MoneySettings money) throws IOException {
    return IngestFixtures.ingest(
        spark(), new IngestFixtures.InputBuilder(input().toString()).build(), money, RUN_DATE);
  }

  private Dataset<Row> classify(MoneySettings money) throws IOException {
    Ingest ingest = ingest(money);
    return ingest.classify(ingest.list(input().toString()).exports(), RUN_DATE);
  }

  private static Map<String, String> byId(Dataset<Row> classified) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : classified.where("status not in ('header', 'blank')").collectAsList()) {
      BigDecimal amount = r.getAs(Columns.AMOUNT);
      BigDecimal original = r.getAs(Columns.AMOUNT_ORIGINAL);
      out.merge(
          r.getAs(Columns.TRANSACTION_ID),
          r.getAs("status")
              + (r.getAs(Columns.REASON) == null ? "" : "/" + r.getAs(Columns.REASON))
              + " "
              + (amount == null ? "-" : amount.toPlainString())
              + " "
              + (original == null ? "-" : original.toPlainString())
              + " "
              + r.getAs(Columns.CURRENCY),
          (a, b) -> a.compareTo(b) < 0 ? a + "," + b : b + "," + a);
    }
    return out;
  }

  @Test
  void amountsAreConvertedAtTheRateOfTheOrderDate() throws IOException {
    Files.writeString(
        input().resolve("tx_2025-03-31.csv"),
        HEADER
            + "E1,C1,2024-06-01,100.00,EUR\n"
            // rates valid on the order date: 1.0638 until 2024-12-31, 1.0753 from 2025-01-01
            + "F1,C2,2024-12-31,100.00,chf\n"
            + "F2,C2,2025-01-01,100.00,CHF\n"
            + "F3,C2,2025-02-01,33.33,CHF\n"
            // half-even to four places: 5.00005 -> 5.0000, 5.00015 -> 5.0002
            + "U1,C3,2025-02-01,10.0001,USD\n"
            + "U2,C3,2025-02-01,10.0003,USD\n"
            // no currency stated: the reporting currency
            + "N1,C4,2025-02-01,7.00,\n"
            // before GBP's first rate, and a currency without any rate
            + "G1,C5,2023-12-31,10.00,GBP\n"
            + "J1,C6,2025-02-01,1000,JPY\n"
            // a re-sent CHF row stays a duplicate
            + "F3,C2,2025-02-01,33.33,CHF\n",
        StandardCharsets.UTF_8);
    MoneySettings eur = new MoneySettings("EUR", rates().toString());

    Dataset<Row> classified = classify(eur);

    // the converted amounts: 100 x 1.0638, 100 x 1.0753, 33.33 x 1.0753 = 35.839749
    assertThat(byId(classified))
        .containsEntry("E1", "clean 100.0000 100.0000 EUR")
        .containsEntry("F1", "clean 106.3800 100.0000 CHF")
        .containsEntry("F2", "clean 107.5300 100.0000 CHF")
        .containsEntry("F3", "clean 35.8397 33.3300 CHF,duplicate/duplicate 35.8397 33.3300 CHF")
        .containsEntry("U1", "clean 5.0000 10.0001 USD")
        .containsEntry("U2", "clean 5.0002 10.0003 USD")
        .containsEntry("N1", "clean 7.0000 7.0000 null")
        .containsEntry("G1", "quarantined/unknown_currency - 10.0000 GBP")
        .containsEntry("J1", "quarantined/unknown_currency - 1000.0000 JPY");
    Map<String, String> details = new TreeMap<>();
    classified
        .where("reason = 'unknown_currency'")
        .collectAsList()
        .forEach(r -> details.put(r.getAs(Columns.TRANSACTION_ID), r.getAs(Columns.DETAIL)));
    assertThat(details)
        .containsEntry("G1", "no rate for GBP on 2023-12-31 in " + rates())
        .containsEntry("J1", "no rate for JPY on 2025-02-01 in " + rates());

    ReportingCurrency currency =
        ingest(eur).reportingCurrency(classified, Optional.empty()).withConvertedRows(classified);
    assertThat(currency)
        .isEqualTo(
            new ReportingCurrency(
                "EUR",
                "segmentation.money.currency",
                rates().toString(),
                Map.of("CHF", 3L, "USD", 2L)));
  }

  @Test
  void withoutRatesOnlyTheReportingCurrencyIsUsable() throws IOException {
    Files.writeString(
        input().resolve("tx_2025-03-31.csv"),
        HEADER + "E1,C1,2025-02-01,10.00,EUR\nF1,C2,2025-02-01,10.00,CHF\n",
        StandardCharsets.UTF_8);
    Dataset<Row> classified = classify(new MoneySettings("EUR", ""));
    assertThat(byId(classified))
        .containsEntry("E1", "clean 10.0000 10.0000 EUR")
        .containsEntry("F1", "quarantined/unknown_currency - 10.0000 CHF");
    assertThat(classified.where("reason = 'unknown_currency'").first().<String>getAs("detail"))
        .isEqualTo("no rate for CHF on 2025-02-01 (segmentation.money.rates is not set)");
  }

  @Test
  void severalCurrenciesWithoutAReportingCurrencyAreRefused() throws IOException {
    Files.writeString(
        input().resolve("tx_2025-03-31.csv"),
        HEADER
            + "E1,C1,2025-02-01,10.00,EUR\n"
            + "F1,C2,2025-02-01,10.00,CHF\n"
            + "G1,C3,2025-02-01,10.00,GBP\n"
            + "X1,,2025-02-01,10.00,XXX\n",
        StandardCharsets.UTF_8);
    Dataset<Row> classified = classify(IngestFixtures.NO_MONEY);
    Ingest ingest = ingest(IngestFixtures.NO_MONEY);

    assertThatThrownBy(() -> ingest.reportingCurrency(classified, Optional.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "the input holds 3 currencies (CHF, EUR, GBP) and no reporting currency is set: set "
                + "segmentation.money.currency and segmentation.money.rates (a "
                + "currency,rate,valid_from file)");
  }

  @Test
  void oneCurrencyIsTheRunsAndANightBringingASecondIsRefused() throws IOException {
    Files.writeString(
        input().resolve("tx_2025-03-31.csv"),
        HEADER + "E1,C1,2025-02-01,10.00,EUR\nE2,C2,2025-02-01,10.00,\n",
        StandardCharsets.UTF_8);
    Dataset<Row> classified = classify(IngestFixtures.NO_MONEY);
    Ingest ingest = ingest(IngestFixtures.NO_MONEY);

    assertThat(ingest.reportingCurrency(classified, Optional.empty()))
        .isEqualTo(new ReportingCurrency("EUR", "the data", null, Map.of()));
    assertThat(ingest.reportingCurrency(classified.where("currency is null"), Optional.empty()))
        .isEqualTo(new ReportingCurrency(null, "not stated", null, Map.of()));
    // the state an incremental run continues was in GBP
    assertThatThrownBy(() -> ingest.reportingCurrency(classified, Optional.of("GBP")))
        .hasMessageStartingWith("the input holds 2 currencies (EUR, GBP)");
  }
}
