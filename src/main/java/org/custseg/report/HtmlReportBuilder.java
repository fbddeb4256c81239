package org.custseg.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.ingest.IngestCounts;
import org.custseg.report.html.ReportModel;
import org.custseg.schema.Columns;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.segmentation.ValuePyramid;

/**
 * Fills the HTML report's model from the run's small aggregates: the {@link SegmentCube}, a bounded
 * sample of customers for the portfolio scatter, and the pyramid summaries of earlier completed
 * runs for the trends. Nothing per customer reaches the driver beyond the sample.
 */
public final class HtmlReportBuilder {

  /** Customers drawn in the portfolio scatter at most. */
  public static final int SAMPLE_POINTS = 2000;

  private HtmlReportBuilder() {}

  public static ReportModel build(
      LocalDate runDate,
      SegmentCube cube,
      SegmentationFacts facts,
      IngestCounts counts,
      Dataset<Row> customers,
      Path reportsRoot,
      Configuration conf) {
    SegmentCube.Totals all = cube.total();
    Map<String, SegmentCube.Totals> tiers = cube.by(SegmentCube.Cell::tier, ValuePyramid.TIERS);

    List<ReportModel.TierRow> pyramid = new ArrayList<>();
    tiers.forEach(
        (tier, t) ->
            pyramid.add(
                new ReportModel.TierRow(
                    tier,
                    t.customers(),
                    t.trailing(),
                    ratio(t.trailing(), all.trailing()),
                    ratio(t.customers(), all.customers()))));

    List<ReportModel.QuadrantRow> quadrants = new ArrayList<>();
    cube.by(SegmentCube.Cell::quadrant, PortfolioQuadrant.VALUES)
        .forEach(
            (q, t) -> {
              if (PortfolioQuadrant.QUADRANTS.contains(q)) {
                quadrants.add(new ReportModel.QuadrantRow(q, t.customers(), t.trailing()));
              }
            });
    ReportModel.Portfolio portfolio =
        new ReportModel.Portfolio(
            axisKey(facts.quadrantValueAxis()),
            axisKey(facts.quadrantGrowthAxis()),
            facts.valueThreshold(),
            facts.growthThreshold(),
            quadrants,
            sample(customers, facts));

    Map<String, SegmentCube.Totals> byRf = new TreeMap<>();
    for (SegmentCube.Cell c : cube.cells()) {
      byRf.merge(c.r() + "," + c.f(), SegmentCube.Totals.EMPTY.plus(c), (a, b) -> a.plus(c));
    }
    List<ReportModel.RfmCell> heatmap = new ArrayList<>();
    byRf.forEach(
        (k, t) ->
            heatmap.add(
                new ReportModel.RfmCell(
                    Integer.parseInt(k.split(",")[0]),
                    Integer.parseInt(k.split(",")[1]),
                    t.customers(),
                    t.meanMoney(t.monetary()).doubleValue())));

    List<ReportModel.SegmentRow> segments = new ArrayList<>();
    cube.by(SegmentCube.Cell::segment, List.of())
        .forEach(
            (s, t) ->
                segments.add(
                    new ReportModel.SegmentRow(
                        s,
                        t.customers(),
                        t.monetary(),
                        t.mean(t.recencyDays()),
                        t.mean(t.frequency()),
                        t.meanMoney(t.monetary()).doubleValue())));

    SegmentCube.Totals vip = tiers.get(ValuePyramid.VIP);
    ReportModel.Headline headline =
        new ReportModel.Headline(
            runDate,
            facts.customers(),
            facts.activeCustomers(),
            all.monetary(),
            ratio(vip.trailing(), all.trailing()),
            counts.inputRows(),
            counts.quarantinedRows());

    List<ReportModel.TrendPoint> trends = trends(reportsRoot, runDate, conf);
    Map<String, Long> now = new LinkedHashMap<>();
    tiers.forEach((tier, t) -> now.put(tier, t.customers()));
    trends.add(new ReportModel.TrendPoint(runDate, now, all.trailing()));

    return ReportModel.of(headline)
        .withPyramid(pyramid)
        .withPortfolio(portfolio)
        .withRfmHeatmap(heatmap)
        .withSegments(segments)
        .withTrends(trends);
  }

