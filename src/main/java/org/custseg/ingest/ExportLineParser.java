package org.custseg.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.custseg.schema.Columns;
import org.custseg.schema.QuarantineReason;
import scala.Tuple2;

/**
 * Turns the lines of one text export file, or of one byte range of it, into rows of the {@link
 * ExportSchema#PARSED} schema: the logical columns as text, the file name, the line number and,
 * when the line is unusable, a reason code. Delimited text (CSV, TSV, whitespace-separated) and
 * JSON lines (one object per line, fields by name) are read this way. Lines are decoded strictly in
 * the configured charset, so a file in another encoding is reported rather than turned into
 * mojibake.
 */
final class ExportLineParser implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** The separator of the fields in {@link ExportSchema#ALL_FIELDS}. */
  static final String FIELD_SEPARATOR = "\u001f";

  private final ReadSpec spec;

  ExportLineParser(ReadSpec spec) {
    this.spec = spec;
  }

  /**
   * The rows of a whole file (a split that starts at byte 0), numbered from line 1: {@link #rows}
   * for a file read in one piece.
   */
  Iterator<Row> wholeFile(FileSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    if (split.getStart() != 0) {
      throw new IllegalStateException("export file split unexpectedly: " + split);
    }
    return rows(split.getPath().toString(), 0, 0, null, lines);
  }

  /**
   * The rows of one byte range of a file ({@link TextChunks.Chunk}): the lines that Hadoop's line
   * reader assigns to it (those that start after its first byte, or at byte 0), numbered exactly.
   *
   * @param newlinesBefore the LF bytes of the file before the range's first byte
   * @param firstLine the file's line 1 as its reader returns it, read only when a range that does
   *     not start at byte 0 needs the header
   */
  Iterator<Row> rows(
      String file,
      long start,
      long newlinesBefore,
      Supplier<Text> firstLine,
      Iterator<Tuple2<LongWritable, Text>> lines) {
    return new FileRows(file, start, newlinesBefore, firstLine, lines);
  }

  private static final int ABSENT_COLUMNS = ExportSchema.PARSED.fieldIndex(Columns.ABSENT_COLUMNS);

  private final class FileRows implements Iterator<Row> {
    private final String file;
    private final Iterator<Tuple2<LongWritable, Text>> lines;
    private final CharsetDecoder strict;
    private final Charset charset;
    private final boolean json;
    private final CSVFormat format;
    private final String[] logical;
    private ObjectMapper mapper;
    private HeaderMapping header;

    /** The header's absent columns as every row of the file carries them: built once per file. */
    private String absentText;

    private long lineNumber;
    private Row next;

    /** The range's first byte in the file, and the LF bytes before it. */
    private final long start;

    private final long newlinesBefore;
    private final Supplier<Text> firstLine;
    private boolean first = true;

