package org.custseg.config;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where and how the transaction exports are read ({@code segmentation.input}). Empty optional
 * settings (escape, thousands separator, refund-id prefix, amount outlier) mean "none".
 */
public record InputSettings(
    String path,
    String include,
    String format,
    boolean header,
    String delimiter,
    String quote,
    String escape,
    String thousandsSeparator,
    String decimalSeparator,
    String encoding,
    String timeZone,
    List<String> timestampFormats,
    ColumnMapping columns,
    String refundIdPrefix,
    String dedupeKey,
    Double amountOutlier,
    List<String> currencies) {

  /** The export formats {@code segmentation.input.format} accepts. */
  public static final List<String> FORMATS = List.of("auto", "csv", "json", "parquet");

  /** The dedupe keys {@code segmentation.input.dedupe-key} accepts. */
  public static final List<String> DEDUPE_KEYS = List.of("full-row", "transaction-id", "none");

  /** The delimiter setting that means "any run of spaces or tabs". */
  public static final String WHITESPACE = "whitespace";

  public InputSettings {
    Require.that(path != null && !path.isBlank(), "segmentation.input.path is empty");
    Require.that(include != null && !include.isBlank(), "segmentation.input.include is empty");
    try {
      Pattern.compile(include);
    } catch (PatternSyntaxException e) {
      throw new ConfigurationException(
          "segmentation.input.include is not a regular expression: " + e.getDescription());
    }
    format = format == null ? null : format.trim().toLowerCase(Locale.ROOT);
    Require.that(
        FORMATS.contains(format),
        "segmentation.input.format must be one of " + FORMATS + ", got '" + format + "'");
    Require.that(
        delimiter != null && (delimiter.length() == 1 || WHITESPACE.equals(delimiter)),
        "segmentation.input.delimiter must be one character or 'whitespace', got '"
            + delimiter
            + "'");
    Require.that(
        quote != null && quote.length() == 1,
        "segmentation.input.quote must be one character, got '" + quote + "'");
    escape = escape == null || escape.isEmpty() ? null : escape;
    Require.that(
        escape == null || escape.length() == 1,
        "segmentation.input.escape must be one character or empty, got '" + escape + "'");
    thousandsSeparator =
        thousandsSeparator == null || thousandsSeparator.isEmpty() ? null : thousandsSeparator;
    Require.that(
        thousandsSeparator == null || thousandsSeparator.length() == 1,
        "segmentation.input.thousands-separator must be one character or empty, got '"
            + thousandsSeparator
            + "'");
    Require.that(
        decimalSeparator != null && decimalSeparator.length() == 1,
        "segmentation.input.decimal-separator must be one character, got '"
            + decimalSeparator
            + "'");
    Require.that(
        !decimalSeparator.equals(thousandsSeparator),
        "segmentation.input.thousands-separator and decimal-separator must differ");
    Require.that(
        encoding != null && !encoding.isBlank() && Charset.isSupported(encoding),
        "segmentation.input.encoding '" + encoding + "' is not a charset this JVM knows");
    Require.that(timeZone != null && !timeZone.isBlank(), "segmentation.input.time-zone is empty");
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new ConfigurationException(
          "segmentation.input.time-zone '" + timeZone + "' is not a time zone id");
    }
    Require.that(
        timestampFormats != null && !timestampFormats.isEmpty(),
        "segmentation.input.timestamp-formats is empty");
    timestampFormats = List.copyOf(timestampFormats);
    for (String pattern : timestampFormats) {
      try {
        DateTimeFormatter.ofPattern(pattern);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "segmentation.input.timestamp-formats: '"
                + pattern
                + "' is not a date-time pattern: "
                + e.getMessage());
      }
    }
    Require.present(columns, "segmentation.input.columns");
    refundIdPrefix =
        refundIdPrefix == null || refundIdPrefix.isBlank() ? null : refundIdPrefix.trim();
    dedupeKey = dedupeKey == null ? null : dedupeKey.trim();
    Require.that(
        DEDUPE_KEYS.contains(dedupeKey),
        "segmentation.input.dedupe-key must be one of "
            + DEDUPE_KEYS
            + ", got '"
            + dedupeKey
            + "'");
    Require.that(
        !"transaction-id".equals(dedupeKey) || columns.asMap().containsKey("transaction_id"),
        "segmentation.input.dedupe-key transaction-id needs columns.transaction-id");
    Require.that(
        refundIdPrefix == null || columns.asMap().containsKey("transaction_id"),
        "segmentation.input.refund-id-prefix needs columns.transaction-id");
    Require.that(
        amountOutlier == null || amountOutlier > 0,
        "segmentation.input.amount-outlier must be > 0 (or empty for no bound), got "
            + amountOutlier);
    currencies =
        currencies == null
            ? List.of()
            : currencies.stream()
                .filter(c -> c != null && !c.isBlank())
                .map(c -> c.trim().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    Require.that(
        currencies.isEmpty() || columns.asMap().containsKey("currency"),
        "segmentation.input.currencies needs columns.currency");
  }

  /** The same settings reading from another path (--input). */
  public InputSettings withPath(String newPath) {
    return new InputSettings(
        newPath,
        include,
        format,
        header,
        delimiter,
        quote,
        escape,
        thousandsSeparator,
        decimalSeparator,
        encoding,
        timeZone,
        timestampFormats,
        columns,
        refundIdPrefix,
        dedupeKey,
        amountOutlier,
        currencies);
  }
}
