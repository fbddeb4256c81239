package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.custseg.config.ConfigurationException;
import org.custseg.config.MoneySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rates file: read through Hadoop, every problem named with file and line. */
class ExchangeRatesTest {

  @TempDir Path dir;

  private static ExchangeRates parse(String... lines) {
    return ExchangeRates.parse("EUR", "rates.csv", List.of(lines));
  }

  @Test
  void aValidFileIsReadSortedAndTheReportingCurrencyMayBeListedAtOne() throws IOException {
    Path file = dir.resolve("rates.csv");
    Files.writeString(
        file,
        "\uFEFFcurrency, rate, valid_from\r\n"
            + "GBP,1.1628,2024-01-01\r\n"
            + "chf,1.0753,2025-01-01\r\n"
            + "\r\n"
            + "CHF,1.0638,2024-01-01\r\n"
            + "EUR,1,2024-01-01\r\n",
        StandardCharsets.UTF_8);

    ExchangeRates rates =
        ExchangeRates.load(new MoneySettings("EUR", file.toString()), new Configuration());

    assertThat(rates.reportingCurrency()).isEqualTo("EUR");
    assertThat(rates.rates())
        .extracting(r -> r.currency() + " " + r.validFrom() + " " + r.rate().stripTrailingZeros())
        .containsExactly(
            "CHF 2024-01-01 1.0638",
            "CHF 2025-01-01 1.0753",
            "EUR 2024-01-01 1",
            "GBP 2024-01-01 1.1628");
    assertThat(rates.fingerprint())
        .isEqualTo(
            "EUR;CHF 2024-01-01 1.063800000000;CHF 2025-01-01 1.075300000000"
                + ";EUR 2024-01-01 1.000000000000;GBP 2024-01-01 1.162800000000");
  }

  @Test
  void withoutACurrencyNothingIsReadOrConverted() {
    ExchangeRates none = ExchangeRates.load(new MoneySettings("", ""), new Configuration());
    assertThat(none.converts()).isFalse();
    assertThat(none.fingerprint()).isEmpty();
    ExchangeRates noFile = ExchangeRates.load(new MoneySettings("GBP", ""), new Configuration());
    assertThat(noFile.converts()).isTrue();
    assertThat(noFile.rates()).isEmpty();
  }

  @Test
  void ratesAreKeptToTwelveDecimals() {
    assertThat(parse("currency,rate,valid_from", "CHF,1.06382978723404255,2024-01-01").rates())
        .extracting(ExchangeRates.Rate::rate)
        .containsExactly(new BigDecimal("1.063829787234"));
  }

  @Test
  void everyProblemNamesTheFileAndTheLine() {
    assertThatThrownBy(() -> parse("currency;rate;valid_from"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "segmentation.money.rates: rates.csv line 1: the header must be "
                + "currency,rate,valid_from, got 'currency;rate;valid_from'");
    assertThatThrownBy(() -> parse()).hasMessageContaining("rates.csv line 1: the header must be");
    assertThatThrownBy(() -> parse("currency,rate,valid_from", "CHF,1.06"))
        .hasMessage(
            "segmentation.money.rates: rates.csv line 2: expected 3 fields "
                + "(currency,rate,valid_from), found 2");
    assertThatThrownBy(() -> parse("currency,rate,valid_from", "", "CHF,1,06,2024-01-01"))
        .hasMessageContaining("rates.csv line 3: expected 3 fields");
    assertThatThrownBy(() -> parse("currency,rate,valid_from", "SFR,1.06,2024-01-01"))
        .hasMessage(
            "segmentation.money.rates: rates.csv line 2: 'SFR' is not an ISO 4217 currency code");
    assertThatThrownBy(() -> parse("currency,rate,valid_from", "CHF,1.0x,2024-01-01"))
        .hasMessage("segmentation.money.rates: rates.csv line 2: rate '1.0x' is not a number");
    assertThatThrownBy(() -> parse("currency,rate,valid_from", "CHF,0,2024-01-01"))
        .hasMessage(
            "segmentation.money.rates: rates.csv line 2: rate '0' must be above 0 and below "
                + "1,000,000 (units per unit)");
    assertThatThrownBy(() -> parse("currency,rate,valid_from", "CHF,1.06,01/01/2024"))
        .hasMessage(
            "segmentation.money.rates: rates.csv line 2: valid_from '01/01/2024' is not an ISO "
                + "date (yyyy-MM-dd)");
    assertThatThrownBy(
            () ->
                parse(
                    "currency,rate,valid_from",
                    "CHF,1.06,2024-01-01",
                    "GBP,1.16,2024-01-01",
                    "CHF,1.07,2024-01-01"))
        .hasMessage(
            "segmentation.money.rates: rates.csv line 4: a second rate for CHF valid from "
                + "2024-01-01 (the first is on line 2)");
    assertThatThrownBy(() -> parse("currency,rate,valid_from", "EUR,0.9,2024-01-01"))
        .hasMessage(
            "segmentation.money.rates: rates.csv line 2: EUR is the reporting currency: its "
                + "rate is 1, got 0.900000000000");
  }

  @Test
  void aMissingFileIsAConfigurationError() {
    String missing = dir.resolve("nowhere.csv").toString();
    assertThatThrownBy(
            () -> ExchangeRates.load(new MoneySettings("EUR", missing), new Configuration()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("segmentation.money.rates: cannot read " + missing + ": ");
  }

  @Test
  void aLocalFileIsCheckedAtStartUp() {
    String missing = dir.resolve("nowhere.csv").toString();
    assertThatThrownBy(() -> ExchangeRates.check(new MoneySettings("EUR", missing)))
        .isInstanceOf(ConfigurationException.class);
    // a file on another file system is left to the ingest (Spark's Hadoop configuration)
    ExchangeRates.check(new MoneySettings("EUR", "s3a://bucket/rates.csv"));
  }
}