    FileRows(
        String file,
        long start,
        long newlinesBefore,
        Supplier<Text> firstLine,
        Iterator<Tuple2<LongWritable, Text>> lines) {
      this.file = file;
      this.start = start;
      this.newlinesBefore = newlinesBefore;
      this.firstLine = firstLine;
      this.lines = lines;
      this.charset = Charset.forName(spec.encoding());
      this.strict =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      this.json = spec.formatOf(file) == ReadSpec.FileFormat.JSON;
      this.format =
          spec.delimiter() == null
              ? null
              : CSVFormat.DEFAULT
                  .builder()
                  .setDelimiter(spec.delimiter())
                  .setQuote(spec.quote())
                  .setEscape(spec.escape())
                  .get();
      this.logical = spec.columns().keySet().toArray(new String[0]);
      if (json) {
        mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
      } else if (!spec.header()) {
        int[] positions = new int[logical.length];
        for (int i = 0; i < logical.length; i++) {
          positions[i] = Integer.parseInt(spec.columns().get(logical[i]).trim()) - 1;
        }
        useHeader(HeaderMapping.fixed(positions));
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null && lines.hasNext()) {
        Tuple2<LongWritable, Text> line = lines.next();
        if (first) {
          first = false;
          begin(line._1().get());
        }
        next = parse(line._2());
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = next;
      next = null;
      return row;
    }

    /**
     * Numbers the range's first line, which starts at byte {@code at}: the reader of a range that
     * does not start at byte 0 skips to the first line that starts after its first byte (past
     * exactly one LF), so that line's number is {@code newlinesBefore + 2}; at byte 0 it is 1. A
     * range after byte 0 of a delimited file with a header reads the header (line 1) first.
     */
    private void begin(long at) {
      if (start == 0) {
        return;
      }
      if (at < start) {
        throw new IllegalStateException(
            "line at byte " + at + " before its range at " + start + " in " + file);
      }
      lineNumber = newlinesBefore + (at > start ? 1 : 0);
      if (header == null && !json) {
        Decoded h = decode(firstLine.get(), 1);
        useHeader(readHeader(h.line, h.notText));
      }
    }

    /** A line decoded strictly: its text, or {@code null} and why it is no text. */
    private record Decoded(String line, String notText, String shown) {}

    private Decoded decode(Text text, long number) {
      int length = text.getLength();
      if (length > 0 && text.getBytes()[length - 1] == '\r') {
        length--; // CRLF: the reader splits at LF
      }
      String line;
      String notText = null;
      try {
        line = strict.decode(ByteBuffer.wrap(text.getBytes(), 0, length)).toString();
        if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
      } catch (CharacterCodingException e) {
        line = null;
        notText = "not valid " + spec.encoding();
      }
      String shown = line != null ? line : new String(text.getBytes(), 0, length, charset);
      if (line != null && line.indexOf('\0') >= 0) {
        line = null;
        notText = "holds NUL bytes (binary data, or UTF-16 text?)";
      }
      return new Decoded(line, notText, shown);
    }

    /**
     * One row per physical line: line 1 of a delimited file with a header is the header line
     * (whatever its bytes), a whitespace-only line is a blank line, every other line is a data
     * line.
     */
    private Row parse(Text text) {
      lineNumber++;
      Decoded d = decode(text, lineNumber);
      String line = d.line;
      String notText = d.notText;
      String shown = d.shown;
      if (header == null && !json) {
        if (lineNumber != 1) {
          throw new IllegalStateException("no header for line " + lineNumber + " of " + file);
        }
        useHeader(readHeader(line, notText));
        return kind(shown, ExportSchema.HEADER_LINE, header.detail());
      }
      if (line != null && line.isBlank()) {
        return kind(shown, ExportSchema.BLANK_LINE, null);
      }
      if (header != null && header.problem() != null) {
        return problem(shown, header.problem(), header.detail());
      }
      if (line == null) {
        return problem(
            shown, QuarantineReason.ENCODING_ERROR, "line " + lineNumber + " " + notText);
      }
      return json ? parseJson(line) : parseFields(line);
    }

    private Row parseFields(String line) {
      List<String> fields;
      try {
        fields = split(line);
      } catch (RuntimeException e) {
        return problem(line, QuarantineReason.MALFORMED_ROW, "cannot split: " + e.getMessage());
      }
      if (header.fields() >= 0 && fields.size() != header.fields()) {
        return problem(
            line,
            QuarantineReason.MALFORMED_ROW,
            "expected " + header.fields() + " fields, found " + fields.size());
      }
      Object[] values = located(line);
      StringBuilder all = new StringBuilder(line.length());
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          all.append(FIELD_SEPARATOR);
        }
        all.append(fields.get(i).trim());
      }
      values[ExportSchema.PARSED.fieldIndex(ExportSchema.ALL_FIELDS)] = all.toString();
      for (int i = 0; i < logical.length; i++) {
        int p = header.positions()[i];
        if (p < 0) {
          continue;
        }
        if (p >= fields.size()) {
          return problem(
              line,
              QuarantineReason.MALFORMED_ROW,
              "column " + (p + 1) + " missing: found " + fields.size() + " fields");
        }
        String v = fields.get(p).trim();
        values[ExportSchema.PARSED.fieldIndex(logical[i])] = v.isEmpty() ? null : v;
      }
      return RowFactory.create(values);
    }

