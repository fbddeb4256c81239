package org.custseg.report.html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the HTML report shows, as plain immutable records filled from small aggregates.
 *
 * <p>No Spark types and no per-customer data, except the bounded sample of portfolio points ({@link
 * Portfolio#MAX_SAMPLE_POINTS}). Only {@code headline} is required; every other section may be
 * {@code null} (or an empty list), and the page then shows a short "not available for this run"
 * note in its place.
 *
 * <p>Keys ({@code tier}, {@code quadrant}, {@code segment}) are the contract values ({@code vip,
 * key, medium, small, inactive}; {@code star, question_mark, cash_cow, dog}; the RFM segment names
 * in snake_case). Known keys are translated; unknown keys are shown as given.
 *
 * @param headline headline figures (required)
 * @param pyramid value pyramid tiers, any order (the page orders them vip, key, medium, small,
 *     inactive)
 * @param portfolio portfolio matrix (star / question mark / cash cow / dog)
 * @param rfmHeatmap R x F cells
 * @param segments RFM segment sizes and value
 * @param migration tier migration from the previous completed run
 * @param trends one point per completed run date, oldest first
 * @param modelFit value-model fit summary
 */
public record ReportModel(
    Headline headline,
    List<TierRow> pyramid,
    Portfolio portfolio,
    List<RfmCell> rfmHeatmap,
    List<SegmentRow> segments,
    Migration migration,
    List<TrendPoint> trends,
    ModelFit modelFit) {

  public ReportModel {
    Objects.requireNonNull(headline, "headline");
    pyramid = copy(pyramid);
    rfmHeatmap = copy(rfmHeatmap);
    segments = copy(segments);
    trends = copy(trends);
  }

  /** A model with only the headline; add sections with the {@code with...} methods. */
  public static ReportModel of(Headline headline) {
    return new ReportModel(headline, null, null, null, null, null, null, null);
  }

  public ReportModel withHeadline(Headline value) {
    return new ReportModel(
        value, pyramid, portfolio, rfmHeatmap, segments, migration, trends, modelFit);
  }

  public ReportModel withPyramid(List<TierRow> value) {
    return new ReportModel(
        headline, value, portfolio, rfmHeatmap, segments, migration, trends, modelFit);
  }

  public ReportModel withPortfolio(Portfolio value) {
    return new ReportModel(
        headline, pyramid, value, rfmHeatmap, segments, migration, trends, modelFit);
  }

  public ReportModel withRfmHeatmap(List<RfmCell> value) {
    return new ReportModel(
        headline, pyramid, portfolio, value, segments, migration, trends, modelFit);
  }

  public ReportModel withSegments(List<SegmentRow> value) {
    return new ReportModel(
        headline, pyramid, portfolio, rfmHeatmap, value, migration, trends, modelFit);
  }

  public ReportModel withMigration(Migration value) {
    return new ReportModel(
        headline, pyramid, portfolio, rfmHeatmap, segments, value, trends, modelFit);
  }

  public ReportModel withTrends(List<TrendPoint> value) {
    return new ReportModel(
        headline, pyramid, portfolio, rfmHeatmap, segments, migration, value, modelFit);
  }

  public ReportModel withModelFit(ModelFit value) {
    return new ReportModel(
        headline, pyramid, portfolio, rfmHeatmap, segments, migration, trends, value);
  }

  /**
   * Headline figures.
   *
   * @param runDate the as-of date of the run
   * @param customers all customers known at the run date
   * @param activeCustomers customers with a purchase inside the activity window
   * @param revenue total net revenue
   * @param topTierValueShare share (0-1) of revenue held by the top tier (VIP)
   * @param inputRows input rows this run read, or {@code null} when unknown
   * @param quarantinedRows input rows this run quarantined, or {@code null} when unknown
   * @param totalInputRows input rows of every run the customer state stands on (an incremental run
   *     continues the state of earlier runs and reads only the new files), or {@code null} when the
   *     run stands on no earlier run: then the cards show this run's counts alone
   * @param totalQuarantinedRows quarantined rows of those runs, or {@code null} likewise
   * @param noCustomersReason why the run has no customer ({@code null} when it has some)
   */
  public record Headline(
      LocalDate runDate,
      long customers,
      long activeCustomers,
      BigDecimal revenue,
      double topTierValueShare,
      Long inputRows,
      Long quarantinedRows,
      Long totalInputRows,
      Long totalQuarantinedRows,
      String noCustomersReason) {

    public Headline {
      Objects.requireNonNull(runDate, "runDate");
      Objects.requireNonNull(revenue, "revenue");
    }

    public Headline(
        LocalDate runDate,
        long customers,
        long activeCustomers,
        BigDecimal revenue,
        double topTierValueShare,
        Long inputRows,
        Long quarantinedRows) {
      this(
          runDate,
          customers,
          activeCustomers,
          revenue,
          topTierValueShare,
          inputRows,
          quarantinedRows,
          null,
          null,
          null);
    }

    public Headline(
        LocalDate runDate,
        long customers,
        long activeCustomers,
        BigDecimal revenue,
        double topTierValueShare) {
      this(runDate, customers, activeCustomers, revenue, topTierValueShare, null, null);
    }

    /** The same figures with the totals of the runs the state stands on. */
    public Headline withTotals(long totalInput, long totalQuarantined) {
      return new Headline(
          runDate,
          customers,
          activeCustomers,
          revenue,
          topTierValueShare,
          inputRows,
          quarantinedRows,
          totalInput,
          totalQuarantined,
          noCustomersReason);
    }

    /** The same figures, saying why the run has no customer. */
    public Headline withNoCustomersReason(String reason) {
      return new Headline(
          runDate,
          customers,
          activeCustomers,
          revenue,
          topTierValueShare,
          inputRows,
          quarantinedRows,
          totalInputRows,
          totalQuarantinedRows,
          reason);
    }
  }

  /**
   * One value-pyramid tier.
   *
   * @param tier tier key: vip, key, medium, small or inactive
   * @param customers customers in the tier
   * @param revenue net revenue of the tier
   * @param revenueShare share (0-1) of total revenue
   * @param customerShare share (0-1) of all customers
   */
  public record TierRow(
      String tier, long customers, BigDecimal revenue, double revenueShare, double customerShare) {

    public TierRow {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(revenue, "revenue");
    }
  }

  /**
   * The portfolio matrix: customers placed by current value (x) and growth potential (y).
   *
   * @param xAxis name of the x axis (a known axis key such as {@code trailing_12m_spend} is
   *     translated, anything else is shown as given)
   * @param yAxis name of the y axis (same rule)
   * @param xThreshold threshold between low and high current value
   * @param yThreshold threshold between low and high growth potential
   * @param quadrants customers and revenue per quadrant
   * @param sample a bounded sample of customers' points, at most {@link #MAX_SAMPLE_POINTS}
   */
  public record Portfolio(
      String xAxis,
      String yAxis,
      double xThreshold,
      double yThreshold,
      List<QuadrantRow> quadrants,
      List<Point> sample) {

    /** The most points the page will carry. */
    public static final int MAX_SAMPLE_POINTS = 5000;

    public Portfolio {
      Objects.requireNonNull(xAxis, "xAxis");
      Objects.requireNonNull(yAxis, "yAxis");
      quadrants = copy(quadrants);
      sample = copy(sample);
      if (sample.size() > MAX_SAMPLE_POINTS) {
        throw new IllegalArgumentException(
            "Portfolio sample has "
                + sample.size()
                + " points; at most "
                + MAX_SAMPLE_POINTS
                + " are allowed (sample before building the report)");
      }
    }
  }

  /** Customers and revenue in one portfolio quadrant (star, question_mark, cash_cow, dog). */
  public record QuadrantRow(String quadrant, long customers, BigDecimal revenue) {

    public QuadrantRow {
      Objects.requireNonNull(quadrant, "quadrant");
      Objects.requireNonNull(revenue, "revenue");
    }
  }

  /** One sampled customer in the portfolio matrix. */
  public record Point(double x, double y, String quadrant) {

    public Point {
      Objects.requireNonNull(quadrant, "quadrant");
    }
  }

  /**
   * One R x F cell of the RFM heatmap.
   *
   * @param rScore recency score 1-5 (5 = most recent)
   * @param fScore frequency score 1-5
   * @param customers customers in the cell
   * @param meanMonetary mean net spend of those customers
   */
  public record RfmCell(int rScore, int fScore, long customers, double meanMonetary) {

    public RfmCell {
      if (rScore < 1 || rScore > 5 || fScore < 1 || fScore > 5) {
        throw new IllegalArgumentException(
            "RFM scores must be 1-5, got r=" + rScore + " f=" + fScore);
      }
    }
  }

  /**
   * One RFM segment.
   *
   * @param segment segment key (snake_case, e.g. champions)
   * @param customers customers in the segment
   * @param revenue net revenue of the segment
   * @param meanRecencyDays mean days since last purchase
   * @param meanFrequency mean number of orders
   * @param meanMonetary mean net spend
   */
  public record SegmentRow(
      String segment,
      long customers,
      BigDecimal revenue,
      double meanRecencyDays,
      double meanFrequency,
      double meanMonetary) {

    public SegmentRow {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(revenue, "revenue");
    }
  }

  /**
   * Movement of customers between tiers since the previous completed run.
   *
   * @param previousRunDate the run the customers came from
   * @param cells non-zero from-tier x to-tier counts; labels are tier keys plus {@code new} (not a
   *     customer at the previous run) and {@code lost} (no longer a customer)
   */
  public record Migration(LocalDate previousRunDate, List<MigrationCell> cells) {

    public Migration {
      Objects.requireNonNull(previousRunDate, "previousRunDate");
      cells = copy(cells);
    }
  }

  /** Customers that moved from one tier to another. */
  public record MigrationCell(String from, String to, long customers) {

    public MigrationCell {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * One completed run in the trend chart.
   *
   * @param runDate run date
   * @param customersByTier customers per tier key
   * @param revenue total net revenue at that run
   */
  public record TrendPoint(
      LocalDate runDate, Map<String, Long> customersByTier, BigDecimal revenue) {

    public TrendPoint {
      Objects.requireNonNull(runDate, "runDate");
      Objects.requireNonNull(revenue, "revenue");
      customersByTier = ordered(customersByTier);
    }
  }

  /**
   * Value-model fit summary.
   *
   * @param models the fitted models (BG/NBD, Gamma-Gamma, ...)
   * @param axesUsed which portfolio axes were used, e.g. "x: trailing 12-month spend, y: predicted
   *     value"
   * @param fallbackNote why a fallback was used, or {@code null} when none was needed
   */
  public record ModelFit(List<FittedModel> models, String axesUsed, String fallbackNote) {

    public ModelFit {
      models = copy(models);
    }
  }

  /**
   * One fitted model.
   *
   * @param name model name, e.g. "BG/NBD"
   * @param parameters fitted parameters in display order
   * @param logLikelihood log-likelihood at the optimum, or {@code null}
   * @param converged whether the optimiser converged
   * @param note free text (time unit, customers fitted, warnings), or {@code null}
   */
  public record FittedModel(
      String name,
      Map<String, Double> parameters,
      Double logLikelihood,
      boolean converged,
      String note) {

    public FittedModel {
      Objects.requireNonNull(name, "name");
      parameters = ordered(parameters);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
