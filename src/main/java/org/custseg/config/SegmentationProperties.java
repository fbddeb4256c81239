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
    Spark spark, Report report, Value value) {

  public SegmentationProperties {
    require(input != null, "segmentation.input is missing");
    require(output != null, "segmentation.output is missing");
    quality = quality == null ? new Quality(0.05, 1, false) : quality;
    require(rfm != null, "segmentation.rfm is missing");
    pyramid = pyramid == null ? new Pyramid(0.01, 0.04, 0.15) : pyramid;
    portfolio = portfolio == null ? new Portfolio(0.5, 0.5, null, null, 365) : portfolio;
    spark = spark == null ? new Spark("local[*]", "customer-segmentation", 0) : spark;
    report = report == null ? new Report("en", false) : report;
    value = value == null ? Value.defaults() : value;
  }

  /** Where and how the transaction exports are read. */
  public record Input(
      String path,
      String include,
      @DefaultValue("true") boolean header,
      @DefaultValue(",") String delimiter,
      @DefaultValue("\"") String quote,
      @DefaultValue("UTF-8") String encoding,
      @DefaultValue("UTC") String timeZone,
      List<String> timestampFormats,
      Columns columns) {

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
      require(delimiter != null && (delimiter.length() == 1
              || org.custseg.ingest.ReadSpec.WHITESPACE.equals(delimiter)),
          "segmentation.input.delimiter must be one character, got '" + delimiter + "'");
      require(quote != null && quote.length() == 1,
          "segmentation.input.quote must be one character, got '" + quote + "'");
      require(java.nio.charset.Charset.isSupported(encoding),
          "segmentation.input.encoding '" + encoding + "' is not a charset this JVM knows");
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
      require(amount != null && !amount.isBlank(),
          "segmentation.input.columns.amount is required");
    }

    static Columns defaults() {
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
      @DefaultValue("0.05") double maxQuarantineRate, @DefaultValue("1") int futureToleranceDays,
      @DefaultValue("false") boolean keepZeroAmount) {
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
      require("bgnbd".equals(transactionModel) || "pareto-nbd".equals(transactionModel),
          "segmentation.value.transaction-model must be bgnbd or pareto-nbd, got '"
              + transactionModel + "'");
      require("weeks".equals(timeUnit) || "days".equals(timeUnit),
          "segmentation.value.time-unit must be weeks or days, got '" + timeUnit + "'");
      require(periodDays > 0 && Double.isFinite(periodDays),
          "segmentation.value.period-days must be > 0, got " + periodDays);
      require(horizonMonths >= 1 && horizonMonths <= 1200,
          "segmentation.value.horizon-months must be within [1, 1200], got " + horizonMonths);
      require(monthlyDiscountRate >= 0 && monthlyDiscountRate < 1,
          "segmentation.value.monthly-discount-rate must be within [0, 1), got "
              + monthlyDiscountRate);
      require(marginRate >= 0 && marginRate <= 1,
          "segmentation.value.margin-rate must be within [0, 1], got " + marginRate);
      require(acquisitionCost >= 0 && Double.isFinite(acquisitionCost),
          "segmentation.value.acquisition-cost must be >= 0, got " + acquisitionCost);
      require(spendFitSample >= 10,
          "segmentation.value.spend-fit-sample must be >= 10, got " + spendFitSample);
      require(minRepeatBuyers >= 1,
          "segmentation.value.min-repeat-buyers must be >= 1, got " + minRepeatBuyers);
      require("customer_value".equals(pyramidAxis) || "trailing_value".equals(pyramidAxis),
          "segmentation.value.pyramid-axis must be customer_value or trailing_value, got '"
              + pyramidAxis + "'");
      require("predicted_growth".equals(growthAxis) || "growth_rate".equals(growthAxis),
          "segmentation.value.growth-axis must be predicted_growth or growth_rate, got '"
              + growthAxis + "'");
    }

    public static Value defaults() {
      return new Value("bgnbd", "weeks", 30.4375, 12, 0.01, 0.3, 0, 200_000, 30,
          "customer_value", "predicted_growth");
    }

    /** The model's time unit. */
    public org.custseg.scoring.model.TimeUnit unit() {
      return "days".equals(timeUnit) ? org.custseg.scoring.model.TimeUnit.DAYS
          : org.custseg.scoring.model.TimeUnit.WEEKS;
    }

    public Value withTimeUnit(String unit) {
      return new Value(transactionModel, unit, periodDays, horizonMonths, monthlyDiscountRate,
          marginRate, acquisitionCost, spendFitSample, minRepeatBuyers, pyramidAxis, growthAxis);
    }

    public Value withMinRepeatBuyers(int n) {
      return new Value(transactionModel, timeUnit, periodDays, horizonMonths, monthlyDiscountRate,
          marginRate, acquisitionCost, spendFitSample, n, pyramidAxis, growthAxis);
    }
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigurationException(message);
    }
  }
}
