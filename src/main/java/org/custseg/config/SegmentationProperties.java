package org.custseg.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's static settings, bound from {@code segmentation.*} in {@code conf/application.yml}.
 *
 * <p>Precedence, lowest first: the {@code application.yml} the jar carries (a copy of {@code
 * conf/application.yml}), the file given with {@code --config}, then command-line options ({@code
 * --input}, {@code --output}). Each record rejects bad values in its constructor, so a broken
 * configuration stops the job before Spark starts, with the key named in the message.
 */
@ConfigurationProperties(prefix = "segmentation")
public record SegmentationProperties(
    Input input,
    Output output,
    Quality quality,
    Rfm rfm,
    Pyramid pyramid,
    Portfolio portfolio,
    Spark spark,
    Report report,
    Lifecycle lifecycle,
    Clusters clusters,
    Relationship relationship,
    Value value) {

  public SegmentationProperties {
    require(input != null, "segmentation.input is missing");
    require(output != null, "segmentation.output is missing");
    quality = quality == null ? new Quality(0.05, 1, false) : quality;
    require(rfm != null, "segmentation.rfm is missing");
    pyramid = pyramid == null ? new Pyramid(0.01, 0.04, 0.15) : pyramid;
    portfolio = portfolio == null ? new Portfolio(0.5, 0.5, null, null, 365) : portfolio;
    spark = spark == null ? new Spark("local[*]", "customer-segmentation", 0) : spark;
    report = report == null ? new Report("en", false) : report;
    lifecycle = lifecycle == null ? Lifecycle.defaults() : lifecycle;
    clusters = clusters == null ? Clusters.defaults() : clusters;
    relationship = relationship == null ? Relationship.defaults() : relationship;
    value = value == null ? Value.defaults() : value;
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
      include =
          include == null || include.isBlank()
              ? org.custseg.ingest.ExportFiles.DEFAULT_INCLUDE
              : include;
      try {
        java.util.regex.Pattern.compile(include);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new ConfigurationException(
            "segmentation.input.include is not a regular expression: " + e.getDescription());
      }
      format =
          format == null || format.isBlank()
              ? "auto"
              : format.trim().toLowerCase(java.util.Locale.ROOT);
      require(
          FORMATS.contains(format),
          "segmentation.input.format must be one of " + FORMATS + ", got '" + format + "'");
      require(
          delimiter != null
              && (delimiter.length() == 1
                  || org.custseg.ingest.ReadSpec.WHITESPACE.equals(delimiter)),
          "segmentation.input.delimiter must be one character or 'whitespace', got '"
              + delimiter
              + "'");
      quote = quote == null ? "\"" : quote;
      require(
          quote.length() == 1,
          "segmentation.input.quote must be one character, got '" + quote + "'");
      escape = escape == null || escape.isEmpty() ? null : escape;
      require(
          escape == null || escape.length() == 1,
          "segmentation.input.escape must be one character or empty, got '" + escape + "'");
      thousandsSeparator =
          thousandsSeparator == null || thousandsSeparator.isEmpty() ? null : thousandsSeparator;
      require(
          thousandsSeparator == null || thousandsSeparator.length() == 1,
          "segmentation.input.thousands-separator must be one character or empty, got '"
              + thousandsSeparator
              + "'");
      decimalSeparator =
          decimalSeparator == null || decimalSeparator.isEmpty() ? "." : decimalSeparator;
      require(
          decimalSeparator.length() == 1,
          "segmentation.input.decimal-separator must be one character, got '"
              + decimalSeparator
              + "'");
      require(
          !decimalSeparator.equals(thousandsSeparator),
          "segmentation.input.thousands-separator and decimal-separator must differ");
      encoding = encoding == null || encoding.isBlank() ? "UTF-8" : encoding;
      require(
          java.nio.charset.Charset.isSupported(encoding),
          "segmentation.input.encoding '" + encoding + "' is not a charset this JVM knows");
      timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
      try {
        java.time.ZoneId.of(timeZone);
      } catch (java.time.DateTimeException e) {
        throw new ConfigurationException(
            "segmentation.input.time-zone '" + timeZone + "' is not a time zone id");
      }
      timestampFormats =
          timestampFormats == null || timestampFormats.isEmpty()
              ? List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd")
              : List.copyOf(timestampFormats);
      columns = columns == null ? Columns.defaults() : columns;
      refundIdPrefix =
          refundIdPrefix == null || refundIdPrefix.isBlank() ? null : refundIdPrefix.trim();
      dedupeKey = dedupeKey == null || dedupeKey.isBlank() ? "full-row" : dedupeKey.trim();
      require(
          DEDUPE_KEYS.contains(dedupeKey),
          "segmentation.input.dedupe-key must be one of "
              + DEDUPE_KEYS
              + ", got '"
              + dedupeKey
              + "'");
      require(
          !"transaction-id".equals(dedupeKey) || columns.asMap().containsKey("transaction_id"),
          "segmentation.input.dedupe-key transaction-id needs columns.transaction-id");
      require(
          refundIdPrefix == null || columns.asMap().containsKey("transaction_id"),
          "segmentation.input.refund-id-prefix needs columns.transaction-id");
      require(
          amountOutlier == null || amountOutlier > 0,
          "segmentation.input.amount-outlier must be > 0 (or empty for no bound), got "
              + amountOutlier);
      currencies =
          currencies == null
              ? List.of()
              : currencies.stream()
                  .filter(c -> c != null && !c.isBlank())
                  .map(c -> c.trim().toUpperCase(java.util.Locale.ROOT))
                  .distinct()
                  .toList();
      require(
          currencies.isEmpty() || columns.asMap().containsKey("currency"),
          "segmentation.input.currencies needs columns.currency");
    }

    /** Input settings with the defaults for everything but the path (tests, tools). */
    public static Input defaults(String path) {
      return new Input(
          path,
          null,
          "auto",
          true,
          ",",
          "\"",
          null,
          null,
          ".",
          "UTF-8",
          "UTC",
          null,
          null,
          null,
          "full-row",
          null,
          null);
    }
  }

  /** Header names of the export's columns; an empty optional name means "not in the export". */
  public record Columns(
      String transactionId,
      String customerId,
      String orderTs,
      String amount,
      String currency,
      String quantity,
      String unitPrice,
      String storeId,
      String channel,
      String country) {

    public Columns {
      require(
          customerId != null && !customerId.isBlank(),
          "segmentation.input.columns.customer-id is required");
      require(
          orderTs != null && !orderTs.isBlank(), "segmentation.input.columns.order-ts is required");
      require(
          amount != null && !amount.isBlank()
              || quantity != null
                  && !quantity.isBlank()
                  && unitPrice != null
                  && !unitPrice.isBlank(),
          "segmentation.input.columns.amount is required unless quantity and unit-price are "
              + "mapped (then amount = quantity x unit price)");
    }

    public static Columns defaults() {
      return new Columns(
          "transaction_id",
          "customer_id",
          "order_ts",
          "amount",
          "currency",
          "quantity",
          "unit_price",
          "store_id",
          "channel",
          "country");
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
      @DefaultValue("0.05") double maxQuarantineRate,
      @DefaultValue("1") int futureToleranceDays,
      @DefaultValue("false") boolean keepZeroAmount) {
    public Quality {
      require(
          maxQuarantineRate >= 0 && maxQuarantineRate <= 1,
          "segmentation.quality.max-quarantine-rate must be within [0, 1], got "
              + maxQuarantineRate);
      require(
          futureToleranceDays >= 0,
          "segmentation.quality.future-tolerance-days must be >= 0, got " + futureToleranceDays);
    }
  }

  /** RFM scoring and the segment code table. */
  public record Rfm(@DefaultValue("365") int activityWindowDays, Map<String, String> segments) {
    public Rfm {
      require(
          activityWindowDays > 0,
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
      require(
          vipShare > 0 && keyShare > 0 && mediumShare > 0,
          "segmentation.pyramid shares must be > 0");
      require(
          vipShare + keyShare + mediumShare < 1,
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
      require(
          valueQuantile > 0 && valueQuantile < 1,
          "segmentation.portfolio.value-quantile must be within (0, 1), got " + valueQuantile);
      require(
          growthQuantile > 0 && growthQuantile < 1,
          "segmentation.portfolio.growth-quantile must be within (0, 1), got " + growthQuantile);
      require(
          trailingDays >= 2,
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
      require(
          "en".equals(language) || "zh-CN".equals(language),
          "segmentation.report.language must be en or zh-CN, got '" + language + "'");
    }
  }

  /**
   * Lifecycle-stage thresholds (docs/segments.md): first match wins among decline, exploration,
   * stability, formation.
   */
  public record Lifecycle(
      @DefaultValue("90") int explorationDays,
      @DefaultValue("2.0") double overdueFactor,
      @DefaultValue("30") double minGapDays,
      @DefaultValue("3") int stabilityMinRepeats,
      @DefaultValue("180") int stabilityMinTenureDays,
      @DefaultValue("0.3") double declinePAlive,
      @DefaultValue("0.7") double stabilityMinPAlive) {
    public Lifecycle {
      String k = "segmentation.lifecycle.";
      require(explorationDays > 0, k + "exploration-days must be > 0, got " + explorationDays);
      require(overdueFactor >= 1, k + "overdue-factor must be >= 1, got " + overdueFactor);
      require(minGapDays >= 0, k + "min-gap-days must be >= 0, got " + minGapDays);
      require(
          stabilityMinRepeats >= 1,
          k + "stability-min-repeats must be >= 1, got " + stabilityMinRepeats);
      require(
          stabilityMinTenureDays >= 0,
          k + "stability-min-tenure-days must be >= 0, got " + stabilityMinTenureDays);
      require(
          declinePAlive >= 0 && declinePAlive <= 1,
          k + "decline-p-alive must be within [0, 1], got " + declinePAlive);
      require(
          stabilityMinPAlive >= 0 && stabilityMinPAlive <= 1,
          k + "stability-min-p-alive must be within [0, 1], got " + stabilityMinPAlive);
      require(
          declinePAlive <= stabilityMinPAlive,
          k
              + "decline-p-alive ("
              + declinePAlive
              + ") must not exceed stability-min-p-alive ("
              + stabilityMinPAlive
              + ")");
    }

    public static Lifecycle defaults() {
      return new Lifecycle(90, 2.0, 30, 3, 180, 0.3, 0.7);
    }
  }

  /** Behavioural clusters (k-means with Smile on a seeded sample; docs/segments.md). */
  public record Clusters(
      @DefaultValue("0") int k,
      @DefaultValue("2") int kMin,
      @DefaultValue("8") int kMax,
      @DefaultValue("20000") int sampleSize,
      @DefaultValue("2000") int silhouetteSampleSize,
      @DefaultValue("42") long seed,
      @DefaultValue("5") int runs,
      @DefaultValue("0.5") double labelThreshold) {
    public Clusters {
      String p = "segmentation.clusters.";
      require(k == 0 || k >= 2, p + "k must be 0 (choose automatically) or >= 2, got " + k);
      require(kMin >= 2, p + "k-min must be >= 2, got " + kMin);
      require(kMax >= kMin, p + "k-max (" + kMax + ") must be >= k-min (" + kMin + ")");
      require(sampleSize >= 10, p + "sample-size must be >= 10, got " + sampleSize);
      require(
          silhouetteSampleSize >= 10,
          p + "silhouette-sample-size must be >= 10, got " + silhouetteSampleSize);
      require(runs >= 1, p + "runs must be >= 1, got " + runs);
      require(labelThreshold > 0, p + "label-threshold must be > 0, got " + labelThreshold);
    }

    public static Clusters defaults() {
      return new Clusters(0, 2, 8, 20000, 2000, 42L, 5, 0.5);
    }
  }

  /**
   * Relationship level and marketing depth per pyramid tier and portfolio quadrant (domain.md
   * section 7): size band x margin band to a level; segment to a depth.
   */
  public record Relationship(
      @DefaultValue("0.30") double manyMinShare,
      @DefaultValue("0.05") double mediumMinShare,
      @DefaultValue("1.5") double highMarginIndex,
      @DefaultValue("0.75") double mediumMarginIndex,
      Map<String, Map<String, String>> levels,
      Map<String, String> depth) {

    public static final List<String> SIZE_BANDS = List.of("many", "medium", "few");
    public static final List<String> MARGIN_BANDS = List.of("high", "medium", "low");
    public static final List<String> LEVELS =
        List.of("basic", "reactive", "accountable", "proactive", "partnership");
    public static final List<String> DEPTHS = List.of("financial", "social", "structural");
    public static final List<String> SEGMENTS =
        List.of(
            "vip",
            "key",
            "medium",
            "small",
            "inactive",
            "star",
            "question_mark",
            "cash_cow",
            "dog");

    public Relationship {
      String p = "segmentation.relationship.";
      require(
          mediumMinShare > 0 && mediumMinShare < manyMinShare && manyMinShare <= 1,
          p
              + "shares must satisfy 0 < medium-min-share < many-min-share <= 1, got "
              + mediumMinShare
              + " and "
              + manyMinShare);
      require(
          mediumMarginIndex > 0 && mediumMarginIndex < highMarginIndex,
          p
              + "margin indices must satisfy 0 < medium-margin-index < high-margin-index, got "
              + mediumMarginIndex
              + " and "
              + highMarginIndex);
      levels = levels == null || levels.isEmpty() ? defaultLevels() : levels;
      depth = depth == null || depth.isEmpty() ? defaultDepth() : depth;
      for (String size : SIZE_BANDS) {
        Map<String, String> row = levels.get(size);
        require(row != null, p + "levels." + size + " is missing (size bands: " + SIZE_BANDS + ")");
        for (String margin : MARGIN_BANDS) {
          String level = row.get(margin);
          require(level != null, p + "levels." + size + "." + margin + " is missing");
          require(
              LEVELS.contains(level),
              p
                  + "levels."
                  + size
                  + "."
                  + margin
                  + " is '"
                  + level
                  + "', expected one of "
                  + LEVELS);
        }
        require(
            MARGIN_BANDS.containsAll(row.keySet()),
            p
                + "levels."
                + size
                + " has an unknown margin band in "
                + row.keySet()
                + " (expected "
                + MARGIN_BANDS
                + ")");
      }
      require(
          SIZE_BANDS.containsAll(levels.keySet()),
          p
              + "levels has an unknown size band in "
              + levels.keySet()
              + " (expected "
              + SIZE_BANDS
              + ")");
      depth = canonicalKeys(depth, SEGMENTS, p + "depth");
      for (String segment : SEGMENTS) {
        String d = depth.get(segment);
        require(d != null, p + "depth." + segment + " is missing");
        require(
            DEPTHS.contains(d),
            p + "depth." + segment + " is '" + d + "', expected one of " + DEPTHS);
      }
      require(
          SEGMENTS.containsAll(depth.keySet()),
          p + "depth has an unknown segment in " + depth.keySet() + " (expected " + SEGMENTS + ")");
      Map<String, Map<String, String>> copy = new java.util.LinkedHashMap<>();
      for (String size : SIZE_BANDS) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (String m : MARGIN_BANDS) {
          row.put(m, levels.get(size).get(m));
        }
        copy.put(size, java.util.Collections.unmodifiableMap(row));
      }
      levels = java.util.Collections.unmodifiableMap(copy);
      Map<String, String> ordered = new java.util.LinkedHashMap<>();
      for (String seg : SEGMENTS) {
        ordered.put(seg, depth.get(seg));
      }
      depth = java.util.Collections.unmodifiableMap(ordered);
    }

    /** Map keys as the canonical names (a YAML binder may drop the underscore of a key). */
    private static Map<String, String> canonicalKeys(
        Map<String, String> in, List<String> names, String key) {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, String> e : in.entrySet()) {
        String name =
            names.stream()
                .filter(n -> norm(n).equals(norm(e.getKey())))
                .findFirst()
                .orElseThrow(
                    () ->
                        new ConfigurationException(
                            key
                                + " has an unknown segment '"
                                + e.getKey()
                                + "' (expected "
                                + names
                                + ")"));
        out.put(name, e.getValue() == null ? null : e.getValue().trim());
      }
      return out;
    }

    private static String norm(String s) {
      return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    public static Relationship defaults() {
      return new Relationship(0.30, 0.05, 1.5, 0.75, null, null);
    }

    static Map<String, Map<String, String>> defaultLevels() {
      return Map.of(
          "many", Map.of("high", "accountable", "medium", "reactive", "low", "basic"),
          "medium", Map.of("high", "proactive", "medium", "accountable", "low", "reactive"),
          "few", Map.of("high", "partnership", "medium", "proactive", "low", "accountable"));
    }

    static Map<String, String> defaultDepth() {
      return Map.of(
          "vip",
          "structural",
          "key",
          "social",
          "medium",
          "social",
          "small",
          "financial",
          "inactive",
          "financial",
          "star",
          "structural",
          "question_mark",
          "social",
          "cash_cow",
          "social",
          "dog",
          "financial");
    }
  }

  /**
   * The value models (docs/value-models.md): BG/NBD or Pareto/NBD transactions, Gamma-Gamma spend,
   * CLV, and which columns the pyramid and the portfolio quadrant use.
   */
  public record Value(
      @DefaultValue("bgnbd") String transactionModel,
      @DefaultValue("weeks") String timeUnit,
      @DefaultValue("30.4375") double periodDays,
      @DefaultValue("12") int horizonMonths,
      @DefaultValue("0.01") double monthlyDiscountRate,
      @DefaultValue("0.3") double marginRate,
      @DefaultValue("0") double acquisitionCost,
      @DefaultValue("200000") int spendFitSample,
      @DefaultValue("30") int minRepeatBuyers,
      @DefaultValue("customer_value") String pyramidAxis,
      @DefaultValue("predicted_growth") String growthAxis) {
    public Value {
      require(
          "bgnbd".equals(transactionModel) || "pareto-nbd".equals(transactionModel),
          "segmentation.value.transaction-model must be bgnbd or pareto-nbd, got '"
              + transactionModel
              + "'");
      require(
          "weeks".equals(timeUnit) || "days".equals(timeUnit),
          "segmentation.value.time-unit must be weeks or days, got '" + timeUnit + "'");
      require(
          periodDays > 0 && Double.isFinite(periodDays),
          "segmentation.value.period-days must be > 0, got " + periodDays);
      require(
          horizonMonths >= 1 && horizonMonths <= 1200,
          "segmentation.value.horizon-months must be within [1, 1200], got " + horizonMonths);
      require(
          monthlyDiscountRate >= 0 && monthlyDiscountRate < 1,
          "segmentation.value.monthly-discount-rate must be within [0, 1), got "
              + monthlyDiscountRate);
      require(
          marginRate >= 0 && marginRate <= 1,
          "segmentation.value.margin-rate must be within [0, 1], got " + marginRate);
      require(
          acquisitionCost >= 0 && Double.isFinite(acquisitionCost),
          "segmentation.value.acquisition-cost must be >= 0, got " + acquisitionCost);
      require(
          spendFitSample >= 10,
          "segmentation.value.spend-fit-sample must be >= 10, got " + spendFitSample);
      require(
          minRepeatBuyers >= 1,
          "segmentation.value.min-repeat-buyers must be >= 1, got " + minRepeatBuyers);
      require(
          "customer_value".equals(pyramidAxis) || "trailing_value".equals(pyramidAxis),
          "segmentation.value.pyramid-axis must be customer_value or trailing_value, got '"
              + pyramidAxis
              + "'");
      require(
          "predicted_growth".equals(growthAxis) || "growth_rate".equals(growthAxis),
          "segmentation.value.growth-axis must be predicted_growth or growth_rate, got '"
              + growthAxis
              + "'");
    }

    public static Value defaults() {
      return new Value(
          "bgnbd",
          "weeks",
          30.4375,
          12,
          0.01,
          0.3,
          0,
          200_000,
          30,
          "customer_value",
          "predicted_growth");
    }

    /** The model's time unit. */
    public org.custseg.schema.ModelTimeUnit unit() {
      return "days".equals(timeUnit)
          ? org.custseg.schema.ModelTimeUnit.DAYS
          : org.custseg.schema.ModelTimeUnit.WEEKS;
    }

    public Value withTimeUnit(String unit) {
      return new Value(
          transactionModel,
          unit,
          periodDays,
          horizonMonths,
          monthlyDiscountRate,
          marginRate,
          acquisitionCost,
          spendFitSample,
          minRepeatBuyers,
          pyramidAxis,
          growthAxis);
    }

    public Value withMinRepeatBuyers(int n) {
      return new Value(
          transactionModel,
          timeUnit,
          periodDays,
          horizonMonths,
          monthlyDiscountRate,
          marginRate,
          acquisitionCost,
          spendFitSample,
          n,
          pyramidAxis,
          growthAxis);
    }
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigurationException(message);
    }
  }
}
