package org.custseg.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's static settings, bound from {@code segmentation.*} in {@code conf/application.yml}.
 *
 * <p>Precedence, lowest first: the {@code application.yml} the jar carries (a copy of
 * {@code conf/application.yml}), the file given with {@code --config}, then command-line options
 * ({@code --input}, {@code --output}). Each record rejects bad values in its constructor, so a
 * broken configuration stops the job before Spark starts, with the key named in the message.
 */
@ConfigurationProperties(prefix = "segmentation")
public record SegmentationProperties(
    Input input, Output output, Quality quality, Rfm rfm, Pyramid pyramid, Portfolio portfolio,
    Spark spark, Report report) {

  public SegmentationProperties {
    require(input != null, "segmentation.input is missing");
    require(output != null, "segmentation.output is missing");
    quality = quality == null ? new Quality(0.05, 1) : quality;
    require(rfm != null, "segmentation.rfm is missing");
    pyramid = pyramid == null ? new Pyramid(0.01, 0.04, 0.15) : pyramid;
    portfolio = portfolio == null ? new Portfolio(0.5, 0.5, null, null, 365) : portfolio;
    spark = spark == null ? new Spark("local[*]", "customer-segmentation", 0) : spark;
    report = report == null ? new Report("en", false) : report;
  }

  /** Where and how the transaction exports are read. */
  public record Input(
      String path,
      String include,
      @DefaultValue("auto") String format,
      @DefaultValue("true") boolean header,
      @DefaultValue(",") String delimiter,
      @DefaultValue("\"") String quote,
      String escape,
      String thousandsSeparator,
      @DefaultValue(".") String decimalSeparator,
      @DefaultValue("UTF-8") String encoding,
      @DefaultValue("UTC") String timeZone,
      List<String> timestampFormats,
      Columns columns,
      String refundIdPrefix,
      @DefaultValue("full-row") String dedupeKey,
      Double amountOutlier,
      List<String> currencies) {

    /** The export formats {@code segmentation.input.format} accepts. */
    public static final List<String> FORMATS = List.of("auto", "csv", "json", "parquet");
    /** The dedupe keys {@code segmentation.input.dedupe-key} accepts. */
    public static final List<String> DEDUPE_KEYS = List.of("full-row", "transaction-id", "none");

    public Input {
      require(path != null && !path.isBlank(), "segmentation.input.path is empty");
      include = include == null || include.isBlank()
          ? org.custseg.ingest.ExportFiles.DEFAULT_INCLUDE : include;
      try {
        java.util.regex.Pattern.compile(include);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new ConfigurationException("segmentation.input.include is not a regular expression: "
            + e.getDescription());
      }
      format = format == null || format.isBlank() ? "auto" : format.trim().toLowerCase(
          java.util.Locale.ROOT);
      require(FORMATS.contains(format),
          "segmentation.input.format must be one of " + FORMATS + ", got '" + format + "'");
      require(delimiter != null && (delimiter.length() == 1
              || org.custseg.ingest.ReadSpec.WHITESPACE.equals(delimiter)),
          "segmentation.input.delimiter must be one character or 'whitespace', got '"
              + delimiter + "'");
      quote = quote == null ? "\"" : quote;
      require(quote.length() == 1,
          "segmentation.input.quote must be one character, got '" + quote + "'");
      escape = escape == null || escape.isEmpty() ? null : escape;
      require(escape == null || escape.length() == 1,
          "segmentation.input.escape must be one character or empty, got '" + escape + "'");
      thousandsSeparator = thousandsSeparator == null || thousandsSeparator.isEmpty()
          ? null : thousandsSeparator;
      require(thousandsSeparator == null || thousandsSeparator.length() == 1,
          "segmentation.input.thousands-separator must be one character or empty, got '"
              + thousandsSeparator + "'");
      decimalSeparator = decimalSeparator == null || decimalSeparator.isEmpty()
          ? "." : decimalSeparator;
      require(decimalSeparator.length() == 1,
          "segmentation.input.decimal-separator must be one character, got '"
              + decimalSeparator + "'");
      require(!decimalSeparator.equals(thousandsSeparator),
          "segmentation.input.thousands-separator and decimal-separator must differ");
      encoding = encoding == null || encoding.isBlank() ? "UTF-8" : encoding;
      require(java.nio.charset.Charset.isSupported(encoding),
          "segmentation.input.encoding '" + encoding + "' is not a charset this JVM knows");
      timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
      try {
        java.time.ZoneId.of(timeZone);
      } catch (java.time.DateTimeException e) {
        throw new ConfigurationException(
            "segmentation.input.time-zone '" + timeZone + "' is not a time zone id");
      }
      timestampFormats = timestampFormats == null || timestampFormats.isEmpty()
          ? List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd")
          : List.copyOf(timestampFormats);
      columns = columns == null ? Columns.defaults() : columns;
      refundIdPrefix = refundIdPrefix == null || refundIdPrefix.isBlank() ? null
          : refundIdPrefix.trim();
      dedupeKey = dedupeKey == null || dedupeKey.isBlank() ? "full-row" : dedupeKey.trim();
      require(DEDUPE_KEYS.contains(dedupeKey),
          "segmentation.input.dedupe-key must be one of " + DEDUPE_KEYS + ", got '"
              + dedupeKey + "'");
      require(!"transaction-id".equals(dedupeKey) || columns.asMap().containsKey("transaction_id"),
          "segmentation.input.dedupe-key transaction-id needs columns.transaction-id");
      require(refundIdPrefix == null || columns.asMap().containsKey("transaction_id"),
          "segmentation.input.refund-id-prefix needs columns.transaction-id");
      require(amountOutlier == null || amountOutlier > 0,
          "segmentation.input.amount-outlier must be > 0 (or empty for no bound), got "
              + amountOutlier);
      currencies = currencies == null ? List.of() : currencies.stream()
          .filter(c -> c != null && !c.isBlank())
          .map(c -> c.trim().toUpperCase(java.util.Locale.ROOT)).distinct().toList();
      require(currencies.isEmpty() || columns.asMap().containsKey("currency"),
          "segmentation.input.currencies needs columns.currency");
    }

    /** Input settings with the defaults for everything but the path (tests, tools). */
    public static Input defaults(String path) {
      return new Input(path, null, "auto", true, ",", "\"", null, null, ".", "UTF-8", "UTC",
          null, null, null, "full-row", null, null);
    }
  }

  /** Header names of the export's columns; an empty optional name means "not in the export". */
  public record Columns(
      String transactionId, String customerId, String orderTs, String amount, String currency,
      String quantity, String unitPrice, String storeId, String channel, String country) {

    public Columns {
      require(customerId != null && !customerId.isBlank(),
          "segmentation.input.columns.customer-id is required");
      require(orderTs != null && !orderTs.isBlank(),
          "segmentation.input.columns.order-ts is required");
      require(amount != null && !amount.isBlank()
              || quantity != null && !quantity.isBlank() && unitPrice != null
                  && !unitPrice.isBlank(),
          "segmentation.input.columns.amount is required unless quantity and unit-price are "
              + "mapped (then amount = quantity x unit price)");
    }

    public static Columns defaults() {
      return new Columns("transaction_id", "customer_id", "order_ts", "amount", "currency",
          "quantity", "unit_price", "store_id", "channel", "country");
    }

    /** Logical column name to export header name, optional columns left out when unset. */
    public Map<String, String> asMap() {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      put(m, "transaction_id", transactionId);
      put(m, "customer_id", customerId);
      put(m, "order_ts", orderTs);
      put(m, "amount", amount);
      put(m, "currency", currency);
      put(m, "quantity", quantity);
      put(m, "unit_price", unitPrice);
      put(m, "store_id", storeId);
      put(m, "channel", channel);
      put(m, "country", country);
      return m;
    }

    /** Whether the amount is derived as quantity x unit price (no amount column mapped). */
    public boolean amountFromQuantity() {
      return amount == null || amount.isBlank();
    }

    private static void put(Map<String, String> m, String logical, String header) {
      if (header != null && !header.isBlank()) {
        m.put(logical, header.trim());
      }
    }
  }

  /** Where outputs go. */
  public record Output(String path) {
    public Output {
      require(path != null && !path.isBlank(), "segmentation.output.path is empty");
    }
  }

  /** The data-quality gate. */
  public record Quality(
      @DefaultValue("0.05") double maxQuarantineRate, @DefaultValue("1") int futureToleranceDays) {
    public Quality {
      require(maxQuarantineRate >= 0 && maxQuarantineRate <= 1,
          "segmentation.quality.max-quarantine-rate must be within [0, 1], got " + maxQuarantineRate);
      require(futureToleranceDays >= 0,
          "segmentation.quality.future-tolerance-days must be >= 0, got " + futureToleranceDays);
    }
  }

  /** RFM scoring and the segment code table. */
  public record Rfm(@DefaultValue("365") int activityWindowDays, Map<String, String> segments) {
    public Rfm {
      require(activityWindowDays > 0,
          "segmentation.rfm.activity-window-days must be > 0, got " + activityWindowDays);
      require(segments != null && !segments.isEmpty(), "segmentation.rfm.segments is empty");
      segments = Map.copyOf(segments);
    }
  }

  /** Value-pyramid tier shares of the active customers, from the top. */
  public record Pyramid(
      @DefaultValue("0.01") double vipShare,
      @DefaultValue("0.04") double keyShare,
      @DefaultValue("0.15") double mediumShare) {
    public Pyramid {
      require(vipShare > 0 && keyShare > 0 && mediumShare > 0,
          "segmentation.pyramid shares must be > 0");
      require(vipShare + keyShare + mediumShare < 1,
          "segmentation.pyramid vip-share + key-share + medium-share must be < 1, got "
              + (vipShare + keyShare + mediumShare));
    }
  }

  /** Portfolio-quadrant thresholds and windows. */
  public record Portfolio(
      @DefaultValue("0.5") double valueQuantile,
      @DefaultValue("0.5") double growthQuantile,
      Double valueAbsolute,
      Double growthAbsolute,
      @DefaultValue("365") int trailingDays) {
    public Portfolio {
      require(valueQuantile > 0 && valueQuantile < 1,
          "segmentation.portfolio.value-quantile must be within (0, 1), got " + valueQuantile);
      require(growthQuantile > 0 && growthQuantile < 1,
          "segmentation.portfolio.growth-quantile must be within (0, 1), got " + growthQuantile);
      require(trailingDays >= 2,
          "segmentation.portfolio.trailing-days must be >= 2, got " + trailingDays);
    }
  }

  /** Spark settings used when spark-submit did not set them. */
  public record Spark(
      @DefaultValue("local[*]") String master,
      @DefaultValue("customer-segmentation") String appName,
      @DefaultValue("0") int shufflePartitions) {}

  /** Report settings. */
  public record Report(@DefaultValue("en") String language, @DefaultValue("false") boolean csvBom) {
    public Report {
      require("en".equals(language) || "zh-CN".equals(language),
          "segmentation.report.language must be en or zh-CN, got '" + language + "'");
    }
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigurationException(message);
    }
  }
}
