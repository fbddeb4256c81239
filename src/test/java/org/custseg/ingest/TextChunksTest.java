package org.custseg.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * A text file read in byte ranges gives exactly the rows of the whole file read by one task: the
 * same line numbers, header, blank lines, CRLF, encoding errors and malformed lines, wherever the
 * ranges are cut.
 */
class TextChunksTest extends SparkTestBase {

  private static final String HEADER = "transaction_id,customer_id,order_ts,amount,currency";

  @TempDir Path dir;

  private static LinkedHashMap<String, String> columns() {
    LinkedHashMap<String, String> c = new LinkedHashMap<>();
    c.put(Columns.TRANSACTION_ID, "transaction_id");
    c.put(Columns.CUSTOMER_ID, "customer_id");
    c.put(Columns.ORDER_TS, "order_ts");
    c.put(Columns.AMOUNT, "amount");
    c.put(Columns.CURRENCY, "currency");
    return c;
  }

  private static final ReadSpec CSV =
      new ReadSpec("auto", true, ',', '"', null, "UTF-8", columns());

  /** A file with a BOM, CRLF and LF lines, blank lines, bad lines and no final newline. */
  private static byte[] awkward() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes((HEADER + "\r\n").getBytes(UTF_8));
    for (int i = 1; i <= 12; i++) {
      out.writeBytes(
          ("A" + i + ",C" + (i % 3) + ",2025-01-0" + (i % 9 + 1) + "," + i + ",EUR")
              .getBytes(UTF_8));
      out.writeBytes((i % 2 == 0 ? "\r\n" : "\n").getBytes(UTF_8));
      if (i == 4) {
        out.writeBytes("\n   \r\n".getBytes(UTF_8)); // two blank lines
      }
      if (i == 7) {
        out.writeBytes("B7,C1,2025-01-03,5\n".getBytes(UTF_8)); // a field short
        out.writeBytes(new byte[] {'B', '8', ',', 'C', (byte) 0xE9, ',', '1', '\n'}); // not UTF-8
      }
    }
    out.writeBytes("A13,C1,2025-01-05,13,EUR".getBytes(UTF_8)); // no newline at the end
    return out.toByteArray();
  }

  private static List<Row> wholeFile(Path file, ReadSpec spec, Configuration conf)
      throws IOException {
    String name = file.toUri().toString();
    Configuration reading = ListedTextInputFormat.reading(List.of(name), conf);
    List<InputSplit> splits = new ListedTextInputFormat().getSplits(Job.getInstance(reading));
    assertThat(splits).hasSize(1);
    FileSplit split = (FileSplit) splits.get(0);
    List<Row> rows = new ArrayList<>();
    try (RecordReader<LongWritable, Text> r = TextChunks.reader(split, reading)) {
      new ExportLineParser(spec).wholeFile(split, lines(r)).forEachRemaining(rows::add);
    }
    return rows;
  }

  /** The file cut into splits of {@code size} bytes, each range read on its own. */
  private static List<Row> inRanges(Path file, ReadSpec spec, long size) throws IOException {
    String name = file.toUri().toString();
    Configuration reading = ListedTextInputFormat.reading(List.of(name), new Configuration());
    Job job = Job.getInstance(reading);
    FileInputFormat.setMinInputSplitSize(job, size);
    FileInputFormat.setMaxInputSplitSize(job, size);
    List<FileSplit> splits = new ArrayList<>();
    for (InputSplit s : new ListedTextInputFormat().getSplits(job)) {
      splits.add((FileSplit) s);
    }
    Map<TextChunks.Chunk, Long> counted = new HashMap<>();
    for (TextChunks.Chunk c : TextChunks.toCount(splits)) {
      counted.put(c, TextChunks.newlines(c, reading));
    }
    List<Row> rows = new ArrayList<>();
    ExportLineParser parser = new ExportLineParser(spec);
    for (TextChunks.Chunk c : TextChunks.numbered(splits, counted)) {
      try (RecordReader<LongWritable, Text> r = TextChunks.reader(c.split(), reading)) {
        parser
            .rows(
                c.file(),
                c.start(),
                c.newlinesBefore(),
                () -> TextChunks.firstLine(c.file(), reading),
                lines(r))
            .forEachRemaining(rows::add);
      }
    }
    return rows;
  }

  private static Iterator<Tuple2<LongWritable, Text>> lines(RecordReader<LongWritable, Text> r) {
    return TextChunks.records(r, () -> {});
  }

  @Test
  void everyCutGivesTheRowsOfTheWholeFile() throws IOException {
    byte[] bytes = awkward();
    Path file = dir.resolve("awkward_2025-01-10.csv");
    Files.write(file, bytes);
    List<Row> whole = wholeFile(file, CSV, new Configuration());
    assertThat(whole).hasSize(18);
    assertThat(whole.get(0).getString(2)).isEqualTo(HEADER);

    for (long size = 1; size <= bytes.length; size += size < 80 ? 1 : 13) {
      assertThat(inRanges(file, CSV, size)).as("splits of %d bytes", size).isEqualTo(whole);
    }
  }

  @Test
  void aHeaderThatLacksAColumnQuarantinesTheLinesOfEveryRange() throws IOException {
    StringBuilder text = new StringBuilder("transaction_id,customer_id,amount\n");
    for (int i = 0; i < 20; i++) {
      text.append("A").append(i).append(",C1,").append(i).append('\n');
    }
    Path file = dir.resolve("noorderts.csv");
    Files.writeString(file, text);
    List<Row> whole = wholeFile(file, CSV, new Configuration());

    for (long size : new long[] {7, 30, 61, 200}) {
      List<Row> ranged = inRanges(file, CSV, size);
      assertThat(ranged).isEqualTo(whole);
      assertThat(ranged.subList(1, ranged.size()))
          .allSatisfy(
              r ->
                  assertThat(r.getString(ExportSchema.PARSED.fieldIndex(ExportSchema.PARSE_ERROR)))
                      .isEqualTo("missing_column"));
    }
  }

  @Test
  void jsonLinesAndFilesWithoutHeaderAreNumberedAlike() throws IOException {
    Path json = dir.resolve("orders.jsonl");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      text.append(
              i == 6
                  ? "not json"
                  : "{\"transaction_id\":\"J" + i + "\",\"customer_id\":\"C1\",\"amount\":1}")
          .append(i % 4 == 0 ? "\r\n\n" : "\n");
    }
    Files.writeString(json, text);
    List<Row> whole = wholeFile(json, CSV, new Configuration());
    for (long size = 5; size < text.length(); size += 7) {
      assertThat(inRanges(json, CSV, size)).as("splits of %d bytes", size).isEqualTo(whole);
    }

    LinkedHashMap<String, String> positions = new LinkedHashMap<>();
    positions.put(Columns.CUSTOMER_ID, "1");
    positions.put(Columns.ORDER_TS, "2");
    positions.put(Columns.AMOUNT, "3");
    ReadSpec headerless = new ReadSpec("auto", false, null, '"', null, "UTF-8", positions);
    Path cdnow = dir.resolve("cdnow.txt");
    Files.writeString(cdnow, "00001 19970101 1 11.77\r\n00002 19970112 1 12.00\r\n\r\n00003 x\r\n");
    List<Row> plain = wholeFile(cdnow, headerless, new Configuration());
    for (long size = 1; size < 60; size++) {
      assertThat(inRanges(cdnow, headerless, size)).isEqualTo(plain);
    }
  }

  @Test
  void aLargeFileIsReadByManyTasksWithTheCountsOfOneTask() throws IOException {
    StringBuilder text = new StringBuilder(HEADER + "\r\n");
    for (int i = 1; i <= 400; i++) {
      text.append(
          i % 50 == 0
              ? ""
              : "T" + i + ",C" + (i % 37) + ",2025-01-0" + (i % 9 + 1) + "," + i + ",EUR");
      text.append(i == 137 ? ",extra" : "").append(i % 3 == 0 ? "\r\n" : "\n");
    }
    Path file = dir.resolve("history_2025-01-10.csv");
    Files.writeString(file, text);
    IngestFixtures.InputBuilder input = new IngestFixtures.InputBuilder(file.toString());
    LocalDate runDate = LocalDate.of(2025, 1, 31);

    Configuration conf = spark().sparkContext().hadoopConfiguration();
    List<Row> whole;
    IngestCounts wholeCounts;
    Dataset<Row> ranged;
    List<Row> rangedRows;
    IngestCounts rangedCounts;
    conf.setLong(TextChunks.MAX_SPLIT_BYTES, 1L << 30);
    try {
      Dataset<Row> one =
          ExportReader.read(spark(), List.of(file.toString()), ReadSpec.from(input.build()));
      assertThat(one.rdd().getNumPartitions()).isEqualTo(1);
      whole = one.orderBy(Columns.LINE_NUMBER).collectAsList();
      wholeCounts = IngestFixtures.counts(spark(), input.build(), runDate, runDate);
      conf.setLong(TextChunks.MAX_SPLIT_BYTES, 500);
      ranged = ExportReader.read(spark(), List.of(file.toString()), ReadSpec.from(input.build()));
      rangedRows = ranged.orderBy(Columns.LINE_NUMBER).collectAsList();
      rangedCounts = IngestFixtures.counts(spark(), input.build(), runDate, runDate);
    } finally {
      conf.unset(TextChunks.MAX_SPLIT_BYTES);
    }

    assertThat(text.length()).isGreaterThan(10 * 500);
    assertThat(ranged.rdd().getNumPartitions()).isGreaterThan(1);
    assertThat(rangedRows).hasSize(401).isEqualTo(whole);
    assertThat(rangedCounts).isEqualTo(wholeCounts);
    assertThat(rangedCounts.physicalLines()).isEqualTo(401);
    assertThat(rangedCounts.blankLines()).isEqualTo(8);
    assertThat(rangedCounts.quarantinedByReason()).containsEntry("malformed_row", 1L);
  }

  @Test
  void chunksArePackedIntoAFewEvenGroups() {
    List<TextChunks.Chunk> tiny = new ArrayList<>();
    for (int i = 0; i < 731; i++) {
      tiny.add(new TextChunks.Chunk("f" + i, 0, 1500, 0));
    }
    assertThat(TextChunks.pack(tiny, 2))
        .hasSize(4)
        .allSatisfy(g -> assertThat(g).hasSizeBetween(182, 183));

    List<TextChunks.Chunk> big = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      big.add(new TextChunks.Chunk("big", i * (32L << 20), 32L << 20, 0));
    }
    for (int i = 0; i < 700; i++) {
      big.add(new TextChunks.Chunk("day" + i, 0, 1500, 0));
    }
    List<List<TextChunks.Chunk>> groups = TextChunks.pack(big, 2);
    assertThat(groups).hasSize(8);
    long total = big.stream().mapToLong(c -> c.length() + TextChunks.OPEN_COST_BYTES).sum();
    // every group within one 32 MiB range of an eighth of the whole, each file's ranges in order
    assertThat(groups)
        .allSatisfy(
            g ->
                assertThat(g.stream().mapToLong(c -> c.length() + TextChunks.OPEN_COST_BYTES).sum())
                    .isBetween(total / 8 - (33L << 20), total / 8 + (33L << 20)));
    assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(big);
  }
}
