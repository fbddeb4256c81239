package org.custseg.ingest;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.custseg.config.InputSettings;

/**
 * How to read an export file and split its lines into fields, shipped to the executors.
 *
 * @param format {@code auto} (by file extension), {@code csv}, {@code json} or {@code parquet}
 * @param header whether line 1 of every delimited-text file is a header
 * @param delimiter the field delimiter, or {@code null} for runs of white space
 * @param quote the quote character
 * @param escape the escape character inside quoted fields, or {@code null} for none (a quote is
 *     then escaped by doubling it, as in RFC 4180)
 * @param encoding the charset the text files are written in
 * @param columns logical column name to header name (or, without a header, 1-based position; for
 *     JSON and Parquet the field name)
 */
public record ReadSpec(
    String format,
    boolean header,
    Character delimiter,
    char quote,
    Character escape,
    String encoding,
    LinkedHashMap<String, String> columns)
    implements Serializable {

  /** The delimiter setting that means "any run of spaces or tabs". */
  public static final String WHITESPACE = InputSettings.WHITESPACE;

  /** The physical format of one file. */
  public enum FileFormat {
    CSV,
    JSON,
    PARQUET
  }

  public static ReadSpec from(InputSettings input) {
    Character delimiter = WHITESPACE.equals(input.delimiter()) ? null : input.delimiter().charAt(0);
    Map<String, String> columns = input.columns().asMap();
    return new ReadSpec(
        input.format(),
        input.header(),
        delimiter,
        input.quote().charAt(0),
        input.escape() == null ? null : input.escape().charAt(0),
        input.encoding(),
        new LinkedHashMap<>(columns));
  }

  /**
   * The format of {@code path}: the configured one, or with {@code auto} from the extension ({@code
   * .parquet}; {@code .json}, {@code .jsonl}, {@code .ndjson}, optionally compressed; anything else
   * is delimited text).
   */
  public FileFormat formatOf(String path) {
    if (!"auto".equals(format)) {
      return FileFormat.valueOf(format.toUpperCase(Locale.ROOT));
    }
    String name =
        path.substring(path.lastIndexOf('/') + 1)
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\.(gz|bz2|deflate)$", "");
    if (name.endsWith(".parquet")) {
      return FileFormat.PARQUET;
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return FileFormat.JSON;
    }
    return FileFormat.CSV;
  }
}