  /** The report's names for the default axes. */
  static String axisKey(String column) {
    return switch (column) {
      case Columns.TRAILING_VALUE -> "trailing_12m_spend";
      case Columns.GROWTH_RATE -> "spend_growth_rate";
      case "predicted_growth" -> "predicted_value_ratio";
      default -> column;
    };
  }

  private static List<ReportModel.Point> sample(Dataset<Row> customers, SegmentationFacts f) {
    long n = Math.max(1, f.customers());
    double fraction = Math.min(1.0, 1.5 * SAMPLE_POINTS / n);
    List<Row> rows =
        customers
            .select(
                col(Columns.CUSTOMER_ID),
                col(f.quadrantValueAxis()).cast("double"),
                col(f.quadrantGrowthAxis()).cast("double"),
                col(Columns.PORTFOLIO_QUADRANT))
            .where(col(Columns.PORTFOLIO_QUADRANT).isin(PortfolioQuadrant.QUADRANTS.toArray()))
            .where(
                org.apache
                    .spark
                    .sql
                    .functions
                    .pmod(
                        org.apache.spark.sql.functions.xxhash64(
                            col(Columns.CUSTOMER_ID), org.apache.spark.sql.functions.lit(42L)),
                        org.apache.spark.sql.functions.lit(1_000_000L))
                    .lt((long) (fraction * 1_000_000)))
            .orderBy(col(Columns.CUSTOMER_ID))
            .limit(SAMPLE_POINTS)
            .collectAsList();
    List<ReportModel.Point> points = new ArrayList<>();
    for (Row r : rows) {
      if (!r.isNullAt(1) && !r.isNullAt(2)) {
        points.add(new ReportModel.Point(r.getDouble(1), r.getDouble(2), r.getString(3)));
      }
    }
    return points;
  }

  /** Tier sizes and trailing revenue of earlier completed runs, from their pyramid_summary.csv. */
  static List<ReportModel.TrendPoint> trends(
      Path reportsRoot, LocalDate runDate, Configuration conf) {
    List<ReportModel.TrendPoint> out = new ArrayList<>();
    try {
      FileSystem fs = reportsRoot.getFileSystem(conf);
      FileStatus[] runs = fs.globStatus(new Path(reportsRoot, "run_date=*/_SUCCESS"));
      if (runs == null) {
        return out;
      }
      TreeMap<LocalDate, Path> byDate = new TreeMap<>();
      for (FileStatus s : runs) {
        String name = s.getPath().getParent().getName();
        LocalDate d = LocalDate.parse(name.substring("run_date=".length()));
        if (d.isBefore(runDate)) {
          byDate.put(d, new Path(s.getPath().getParent(), "pyramid_summary.csv"));
        }
      }
      for (Map.Entry<LocalDate, Path> e : byDate.entrySet()) {
        if (!fs.exists(e.getValue())) {
          continue;
        }
        Map<String, Long> customers = new LinkedHashMap<>();
        BigDecimal revenue = BigDecimal.ZERO;
        try (Reader r = new InputStreamReader(fs.open(e.getValue()), StandardCharsets.UTF_8)) {
          for (CSVRecord rec :
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            customers.put(rec.get("pyramid_tier"), Long.parseLong(rec.get("customers")));
            revenue = revenue.add(new BigDecimal(rec.get("revenue_trailing")));
          }
        }
        out.add(new ReportModel.TrendPoint(e.getKey(), customers, revenue));
      }
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException(
              "cannot read earlier runs' summaries under " + reportsRoot + ": " + e.getMessage(),
              e));
    }
    return out;
  }

  private static double ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? 0.0 : part.doubleValue() / whole.doubleValue();
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