    /**
     * The header line (line 1), or {@code null} with why it is no text: a file whose header cannot
     * be used has no readable line.
     */
    private HeaderMapping readHeader(String line, String notText) {
      if (line == null) {
        return HeaderMapping.unreadable(
            QuarantineReason.ENCODING_ERROR, "the header (line 1) " + notText);
      }
      try {
        return HeaderMapping.of(split(line), spec.columns());
      } catch (RuntimeException e) {
        return HeaderMapping.unreadable(
            QuarantineReason.MALFORMED_ROW,
            "the header (line 1) cannot be split: " + e.getMessage());
      }
    }

    private Row parseJson(String line) {
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (JsonProcessingException e) {
        return problem(
            line, QuarantineReason.MALFORMED_ROW, "not a JSON object: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        return problem(line, QuarantineReason.MALFORMED_ROW, "not a JSON object");
      }
      Object[] values = located(line);
      values[ExportSchema.PARSED.fieldIndex(ExportSchema.ALL_FIELDS)] = node.toString();
      for (String name : logical) {
        JsonNode v = node.get(spec.columns().get(name));
        String text =
            v == null || v.isNull()
                ? null
                : v.isFloatingPointNumber()
                    ? v.decimalValue().toPlainString()
                    : v.isValueNode() ? v.asText().trim() : v.toString();
        values[ExportSchema.PARSED.fieldIndex(name)] = text == null || text.isEmpty() ? null : text;
      }
      return RowFactory.create(values);
    }

    private Object[] located(String line) {
      Object[] values = new Object[ExportSchema.PARSED.size()];
      values[0] = file;
      values[1] = lineNumber;
      values[2] = line;
      values[ABSENT_COLUMNS] = absentText;
      return values;
    }

    private void useHeader(HeaderMapping h) {
      header = h;
      absentText = h.absentText();
    }

    private List<String> split(String line) {
      if (format == null) {
        return List.of(line.trim().split("\\s+"));
      }
      if (line.indexOf(spec.quote()) < 0
          && (spec.escape() == null || line.indexOf(spec.escape()) < 0)) {
        return fastSplit(line, spec.delimiter());
      }
      try (CSVParser parser = CSVParser.parse(line, format)) {
        List<CSVRecord> records = parser.getRecords();
        if (records.size() != 1) {
          throw new IllegalArgumentException(records.size() + " records on one line");
        }
        return records.get(0).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A line that is no data line: the header line or a blank line. */
    private Row kind(String line, String kind, String detail) {
      Object[] values = located(line);
      values[ExportSchema.PARSED.fieldIndex(ExportSchema.LINE_KIND)] = kind;
      values[ExportSchema.PARSED.fieldIndex(ExportSchema.PARSE_DETAIL)] = detail;
      return RowFactory.create(values);
    }

    private Row problem(String line, QuarantineReason reason, String detail) {
      Object[] values = located(line);
      values[ExportSchema.PARSED.fieldIndex(ExportSchema.PARSE_ERROR)] = reason.code();
      values[ExportSchema.PARSED.fieldIndex(ExportSchema.PARSE_DETAIL)] = detail;
      return RowFactory.create(values);
    }
  }

  /** Splits a line that holds no quote character. */
  static List<String> fastSplit(String line, char delimiter) {
    List<String> out = new ArrayList<>(12);
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == delimiter) {
        out.add(line.substring(start, i));
        start = i + 1;
      }
    }
    out.add(line.substring(start));
    return out;
  }
}
