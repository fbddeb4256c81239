package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.custseg.SegmentationApplication;
import org.custseg.sample.SampleWriter;
import org.custseg.sample.SimulationParameters;
import org.custseg.sample.TransactionSimulator;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten consecutive nightly runs that continue each other's state give the same customer table as one
 * full recompute of the last day, column by column, across re-sent files, refunds and a late file
 * (which makes that night recompute from all history).
 */
class IncrementalRunsIntegrationTest extends SparkTestBase {

  private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);

  /** The generated exports hold EUR, CHF and GBP: the sample's reporting currency and rates. */
  private static final String SAMPLE_CONFIG = "conf/examples/sample.yml";

  @TempDir Path work;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> manifest(Path output, LocalDate d) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(output.resolve("reports/run_date=" + d + "/manifest.json").toFile(), Map.class);
  }

  private static long count(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  private static String mode(Path output, LocalDate d) throws Exception {
    return (String) ((Map<String, Object>) manifest(output, d).get("state")).get("mode");
  }

  private static List<List<String>> rows(Path output, LocalDate d) throws Exception {
    List<List<String>> out = new ArrayList<>();
    for (CSVRecord r :
        SegmentationJobIntegrationTest.csv(
            output.resolve("reports/run_date=" + d + "/customers.csv"))) {
      out.add(r.toList());
    }
    out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void tenIncrementalNightsEqualOneFullRecompute() throws Exception {
    spark();
    Path all = work.resolve("all");
    new SampleWriter(
            new TransactionSimulator(
                SimulationParameters.defaults(), 250, FIRST.plusDays(9), 60, 3L),
            new SampleWriter.NoiseOptions(0.0, 0.01, 0.5),
            SampleWriter.Format.CSV)
        .write(all);
    Path input = Files.createDirectories(work.resolve("exports"));
    Path output = work.resolve("nightly");
    try (var files = Files.list(all)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().compareTo("transactions_" + FIRST) <= 0) {
          Files.copy(f, input.resolve(f.getFileName()));
        }
      }
    }

    for (int day = 0; day < 10; day++) {
      LocalDate d = FIRST.plusDays(day);
      String name = "transactions_" + d + ".csv";
      if (day > 0 && Files.exists(all.resolve(name))) {
        Files.copy(all.resolve(name), input.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
      if (day == 4) { // yesterday's file re-sent under another name
        Files.copy(
            input.resolve("transactions_" + d.minusDays(1) + ".csv"),
            input.resolve("transactions_" + d.minusDays(1) + "_resent.csv"));
      }
      if (day == 6) { // a late export: new orders dated three days ago, with a refund
        Files.writeString(
            input.resolve("late_" + d.minusDays(3) + ".csv"),
            SampleWriter.HEADER
                + "\nL-1,C00000001,"
                + d.minusDays(3)
                + " 10:00:00,42.00,EUR,1,42.00,S01,web,DE\n"
                + "L-2,LATE-NEW,"
                + d.minusDays(3)
                + " 11:00:00,17.50,EUR,1,17.50,S01,web,DE\n"
                + "L-3,C00000001,"
                + d.minusDays(2)
                + " 09:00:00,-12.00,EUR,1,-12.00,S01,web,DE\n",
            StandardCharsets.UTF_8);
      }
      assertThat(
              SegmentationApplication.run(
                  "--input",
                  input.toString(),
                  "--output",
                  output.toString(),
                  "--run-date",
                  d.toString(),
                  "--config",
                  SAMPLE_CONFIG))
          .as("night " + d)
          .isEqualTo(0);
    }

    // The nights continued each other's state, except the first and the late-data night.
    assertThat(mode(output, FIRST)).isEqualTo("full");
    assertThat(mode(output, FIRST.plusDays(1))).isEqualTo("incremental");
    assertThat(mode(output, FIRST.plusDays(4))).isEqualTo("incremental");
    assertThat(((Number) manifest(output, FIRST.plusDays(4)).get("duplicate_rows")).longValue())
        .isPositive();
    assertThat(mode(output, FIRST.plusDays(6))).isEqualTo("full");
    assertThat(mode(output, FIRST.plusDays(9))).isEqualTo("incremental");

    // Each manifest carries the night's own counts and the totals of the runs its state stands
    // on; a full run starts the totals over.
    Map<String, Object> second = manifest(output, FIRST.plusDays(1));
    Map<String, Object> history = (Map<String, Object>) second.get("history");
    assertThat(history.get("runs")).isEqualTo(2);
    assertThat(history.get("since")).isEqualTo(FIRST.toString());
    assertThat(count(history, "input_rows"))
        .isEqualTo(count(manifest(output, FIRST), "input_rows") + count(second, "input_rows"));
    assertThat(count(history, "input_rows"))
        .isEqualTo(
            count(history, "clean_rows")
                + count(history, "quarantined_rows_total")
                + count(history, "duplicate_rows")
                + count(history, "later_rows"));
    assertThat(((Map<String, Object>) manifest(output, FIRST.plusDays(6)).get("history")))
        .containsEntry("runs", 1);
    assertThat(((Map<String, Object>) manifest(output, FIRST.plusDays(9)).get("history")))
        .containsEntry("runs", 4)
        .containsEntry("since", FIRST.plusDays(6).toString());
    assertThat(
            Files.readString(
                output.resolve("reports/run_date=" + FIRST.plusDays(1) + "/report.html")))
        .contains("Input rows, all runs");

    LocalDate last = FIRST.plusDays(9);
    Path full = work.resolve("full");
    assertThat(
            SegmentationApplication.run(
                "--input",
                input.toString(),
                "--output",
                full.toString(),
                "--run-date",
                last.toString(),
                "--full",
                "--config",
                SAMPLE_CONFIG))
        .isEqualTo(0);
    assertThat(mode(full, last)).isEqualTo("full");

    List<List<String>> incremental = rows(output, last);
    List<List<String>> recomputed = rows(full, last);
    assertThat(incremental).hasSize(recomputed.size());
    for (int i = 0; i < recomputed.size(); i++) {
      assertThat(incremental.get(i))
          .as("customer " + recomputed.get(i).get(0))
          .containsExactlyElementsOf(recomputed.get(i));
    }
    assertThat(incremental.stream().map(r -> r.get(0))).contains("LATE-NEW");
  }
}
