package org.custseg.report;

import static org.custseg.report.ColumnSpec.Kind.INTEGER;
import static org.custseg.report.ColumnSpec.Kind.MONEY;
import static org.custseg.report.ColumnSpec.Kind.NUMBER;
import static org.custseg.report.ColumnSpec.Kind.RATIO;
import static org.custseg.report.ColumnSpec.Kind.TEXT;
import static org.custseg.report.ColumnSpec.of;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.custseg.config.RfmSegmentTable;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.segmentation.ValuePyramid;

/**
 * The summary CSV reports, rolled up from a {@link SegmentCube}. Their columns are defined here
 * once and listed in the data dictionary.
 */
public final class SummaryReports {

  private static final ColumnSpec CUSTOMERS =
      of("customers", INTEGER, "customers", "Customers in the group.");
  private static final ColumnSpec CUSTOMER_SHARE =
      of("customer_share", RATIO, "0-1", "customers / all customers in the table.");
  private static final ColumnSpec REVENUE =
      of(
          "revenue",
          MONEY,
          "currency",
          "Net spend of the group's customers up to the run date (sum of monetary_total).");
  private static final ColumnSpec REVENUE_SHARE =
      of("revenue_share", RATIO, "0-1", "revenue / revenue of all customers.");
  private static final ColumnSpec REVENUE_12M =
      of(
          "revenue_trailing",
          MONEY,
          "currency",
          "Net spend in the trailing window (sum of trailing_value).");
  private static final ColumnSpec REVENUE_12M_SHARE =
      of(
          "revenue_trailing_share",
          RATIO,
          "0-1",
          "revenue_trailing / trailing revenue of all customers.");
  private static final ColumnSpec AVG_RECENCY =
      of("avg_recency_days", NUMBER, "days", "Mean recency_days.");
  private static final ColumnSpec AVG_FREQUENCY =
      of("avg_frequency", NUMBER, "orders", "Mean frequency.");
  private static final ColumnSpec AVG_MONETARY =
      of("avg_monetary_total", MONEY, "currency", "Mean monetary_total.");

  public static final List<ColumnSpec> PYRAMID =
      List.of(
          of("pyramid_tier", TEXT, "", "Tier, from the top: vip, key, medium, small, inactive."),
          CUSTOMERS,
          CUSTOMER_SHARE,
          REVENUE_12M,
          REVENUE_12M_SHARE,
          REVENUE,
          REVENUE_SHARE,
          of("min_trailing_value", MONEY, "currency", "Lowest trailing_value in the tier."),
          of("max_trailing_value", MONEY, "currency", "Highest trailing_value in the tier."),
          of(
              "last_rank",
              INTEGER,
              "rank",
              "Last value_rank of the tier (active tiers), from the configured shares."));

  public static final List<ColumnSpec> PORTFOLIO =
      List.of(
          of(
              "portfolio_quadrant",
              TEXT,
              "",
              "star, question_mark, cash_cow, dog (active customers), then inactive (no purchase "
                  + "in the activity window: in no quadrant)."),
          of(
              "value_level",
              TEXT,
              "",
              "high or low: value axis at/above or below its threshold; empty for inactive."),
          of(
              "growth_level",
              TEXT,
              "",
              "high or low: growth axis at/above or below its threshold; empty for inactive."),
          CUSTOMERS,
          CUSTOMER_SHARE,
          REVENUE_12M,
          REVENUE_12M_SHARE,
          REVENUE,
          REVENUE_SHARE,
          of("value_axis", TEXT, "", "Column used as the value axis."),
          of("value_threshold", NUMBER, "axis unit", "Threshold of the value axis."),
          of("growth_axis", TEXT, "", "Column used as the growth axis."),
          of("growth_threshold", NUMBER, "axis unit", "Threshold of the growth axis."));

  public static final List<ColumnSpec> RFM_SEGMENTS =
      List.of(
          of("rfm_segment", TEXT, "", "Named RFM segment."),
          CUSTOMERS,
          CUSTOMER_SHARE,
          REVENUE,
          REVENUE_SHARE,
          AVG_RECENCY,
          AVG_FREQUENCY,
          AVG_MONETARY,
          of("rfm_codes", TEXT, "", "The R-F-M codes mapped to the segment (configuration)."));

