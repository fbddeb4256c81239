package org.custseg.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWriterTest {

  private static final LocalDate END = LocalDate.of(2025, 12, 31);
  private static final String[] COLUMNS = SampleWriter.HEADER.split(",");

  @TempDir Path tmp;

  private static SampleWriter.Summary write(
      Path dir,
      int customers,
      int days,
      long seed,
      SampleWriter.NoiseOptions noise,
      SampleWriter.Format format)
      throws IOException {
    TransactionSimulator sim =
        new TransactionSimulator(SimulationParameters.defaults(), customers, END, days, seed);
    return new SampleWriter(sim, noise, format).write(dir);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndOtherSeedDiffers() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    write(a, 1500, 120, 42, SampleWriter.NoiseOptions.defaults(), SampleWriter.Format.CSV);
    write(b, 1500, 120, 42, SampleWriter.NoiseOptions.defaults(), SampleWriter.Format.CSV);
    write(c, 1500, 120, 43, SampleWriter.NoiseOptions.defaults(), SampleWriter.Format.CSV);
    List<Path> fa = files(a);
    assertThat(fa).hasSize(120);
    boolean anyDifferent = false;
    for (Path f : fa) {
      byte[] bytes = Files.readAllBytes(f);
      assertThat(Files.readAllBytes(b.resolve(f.getFileName()))).isEqualTo(bytes);
      anyDifferent |=
          !java.util.Arrays.equals(bytes, Files.readAllBytes(c.resolve(f.getFileName())));
    }
    assertThat(anyDifferent).isTrue();
  }

  @Test
  void oneFilePerDayWithTheHeaderAndGzipHasTheSameContent() throws IOException {
    Path csv = tmp.resolve("csv");
    Path gz = tmp.resolve("gz");
    write(csv, 300, 45, 1, SampleWriter.NoiseOptions.defaults(), SampleWriter.Format.CSV);
    write(gz, 300, 45, 1, SampleWriter.NoiseOptions.defaults(), SampleWriter.Format.CSV_GZ);
    List<Path> csvFiles = files(csv);
    assertThat(csvFiles).hasSize(45);
    LocalDate day = END.minusDays(44);
    for (Path f : csvFiles) {
      assertThat(f.getFileName().toString()).isEqualTo("transactions_" + day + ".csv");
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      assertThat(lines.get(0))
          .isEqualTo(
              "transaction_id,customer_id,order_ts,amount,currency,quantity,unit_price,store_id,channel,country");
      Path g = gz.resolve("transactions_" + day + ".csv.gz");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(g))) {
        assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(f));
      }
      day = day.plusDays(1);
    }
    assertThat(files(gz)).hasSize(45);
  }

  @Test
  void csvParsesAndNoiseCountsAreCloseToTheRequestedRates() throws IOException {
    double dirtyRate = 0.02;
    double duplicateRate = 0.01;
    double refundRate = 0.05;
    SimulationParameters params = SimulationParameters.defaults().withRefunds(refundRate, 0.7, 30);
    TransactionSimulator sim = new TransactionSimulator(params, 8000, END, 365, 77);
    SampleWriter.Summary summary =
        new SampleWriter(
                sim,
                new SampleWriter.NoiseOptions(dirtyRate, duplicateRate, 0.3),
                SampleWriter.Format.CSV)
            .write(tmp);

    long rows = 0;
    long dirty = 0;
    long refunds = 0;
    long orders = 0;
    long duplicates = 0;
    long duplicatesNextDay = 0;
    Set<String> seenLines = new HashSet<>();
    Map<String, String> previousDayLines = new HashMap<>();
    Set<String> orderIds = new HashSet<>();
    List<String> refundedIds = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    for (Path f : files(tmp)) {
      Map<String, String> todayLines = new HashMap<>();
      try (Reader reader = Files.newBufferedReader(f);
          CSVParser parser = CSVParser.parse(reader, format)) {
        assertThat(parser.getHeaderNames()).containsExactly(COLUMNS);
        for (CSVRecord rec : parser) {
          rows++;
          assertThat(rec.size()).isEqualTo(10);
          assertThat(rec.isConsistent()).isTrue();
          String key = String.join("|", rec.toList());
          if (!seenLines.add(key)) {
            duplicates++;
            if (previousDayLines.containsKey(key) && !todayLines.containsKey(key)) {
              duplicatesNextDay++;
            }
            continue;
          }
          todayLines.put(key, key);
          String id = rec.get("transaction_id");
          if (id.startsWith("R")) {
            refunds++;
            refundedIds.add("T" + id.substring(1));
            assertThat(parseAmount(rec.get("amount")).signum()).isNegative();
            continue;
          }
          orders++;
          orderIds.add(id);
          if (!isClean(rec)) {
            dirty++;
          }
        }
      }
      previousDayLines = todayLines;
    }
    assertThat(rows).isEqualTo(summary.rows());
    assertThat(orders).isEqualTo(summary.orders());
    assertThat(refunds).isEqualTo(summary.refunds());
    assertThat(dirty).isEqualTo(summary.dirtyRows());
    assertThat(duplicates).isEqualTo(summary.duplicates());
    assertThat(duplicatesNextDay).isPositive().isLessThan(duplicates);
    assertThat(orderIds).containsAll(refundedIds);

    assertThat((double) dirty / orders).isCloseTo(dirtyRate, within(0.15 * dirtyRate));
    assertThat((double) duplicates / (rows - duplicates - dirty))
        .isCloseTo(duplicateRate, within(0.2 * duplicateRate));
    // Refunds falling after the window end are not written.
    assertThat((double) refunds / orders).isCloseTo(refundRate, within(0.15 * refundRate));
    assertThat((double) (dirty + duplicates) / rows).isLessThan(0.05);
  }

  @Test
  void defaultNoiseStaysWellUnderTheQualityGate() throws IOException {
    SampleWriter.Summary s =
        write(tmp, 3000, 365, 5, SampleWriter.NoiseOptions.defaults(), SampleWriter.Format.CSV);
    assertThat(s.files()).isEqualTo(365);
    assertThat(s.rows()).isEqualTo(s.orders() + s.refunds() + s.duplicates());
    assertThat((double) (s.dirtyRows() + s.duplicates()) / s.rows()).isLessThan(0.015);
    assertThat(s.line()).startsWith("files=365 rows=" + s.rows() + " customers=3000 ");
  }

  private static boolean isClean(CSVRecord rec) {
    if (rec.get("customer_id").isEmpty()) {
      return false;
    }
    try {
      LocalDateTime.parse(rec.get("order_ts"), SampleWriter.TIMESTAMP);
    } catch (DateTimeParseException e) {
      return false;
    }
    BigDecimal amount = parseAmount(rec.get("amount"));
    if (amount == null || amount.signum() == 0) {
      return false;
    }
    assertThat(amount)
        .isEqualByComparingTo(
            new BigDecimal(rec.get("unit_price")).multiply(new BigDecimal(rec.get("quantity"))));
    assertThat(rec.get("channel")).isIn("web", "store", "app");
    return true;
  }

  private static BigDecimal parseAmount(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
