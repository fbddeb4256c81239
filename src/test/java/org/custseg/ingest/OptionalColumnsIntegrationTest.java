package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custseg.SegmentationApplication;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default configuration, without edits, runs end to end on exports that hold only some of the
 * ten mapped columns: the columns a file lacks are read as empty and named in the manifest.
 */
class OptionalColumnsIntegrationTest extends SparkTestBase {

  private static final String RUN_DATE = "2025-03-31";

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark(); // the job reuses the suite's session
  }

  /** Twelve customers with two orders each, in the columns of {@code header}. */
  private static String export(String header) {
    List<String> columns = List.of(header.split(","));
    StringBuilder b = new StringBuilder(header).append('\n');
    for (int c = 1; c <= 12; c++) {
      for (int o = 1; o <= 2; o++) {
        StringBuilder line = new StringBuilder();
        for (String col : columns) {
          if (line.length() > 0) {
            line.append(',');
          }
          line.append(
              switch (col) {
                case "transaction_id" -> "T" + c + "-" + o;
                case "customer_id" -> "C" + c;
                case "order_ts" ->
                    String.format(Locale.ROOT, "2025-0%d-%02d 10:00:00", o == 1 ? 1 : 3, c);
                case "amount" -> (10 * c + o) + ".00";
                case "currency" -> "EUR";
                case "quantity" -> "1";
                case "store_id" -> "S1";
                case "channel" -> c % 2 == 0 ? "web" : "store";
                default -> throw new IllegalArgumentException(col);
              });
        }
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "transaction_id,customer_id,order_ts,amount|currency,quantity,unit_price,store_id,"
            + "channel,country",
        "customer_id,order_ts,amount|transaction_id,currency,quantity,unit_price,store_id,"
            + "channel,country",
        "transaction_id,customer_id,order_ts,amount,currency,quantity,store_id,channel|"
            + "unit_price,country"
      })
  void theDefaultConfigurationRunsOnAnExportWithSomeColumns(String header, String absent)
      throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.writeString(
        input.resolve("export_" + RUN_DATE + ".csv"), export(header), StandardCharsets.UTF_8);
    Path output = dir.resolve("out");

    int code =
        SegmentationApplication.run(
            "--input", input.toString(), "--output", output.toString(), "--run-date", RUN_DATE);

    assertThat(code).as(header).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> manifest =
        new ObjectMapper()
            .readValue(
                output.resolve("reports/run_date=" + RUN_DATE + "/manifest.json").toFile(),
                Map.class);
    assertThat(manifest.get("clean_rows")).isEqualTo(24);
    assertThat(manifest.get("quarantined_rows_total")).isEqualTo(0);
    assertThat(manifest.get("customers")).isEqualTo(12);
    assertThat(List.copyOf(((Map<?, ?>) manifest.get("absent_columns")).values()))
        .isEqualTo(List.of(List.of(absent.split(","))));
  }
}
