package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-level corruption of a valid export (seeded): 200 copies of the corpus's good file, each
 * damaged once (a flipped high bit, a truncated line, an inserted NUL, a mangled header), read in
 * one run. Whatever the damage, every physical line of every copy is accounted for exactly once
 * (counted independently: the LF bytes, plus a last line without one) and every clean row is one of
 * the original rows.
 */
class ByteCorruptionPropertyTest extends SparkTestBase {

  private static final int COPIES = 200;
  private static final long SEED = 20251227L;

  @TempDir Path dir;

  /** How a copy was damaged. */
  enum Damage {
    FLIPPED_HIGH_BIT,
    TRUNCATED_LINE,
    INSERTED_NUL,
    MANGLED_HEADER
  }

  @Test
  void everyLineIsAccountedForOnceAndEveryCleanRowIsAnOriginalRow() throws IOException {
    byte[] good = Files.readAllBytes(IngestFixtures.resource("ingest/corpus/good_2025-01-10.csv"));
    Random random = new Random(SEED);
    Map<String, Long> expectedLines = new HashMap<>();
    Map<Damage, Integer> damages = new java.util.EnumMap<>(Damage.class);
    for (int i = 0; i < COPIES; i++) {
      Damage damage = Damage.values()[random.nextInt(Damage.values().length)];
      damages.merge(damage, 1, Integer::sum);
      byte[] bytes = damage(good, damage, random);
      String name = String.format(java.util.Locale.ROOT, "copy%03d_2025-01-10.csv", i);
      Files.write(dir.resolve(name), bytes);
      expectedLines.put(name, physicalLines(bytes));
    }
    assertThat(damages).as("every kind of damage was drawn").hasSize(Damage.values().length);

    IngestFixtures.InputBuilder input = new IngestFixtures.InputBuilder(dir.toString());
    // Every valid value of the file's last column is listed, so a cut that shortens it is seen.
    input.currencies = List.of("EUR", "USD");
    // No deduplication: each copy's rows are judged on their own.
    input.dedupeKey = "none";
    List<Row> rows =
        IngestFixtures.classify(
                spark(), input.build(), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 1))
            .collectAsList();

    Map<String, Long> lines = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Row r : rows) {
      String file = r.getAs(Columns.SOURCE_FILE);
      String name = file.substring(file.lastIndexOf('/') + 1);
      lines.merge(name, 1L, Long::sum);
      assertThat(seen.add(name + "#" + r.getAs(Columns.LINE_NUMBER)))
          .as("line %s#%s once", name, r.getAs(Columns.LINE_NUMBER))
          .isTrue();
    }
    assertThat(lines).isEqualTo(expectedLines);

    // customer | timestamp | amount | currency of each original row, and its transaction id
    Map<String, String> originals =
        Map.of(
            "C1|2025-01-10 10:00:00.0|10.00|EUR", "T1",
            "C2|2025-01-10 11:00:00.0|20.50|USD", "T2",
            "C1|2025-01-10 00:00:00.0|5.00|EUR", "T3");
    long clean = 0;
    for (Row r : rows) {
      if ("clean".equals(r.getAs("status"))) {
        clean++;
        String values =
            r.getAs(Columns.CUSTOMER_ID)
                + "|"
                + r.getAs(Columns.ORDER_TS)
                + "|"
                + r.<BigDecimal>getAs(Columns.AMOUNT).setScale(2)
                + "|"
                + r.getAs(Columns.CURRENCY);
        String where = r.getAs(Columns.SOURCE_FILE) + "#" + r.getAs(Columns.LINE_NUMBER);
        assertThat(originals).as("clean row at %s", where).containsKey(values);
        // the original id, or none when the damage took the column's name ("@" + its time then)
        String moment =
            "@"
                + r.<java.sql.Timestamp>getAs(Columns.ORDER_TS)
                    .toLocalDateTime()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(r.<String>getAs(Columns.TRANSACTION_ID))
            .as("id at %s", where)
            .satisfiesAnyOf(
                id -> assertThat(id).isEqualTo(originals.get(values)),
                id -> assertThat(id).isEqualTo(moment));
      }
    }
    assertThat(clean).as("undamaged rows stay clean").isPositive();
  }

  /** Lines as {@code wc -l} counts them, plus a last line without a newline. */
  private static long physicalLines(byte[] bytes) {
    long n = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        n++;
      }
    }
    return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? n + 1 : n;
  }

  private static byte[] damage(byte[] good, Damage damage, Random random) {
    byte[] b = good.clone();
    int headerEnd = indexOf(b, (byte) '\n', 0);
    switch (damage) {
      case FLIPPED_HIGH_BIT -> {
        int at = random.nextInt(b.length);
        b[at] ^= (byte) 0x80;
        return b;
      }
      case TRUNCATED_LINE -> {
        // cut a data line short: the rest of it is lost, its newline kept (or, for the last
        // line, the file ends there)
        int start = headerEnd + 1 + random.nextInt(b.length - headerEnd - 1);
        int lineEnd = indexOf(b, (byte) '\n', start);
        int end = lineEnd < 0 ? b.length : lineEnd;
        int cut = start + (end > start ? random.nextInt(end - start) : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, cut);
        if (lineEnd >= 0 && random.nextBoolean()) {
          out.write(b, end, b.length - end);
        }
        return out.toByteArray();
      }
      case INSERTED_NUL -> {
        int at = random.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.write(0);
        out.write(b, at, b.length - at);
        return out.toByteArray();
      }
      case MANGLED_HEADER -> {
        String header = new String(b, 0, headerEnd, StandardCharsets.US_ASCII);
        String[] names = header.split(",");
        int i = random.nextInt(names.length);
        names[i] = random.nextBoolean() ? names[i].toUpperCase(java.util.Locale.ROOT) : "";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.join(",", names).getBytes(StandardCharsets.US_ASCII));
        out.write(b, headerEnd, b.length - headerEnd);
        return out.toByteArray();
      }
      default -> throw new IllegalStateException();
    }
  }

  private static int indexOf(byte[] b, byte v, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