  public static final List<ColumnSpec> SEGMENT_SUMMARY =
      List.of(
          of("segment_type", TEXT, "", "pyramid_tier, portfolio_quadrant or rfm_segment."),
          of("segment", TEXT, "", "The tier, quadrant or segment name."),
          CUSTOMERS,
          CUSTOMER_SHARE,
          REVENUE,
          REVENUE_SHARE,
          REVENUE_12M,
          REVENUE_12M_SHARE,
          AVG_RECENCY,
          AVG_FREQUENCY,
          AVG_MONETARY,
          of(
              "relationship_level",
              TEXT,
              "",
              "pyramid_tier and portfolio_quadrant rows: recommended relationship level (basic, "
                  + "reactive, accountable, proactive, partnership) from the size band (customer_share"
                  + " vs segmentation.relationship.many-min-share / medium-min-share) and the margin "
                  + "band (mean trailing_value per customer / overall mean vs high-margin-index / "
                  + "medium-margin-index). Empty for rfm_segment rows."),
          of(
              "marketing_depth",
              TEXT,
              "",
              "pyramid_tier and portfolio_quadrant rows: relationship-marketing depth, financial "
                  + "(level 1), social (2) or structural (3), from segmentation.relationship.depth."));

  /** The summary files and their columns, for the data dictionary. */
  public static final List<DataDictionary.FileSpec> FILES =
      List.of(
          new DataDictionary.FileSpec(
              "reports/run_date=D/pyramid_summary.csv",
              "Customers and revenue per value-pyramid tier.",
              PYRAMID),
          new DataDictionary.FileSpec(
              "reports/run_date=D/portfolio_matrix.csv",
              "The four portfolio quadrants of the active customers with their thresholds, and "
                  + "the inactive customers apart.",
              PORTFOLIO),
          new DataDictionary.FileSpec(
              "reports/run_date=D/rfm_segments.csv",
              "Customers and value per named RFM segment.",
              RFM_SEGMENTS),
          new DataDictionary.FileSpec(
              "reports/run_date=D/segment_summary.csv",
              "Every segmentation (tier, quadrant, RFM segment) in one long table.",
              SEGMENT_SUMMARY));

  private SummaryReports() {}

  public static ReportTable pyramid(SegmentCube cube, SegmentationFacts facts) {
    SegmentCube.Totals all = cube.total();
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Long> lastRank =
        Map.of(
            ValuePyramid.VIP,
            facts.vipLastRank(),
            ValuePyramid.KEY,
            facts.keyLastRank(),
            ValuePyramid.MEDIUM,
            facts.mediumLastRank(),
            ValuePyramid.SMALL,
            facts.activeCustomers());
    cube.by(SegmentCube.Cell::tier, ValuePyramid.TIERS)
        .forEach(
            (tier, t) ->
                rows.add(
                    Arrays.asList(
                        tier,
                        t.customers(),
                        share(t.customers(), all.customers()),
                        t.trailing(),
                        share(t.trailing(), all.trailing()),
                        t.monetary(),
                        share(t.monetary(), all.monetary()),
                        t.minTrailing(),
                        t.maxTrailing(),
                        lastRank.get(tier))));
    return new ReportTable("pyramid_summary.csv", "Value pyramid", PYRAMID, rows);
  }

