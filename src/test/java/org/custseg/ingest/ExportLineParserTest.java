package org.custseg.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.sql.Row;
import org.assertj.core.groups.Tuple;
import org.custseg.schema.Columns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * The line parser on its own, without Spark: each file is read by {@link ListedTextInputFormat}'s
 * record reader (as the ingest reads it) and its lines go through {@link ExportLineParser} as one
 * partition. Expected fields are written out by hand from the fixture bytes.
 */
class ExportLineParserTest {

  @TempDir Path dir;

  /** order, customer, date, amount under the headers a shop's export might use. */
  private static LinkedHashMap<String, String> columns(
      String order, String customer, String date, String amount) {
    LinkedHashMap<String, String> c = new LinkedHashMap<>();
    c.put(Columns.TRANSACTION_ID, order);
    c.put(Columns.CUSTOMER_ID, customer);
    c.put(Columns.ORDER_TS, date);
    c.put(Columns.AMOUNT, amount);
    return c;
  }

  private static final LinkedHashMap<String, String> BY_NAME =
      columns("order", "customer", "date", "amount");

  private static ReadSpec csv(String encoding) {
    return new ReadSpec("auto", true, ',', '"', null, encoding, BY_NAME);
  }

  /** Writes {@code bytes} to {@code name} and parses the file. */
  private List<Row> parse(String name, byte[] bytes, ReadSpec spec) {
    Path file = dir.resolve(name);
    try {
      Files.write(file, bytes);
      Configuration conf =
          ListedTextInputFormat.reading(List.of(file.toUri().toString()), new Configuration());
      ListedTextInputFormat format = new ListedTextInputFormat();
      List<InputSplit> splits = format.getSplits(Job.getInstance(conf));
      assertThat(splits).as("one split per file").hasSize(1);
      TaskAttemptContext context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
      List<Row> rows = new ArrayList<>();
      try (RecordReader<LongWritable, Text> reader =
          format.createRecordReader(splits.get(0), context)) {
        reader.initialize(splits.get(0), context);
        new ExportLineParser(spec)
            .wholeFile((FileSplit) splits.get(0), lines(reader))
            .forEachRemaining(rows::add);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<Row> parse(String name, String text, ReadSpec spec) {
    return parse(name, text.getBytes(UTF_8), spec);
  }

  private static Iterator<Tuple2<LongWritable, Text>> lines(RecordReader<LongWritable, Text> r) {
    return TextChunks.records(r, () -> {});
  }

  private static Object get(Row row, String column) {
    return row.get(ExportSchema.PARSED.fieldIndex(column));
  }

  /** Line number, line kind, reason and the four mapped columns of a parsed row. */
  private static Tuple summary(Row r) {
    return tuple(
        get(r, Columns.LINE_NUMBER),
        get(r, ExportSchema.LINE_KIND),
        get(r, ExportSchema.PARSE_ERROR),
        get(r, Columns.TRANSACTION_ID),
        get(r, Columns.CUSTOMER_ID),
        get(r, Columns.ORDER_TS),
        get(r, Columns.AMOUNT));
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof byte[] raw ? raw : ((String) p).getBytes(UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  @Test
  void delimitedFileGivesOneRowPerPhysicalLine() {
    byte[] file =
        bytes(
            "order,customer,date,amount\r\n",
            "t1, c1 ,2024-01-02,10.50\r\n",
            "t2,\"Smith, J\",2024-01-03,\"7.25\"\r\n",
            "t3,\"say \"\"hi\"\"\",2024-01-04,\r\n",
            "\r\n",
            "t4,c4,2024-01-05\n",
            "t5,c5,2024-01-06,1,extra\n",
            "t6,c",
            new byte[] {(byte) 0xE9}, // é in ISO-8859-1: no UTF-8
            ",2024-01-07,2\n",
            "   \n",
            "t7,c7,2024-01-08,4"); // no newline at the end

    List<Row> rows = parse("orders.csv", file, csv("UTF-8"));

    assertThat(rows)
        .extracting(ExportLineParserTest::summary)
        .containsExactly(
            tuple(1L, "header", null, null, null, null, null),
            tuple(2L, null, null, "t1", "c1", "2024-01-02", "10.50"),
            tuple(3L, null, null, "t2", "Smith, J", "2024-01-03", "7.25"),
            tuple(4L, null, null, "t3", "say \"hi\"", "2024-01-04", null),
            tuple(5L, "blank", null, null, null, null, null),
            tuple(6L, null, "malformed_row", null, null, null, null),
            tuple(7L, null, "malformed_row", null, null, null, null),
            tuple(8L, null, "encoding_error", null, null, null, null),
            tuple(9L, "blank", null, null, null, null, null),
            tuple(10L, null, null, "t7", "c7", "2024-01-08", "4"));
    assertThat(rows)
        .extracting(r -> get(r, Columns.LINE_NUMBER), r -> get(r, ExportSchema.PARSE_DETAIL))
        .filteredOn(t -> t.toList().get(1) != null)
        .containsExactly(
            tuple(6L, "expected 4 fields, found 3"),
            tuple(7L, "expected 4 fields, found 5"),
            tuple(8L, "line 8 not valid UTF-8"));
    // The raw line is the line without its CR; an undecodable line is shown with U+FFFD.
    assertThat(rows)
        .extracting(r -> get(r, Columns.RAW_LINE))
        .containsExactly(
            "order,customer,date,amount",
            "t1, c1 ,2024-01-02,10.50",
            "t2,\"Smith, J\",2024-01-03,\"7.25\"",
            "t3,\"say \"\"hi\"\"\",2024-01-04,",
            "",
            "t4,c4,2024-01-05",
            "t5,c5,2024-01-06,1,extra",
            "t6,c\uFFFD,2024-01-07,2",
            "   ",
            "t7,c7,2024-01-08,4");
    // Every field of a data line, trimmed and unquoted, joined by U+001F.
    assertThat(get(rows.get(2), ExportSchema.ALL_FIELDS))
        .isEqualTo("t2\u001fSmith, J\u001f2024-01-03\u001f7.25");
    assertThat(get(rows.get(3), ExportSchema.ALL_FIELDS))
        .isEqualTo("t3\u001fsay \"hi\"\u001f2024-01-04\u001f");
    assertThat(rows)
        .allSatisfy(
            r -> assertThat(get(r, Columns.SOURCE_FILE)).asString().endsWith("/orders.csv"));
  }

  @Test
  void theConfiguredCharsetDecidesWhatDecodes() {
    byte[] file =
        bytes("order,customer,date,amount\n", "t6,c", new byte[] {(byte) 0xE9}, ",2024-01-07,2\n");

    List<Row> rows = parse("latin1.csv", file, csv("ISO-8859-1"));

    assertThat(get(rows.get(1), ExportSchema.PARSE_ERROR)).isNull();
    assertThat(get(rows.get(1), Columns.CUSTOMER_ID)).isEqualTo("c\u00e9");
    assertThat(get(rows.get(1), Columns.RAW_LINE))
        .isEqualTo(
            new String(bytes("t6,c", new byte[] {(byte) 0xE9}, ",2024-01-07,2"), ISO_8859_1));
  }

  @Test
  void nulBytesAreNoText() {
    List<Row> rows =
        parse("nul.csv", "order,customer,date,amount\nt1,c\u00001,2024-01-02,3\n", csv("UTF-8"));

    assertThat(get(rows.get(1), ExportSchema.PARSE_ERROR)).isEqualTo("encoding_error");
    assertThat(get(rows.get(1), ExportSchema.PARSE_DETAIL))
        .isEqualTo("line 2 holds NUL bytes (binary data, or UTF-16 text?)");
  }

  @Test
  void byteOrderMarkBeforeTheHeaderIsDropped() {
    List<Row> rows =
        parse("bom.csv", "\uFEFForder,customer,date,amount\nt1,c1,2024-01-02,3\n", csv("UTF-8"));

    assertThat(get(rows.get(0), Columns.RAW_LINE)).isEqualTo("order,customer,date,amount");
    assertThat(get(rows.get(0), ExportSchema.PARSE_DETAIL)).isNull();
    assertThat(get(rows.get(1), Columns.TRANSACTION_ID)).isEqualTo("t1");
  }

  @Test
  void headerProblemIsEveryDataLinesReason() {
    // Columns in another order, an unmapped one, the amount missing.
    List<Row> rows =
        parse(
            "noamount.csv",
            "date,note,customer,order\n2024-01-02,x,c1,t1\n\n2024-01-03,y,c2,t2\n",
            csv("UTF-8"));

    assertThat(rows)
        .extracting(
            r -> get(r, Columns.LINE_NUMBER),
            r -> get(r, ExportSchema.LINE_KIND),
            r -> get(r, ExportSchema.PARSE_ERROR),
            r -> get(r, ExportSchema.PARSE_DETAIL))
        .containsExactly(
            tuple(1L, "header", null, "header lacks required column(s) amount"),
            tuple(2L, null, "missing_column", "header lacks required column(s) amount"),
            tuple(3L, "blank", null, null),
            tuple(4L, null, "missing_column", "header lacks required column(s) amount"));
  }

  @Test
  void headerInAnotherOrderWithAnAbsentOptionalColumn() {
    LinkedHashMap<String, String> mapping = columns("order", "customer", "date", "amount");
    mapping.put(Columns.CURRENCY, "currency");
    ReadSpec spec = new ReadSpec("csv", true, ',', '"', null, "UTF-8", mapping);

    List<Row> rows =
        parse("reordered.txt", "amount,customer,extra,date,order\n5,c1,z,2024-01-02,t1\n", spec);

    Row data = rows.get(1);
    assertThat(get(data, Columns.TRANSACTION_ID)).isEqualTo("t1");
    assertThat(get(data, Columns.CUSTOMER_ID)).isEqualTo("c1");
    assertThat(get(data, Columns.ORDER_TS)).isEqualTo("2024-01-02");
    assertThat(get(data, Columns.AMOUNT)).isEqualTo("5");
    assertThat(get(data, Columns.CURRENCY)).isNull();
    assertThat(get(data, Columns.ABSENT_COLUMNS)).isEqualTo("currency");
    assertThat(get(data, ExportSchema.ALL_FIELDS))
        .isEqualTo("5\u001fc1\u001fz\u001f2024-01-02\u001ft1");
  }

  @Test
  void undecodableHeaderMakesEveryDataLineAnEncodingError() {
    byte[] file =
        bytes("order,cust", new byte[] {(byte) 0xFF}, ",date,amount\n", "t1,c1,2024-01-02,3\n");

    List<Row> rows = parse("badheader.csv", file, csv("UTF-8"));

    assertThat(rows)
        .extracting(
            r -> get(r, ExportSchema.LINE_KIND),
            r -> get(r, ExportSchema.PARSE_ERROR),
            r -> get(r, ExportSchema.PARSE_DETAIL))
        .containsExactly(
            tuple("header", null, "the header (line 1) not valid UTF-8"),
            tuple(null, "encoding_error", "the header (line 1) not valid UTF-8"));
  }

  @Test
  void unbalancedQuoteCannotBeSplit() {
    List<Row> rows =
        parse("quote.csv", "order,customer,date,amount\nt1,\"c1,2024-01-02,3\n", csv("UTF-8"));

    assertThat(get(rows.get(1), ExportSchema.PARSE_ERROR)).isEqualTo("malformed_row");
    assertThat(get(rows.get(1), ExportSchema.PARSE_DETAIL)).asString().startsWith("cannot split: ");
  }

  @Test
  void escapeCharacterInsideQuotes() {
    ReadSpec spec = new ReadSpec("auto", true, ',', '"', '\\', "UTF-8", BY_NAME);

    List<Row> rows =
        parse("escaped.csv", "order,customer,date,amount\nt1,\"a\\\"b\",2024-01-02,3\n", spec);

    assertThat(get(rows.get(1), Columns.CUSTOMER_ID)).isEqualTo("a\"b");
  }

  @Test
  void tabSeparatedFile() {
    ReadSpec spec = new ReadSpec("auto", true, '\t', '"', null, "UTF-8", BY_NAME);

    List<Row> rows =
        parse(
            "orders.tsv",
            "order\tcustomer\tdate\tamount\nt1\tSmith, J\t2024-01-02\t3\nt2\t\t2024-01-03\t4\n",
            spec);

    assertThat(rows)
        .extracting(ExportLineParserTest::summary)
        .containsExactly(
            tuple(1L, "header", null, null, null, null, null),
            tuple(2L, null, null, "t1", "Smith, J", "2024-01-02", "3"),
            tuple(3L, null, null, "t2", null, "2024-01-03", "4"));
  }

  @Test
  void whitespaceSeparatedFileWithoutHeaderMapsColumnsByPosition() {
    // Without a header the mapping holds 1-based positions; the field count is not checked.
    ReadSpec spec =
        new ReadSpec("csv", false, null, '"', null, "UTF-8", columns("4", "1", "2", "3"));

    List<Row> rows =
        parse(
            "orders.dat",
            "  c1   2024-01-02\t10.5  t1\nc2 2024-01-03 7 t2 extra\nc3 2024-01-04 9\n",
            spec);

    assertThat(rows)
        .extracting(
            r -> get(r, Columns.LINE_NUMBER),
            r -> get(r, Columns.TRANSACTION_ID),
            r -> get(r, Columns.CUSTOMER_ID),
            r -> get(r, Columns.ORDER_TS),
            r -> get(r, Columns.AMOUNT),
            r -> get(r, ExportSchema.PARSE_DETAIL))
        .containsExactly(
            tuple(1L, "t1", "c1", "2024-01-02", "10.5", null),
            tuple(2L, "t2", "c2", "2024-01-03", "7", null),
            tuple(3L, null, null, null, null, "column 4 missing: found 3 fields"));
    assertThat(get(rows.get(2), ExportSchema.PARSE_ERROR)).isEqualTo("malformed_row");
  }

  @Test
  void jsonLinesReadFieldsByName() {
    String file =
        String.join(
            "\n",
            "{\"order\":\"j1\",\"customer\":\"c1\",\"date\":\"2024-01-02\",\"amount\":12.50}",
            "",
            "{\"order\":\"j2\",\"customer\":\"c2\"",
            "[1,2]",
            "{\"customer\":{\"id\":7},\"date\":null,\"amount\":\" 3 \",\"extra\":1}",
            "{\"order\":5,\"customer\":\"c6\",\"date\":\"2024-01-06\",\"amount\":1E+3}");

    List<Row> rows = parse("orders.jsonl", file, csv("UTF-8"));

    // A JSON number is read as its value (12.50 as 12.5, 1E+3 as 1000), a string as its text.
    assertThat(rows)
        .extracting(ExportLineParserTest::summary)
        .containsExactly(
            tuple(1L, null, null, "j1", "c1", "2024-01-02", "12.5"),
            tuple(2L, "blank", null, null, null, null, null),
            tuple(3L, null, "malformed_row", null, null, null, null),
            tuple(4L, null, "malformed_row", null, null, null, null),
            tuple(5L, null, null, null, "{\"id\":7}", null, "3"),
            tuple(6L, null, null, "5", "c6", "2024-01-06", "1000"));
    assertThat(get(rows.get(2), ExportSchema.PARSE_DETAIL))
        .asString()
        .startsWith("not a JSON object: ");
    assertThat(get(rows.get(3), ExportSchema.PARSE_DETAIL)).isEqualTo("not a JSON object");
    assertThat(get(rows.get(4), ExportSchema.ALL_FIELDS))
        .isEqualTo("{\"customer\":{\"id\":7},\"date\":null,\"amount\":\" 3 \",\"extra\":1}");
    assertThat(rows).extracting(r -> get(r, Columns.ABSENT_COLUMNS)).containsOnlyNulls();
  }

  @Test
  void fastSplitKeepsEmptyFields() {
    assertThat(ExportLineParser.fastSplit("a,,b,", ',')).containsExactly("a", "", "b", "");
    assertThat(ExportLineParser.fastSplit("", ',')).containsExactly("");
  }

  @Test
  void refusesAPartitionThatIsNotAWholeFile() {
    FileSplit middle =
        new FileSplit(new org.apache.hadoop.fs.Path("/x/orders.csv"), 100, 50, new String[0]);

    assertThatThrownBy(
            () ->
                new ExportLineParser(csv("UTF-8"))
                    .wholeFile(middle, List.<Tuple2<LongWritable, Text>>of().iterator()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("export file split unexpectedly: ");
  }
}
