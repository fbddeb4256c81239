package org.custseg.ingest;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custseg.config.SegmentationProperties;

/**
 * How to split an export's lines into fields, shipped to the executors.
 *
 * @param header whether line 1 of every file is a header
 * @param delimiter the field delimiter, or {@code null} for runs of white space
 * @param quote the quote character
 * @param encoding the charset the files are written in
 * @param columns logical column name to header name (or, without a header, 1-based position)
 */
public record ReadSpec(
    boolean header, Character delimiter, char quote, String encoding,
    LinkedHashMap<String, String> columns) implements Serializable {

  /** The delimiter setting that means "any run of spaces or tabs". */
  public static final String WHITESPACE = "whitespace";

  public static ReadSpec from(SegmentationProperties.Input input) {
    Character delimiter = WHITESPACE.equals(input.delimiter()) ? null : input.delimiter().charAt(0);
    Map<String, String> columns = input.columns().asMap();
    return new ReadSpec(input.header(), delimiter, input.quote().charAt(0), input.encoding(),
        new LinkedHashMap<>(columns));
  }
}
