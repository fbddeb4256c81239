package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custseg.support.CapturedRun;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed-currency input through the command line: without a reporting currency the run stops with
 * exit 2 before anything is written; with one and a rates file it converts and says so in the
 * manifest; a night that brings a second currency into a state without one stops too, and a changed
 * rate recomputes from all history.
 */
class ReportingCurrencyIntegrationTest extends SparkTestBase {

  private static final String HEADER = "transaction_id,customer_id,order_ts,amount,currency\n";
  private static final String MIXED =
      "the input holds 3 currencies (CHF, EUR, GBP) and no reporting currency is set: set "
          + "segmentation.money.currency and segmentation.money.rates (a currency,rate,valid_from "
          + "file)";

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark(); // the job reuses the suite's session
  }

  /** One day's export: twelve customers, those of {@code currencies} in turn. */
  private static void export(Path input, String day, String... currencies) throws IOException {
    StringBuilder b = new StringBuilder(HEADER);
    for (int c = 1; c <= 12; c++) {
      String currency = currencies[c % currencies.length];
      b.append(
          String.format(
              Locale.ROOT, "T%s-%d,C%d,%s 10:00:00,%d.00,%s%n", day, c, c, day, 10 + c, currency));
    }
    Files.writeString(input.resolve("tx_" + day + ".csv"), b, StandardCharsets.UTF_8);
  }

  /** A --config file with the reporting currency EUR and a rates file {@code name}.csv. */
  private Path config(String name, String rates) throws IOException {
    Path file = dir.resolve(name + ".csv");
    Files.writeString(file, "currency,rate,valid_from\n" + rates, StandardCharsets.UTF_8);
    Path config = dir.resolve(name + ".yml");
    Files.writeString(
        config,
        "segmentation:\n  money:\n    currency: EUR\n    rates: \"" + file + "\"\n",
        StandardCharsets.UTF_8);
    return config;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> money(Path output, String day) throws IOException {
    return (Map<String, Object>) manifest(output, day).get("money");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> manifest(Path output, String day) throws IOException {
    return new ObjectMapper()
        .readValue(
            output.resolve("reports/run_date=" + day + "/manifest.json").toFile(), Map.class);
  }

  /** The job for {@code day} on {@code input}, with {@code config} layered when not null. */
  private static CapturedRun night(Path input, Path output, String day, Path config) {
    List<String> args =
        new ArrayList<>(
            List.of("--input", input.toString(), "--output", output.toString(), "--run-date", day));
    if (config != null) {
      args.addAll(List.of("--config", config.toString()));
    }
    return CapturedRun.of(args.toArray(String[]::new));
  }

  @Test
  void severalCurrenciesStopTheRunUnlessAReportingCurrencyIsSet() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    export(input, "2025-03-01", "EUR", "CHF", "GBP");
    Path output = dir.resolve("out");

    CapturedRun refused = night(input, output, "2025-03-01", null);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("ERROR: run date 2025-03-01 failed in step ingest: " + MIXED);
    assertThat(output.resolve("reports")).doesNotExist();
    assertThat(output.resolve("_staging/run_date=2025-03-01/classified")).doesNotExist();

    CapturedRun validated = CapturedRun.of("--validate-only", "--input", input.toString());
    assertThat(validated.exitCode()).isEqualTo(2);
    assertThat(validated.out()).contains("input_rows       12");
    assertThat(validated.err()).contains("ERROR: " + MIXED);

    Path config = config("rates", "CHF,1.0638,2024-01-01\nGBP,1.1628,2024-01-01\n");
    CapturedRun converted = night(input, output, "2025-03-01", config);
    assertThat(converted.exitCode()).as(converted.err()).isZero();
    assertThat(money(output, "2025-03-01"))
        .containsEntry("currency", "EUR")
        .containsEntry("source", "segmentation.money.currency")
        .containsEntry("rates_file", dir.resolve("rates.csv").toString())
        .containsEntry("converted_rows", Map.of("CHF", 4, "GBP", 4));
  }

  @Test
  void aNightThatBringsASecondCurrencyStopsAndAChangedRateRecomputes() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path output = dir.resolve("out");
    export(input, "2025-03-01", "EUR");
    assertThat(night(input, output, "2025-03-01", null).exitCode()).isZero();
    assertThat(money(output, "2025-03-01"))
        .containsEntry("currency", "EUR")
        .containsEntry("source", "the data")
        .containsEntry("converted_rows", Map.of());

    export(input, "2025-03-02", "GBP");
    CapturedRun second = night(input, output, "2025-03-02", null);
    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.err()).contains("the input holds 2 currencies (EUR, GBP)");

    // with a reporting currency the night runs; then a changed rate recomputes from all history
    Path rates1 = config("rates1", "GBP,1.1628,2024-01-01\n");
    Path rates2 = config("rates2", "GBP,1.2000,2024-01-01\n");
    assertThat(night(input, output, "2025-03-02", rates1).exitCode()).isZero();
    export(input, "2025-03-03", "GBP");
    assertThat(night(input, output, "2025-03-03", rates1).exitCode()).isZero();
    assertThat(((Map<?, ?>) manifest(output, "2025-03-03").get("state")).get("mode"))
        .isEqualTo("incremental");
    export(input, "2025-03-04", "GBP");
    assertThat(night(input, output, "2025-03-04", rates2).exitCode()).isZero();
    Map<?, ?> state = (Map<?, ?>) manifest(output, "2025-03-04").get("state");
    assertThat(state.get("mode")).isEqualTo("full");
    assertThat((String) state.get("reason")).contains("settings that shape the state changed");
  }
}