  public static ReportTable portfolio(SegmentCube cube, SegmentationFacts facts) {
    SegmentCube.Totals all = cube.total();
    List<List<Object>> rows = new ArrayList<>();
    cube.by(SegmentCube.Cell::quadrant, PortfolioQuadrant.VALUES)
        .forEach(
            (q, t) -> {
              boolean placed = PortfolioQuadrant.QUADRANTS.contains(q);
              boolean highValue =
                  q.equals(PortfolioQuadrant.STAR) || q.equals(PortfolioQuadrant.CASH_COW);
              boolean highGrowth =
                  q.equals(PortfolioQuadrant.STAR) || q.equals(PortfolioQuadrant.QUESTION_MARK);
              rows.add(
                  Arrays.asList(
                      q,
                      placed ? (highValue ? "high" : "low") : null,
                      placed ? (highGrowth ? "high" : "low") : null,
                      t.customers(),
                      share(t.customers(), all.customers()),
                      t.trailing(),
                      share(t.trailing(), all.trailing()),
                      t.monetary(),
                      share(t.monetary(), all.monetary()),
                      facts.quadrantValueAxis(),
                      facts.valueThreshold(),
                      facts.quadrantGrowthAxis(),
                      facts.growthThreshold()));
            });
    return new ReportTable("portfolio_matrix.csv", "Portfolio matrix", PORTFOLIO, rows);
  }

  public static ReportTable rfmSegments(SegmentCube cube, RfmSegmentTable table) {
    SegmentCube.Totals all = cube.total();
    Map<String, List<String>> codes = new TreeMap<>();
    table
        .asMap()
        .forEach(
            (code, seg) ->
                codes.computeIfAbsent(seg, s -> new ArrayList<>()).add(String.valueOf(code)));
    List<List<Object>> rows = new ArrayList<>();
    cube.by(SegmentCube.Cell::segment, table.segmentNames())
        .forEach(
            (seg, t) ->
                rows.add(
                    Arrays.asList(
                        seg,
                        t.customers(),
                        share(t.customers(), all.customers()),
                        t.monetary(),
                        share(t.monetary(), all.monetary()),
                        t.mean(t.recencyDays()),
                        t.mean(t.frequency()),
                        t.meanMoney(t.monetary()),
                        String.join(" ", codes.getOrDefault(seg, List.of())))));
    return new ReportTable("rfm_segments.csv", "RFM segments", RFM_SEGMENTS, rows);
  }

  public static ReportTable segmentSummary(SegmentCube cube, RfmSegmentTable table) {
    return segmentSummary(cube, table, null);
  }

  /** With {@code levels}, tier and quadrant rows carry their relationship level and depth. */
  public static ReportTable segmentSummary(
      SegmentCube cube, RfmSegmentTable table, RelationshipLevels levels) {
    SegmentCube.Totals all = cube.total();
    List<List<Object>> rows = new ArrayList<>();
    addGroups(rows, "pyramid_tier", cube, SegmentCube.Cell::tier, ValuePyramid.TIERS, all, levels);
    addGroups(
        rows,
        "portfolio_quadrant",
        cube,
        SegmentCube.Cell::quadrant,
        PortfolioQuadrant.VALUES,
        all,
        levels);
    addGroups(
        rows, "rfm_segment", cube, SegmentCube.Cell::segment, table.segmentNames(), all, null);
    return new ReportTable("segment_summary.csv", "Segment summary", SEGMENT_SUMMARY, rows);
  }

  private static void addGroups(
      List<List<Object>> rows,
      String type,
      SegmentCube cube,
      Function<SegmentCube.Cell, String> key,
      List<String> order,
      SegmentCube.Totals all,
      RelationshipLevels levels) {
    cube.by(key, order)
        .forEach(
            (name, t) -> {
              RelationshipLevels.Recommendation r =
                  levels == null
                      ? null
                      : levels.recommend(
                          name, t.customers(), t.trailing(), all.customers(), all.trailing());
              rows.add(
                  Arrays.asList(
                      type,
                      name,
                      t.customers(),
                      share(t.customers(), all.customers()),
                      t.monetary(),
                      share(t.monetary(), all.monetary()),
                      t.trailing(),
                      share(t.trailing(), all.trailing()),
                      t.mean(t.recencyDays()),
                      t.mean(t.frequency()),
                      t.meanMoney(t.monetary()),
                      r == null ? null : r.level(),
                      r == null ? null : r.depth()));
            });
  }

  static Double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  static BigDecimal share(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, 6, RoundingMode.HALF_UP);
  }
}
