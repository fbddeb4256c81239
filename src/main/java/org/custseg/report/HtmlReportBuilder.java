package org.custseg.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.ingest.IngestCounts;
import org.custseg.report.html.DataQuality;
import org.custseg.report.html.Headline;
import org.custseg.report.html.Lifecycle;
import org.custseg.report.html.Portfolio;
import org.custseg.report.html.Pyramid;
import org.custseg.report.html.Relationships;
import org.custseg.report.html.ReportModel;
import org.custseg.report.html.Rfm;
import org.custseg.report.html.TrendPoint;
import org.custseg.report.html.Units;
import org.custseg.segmentation.LifecycleStage;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.segmentation.ValuePyramid;

/**
 * Fills the HTML report's model from the run's small aggregates: the {@link SegmentCube}, the
 * migration flows, a bounded sample of active customers for the portfolio scatter, and the pyramid
 * summaries of earlier completed runs for the trend. Nothing per customer reaches the driver beyond
 * the sample. The sections other aggregates feed (clusters, action lists, model health) are added
 * by the caller.
 */
public final class HtmlReportBuilder {

  /**
   * What the sections are built from.
   *
   * @param flows the flows since the previous completed run, or {@code null} without one
   * @param recommendations relationship level and depth per tier and per quadrant
   * @param levels the configured level of each size and margin band
   */
  public record Inputs(
      LocalDate runDate,
      Units units,
      SegmentCube cube,
      long activeCustomers,
      RunAxes axes,
      IngestCounts counts,
      MigrationReports.Flows flows,
      int minChurnWindowDays,
      Map<String, Map<String, RelationshipLevels.Recommendation>> recommendations,
      Map<String, Map<String, String>> levels) {}

  private HtmlReportBuilder() {}

  /** Every section the cube, the flows and the files of earlier runs give. */
  public static ReportModel.Builder build(
      Inputs in, Dataset<Row> customers, Path reportsRoot, Configuration conf) {
    SegmentCube cube = in.cube();
    SegmentCube.Totals all = cube.total();
    Headline headline =
        new Headline(
            in.runDate(),
            all.customers(),
            in.activeCustomers(),
            all.monetary(),
            all.trailing(),
            cube.hasClv() ? all.clv() : null,
            in.counts().inputRows(),
            in.counts().quarantinedRows());
    ReportModel.Builder model =
        ReportModel.builder(headline, in.units())
            .pyramid(pyramid(cube, in.axes()))
            .portfolio(portfolio(cube, in.axes(), customers, in.activeCustomers()))
            .rfm(rfm(cube))
            .lifecycle(lifecycle(cube, in.flows()))
            .relationships(relationships(in))
            .dataQuality(dataQuality(in.counts()))
            .trends(trends(cube, in.runDate(), reportsRoot, conf));
    if (in.flows() != null) {
      model
          .migration(MigrationReports.html(in.flows()))
          .churn(ChurnSummary.html(in.flows(), in.minChurnWindowDays()));
    }
    return model;
  }

  private static Pyramid pyramid(SegmentCube cube, RunAxes axes) {
    SegmentCube.Totals all = cube.total();
    List<Pyramid.Tier> tiers = new ArrayList<>();
    cube.by(SegmentCube.Cell::tier, ValuePyramid.TIERS)
        .forEach(
            (tier, t) ->
                tiers.add(
                    new Pyramid.Tier(
                        tier,
                        t.customers(),
                        t.trailing(),
                        t.monetary(),
                        ratio(t.customers(), all.customers()),
                        ratio(t.trailing(), all.trailing()))));
    return new Pyramid(axes.pyramidAxis(), tiers);
  }

  /**
   * The four quadrants of the active customers and the inactive ones apart (by their tier, which is
   * the quadrant's activity rule too).
   */
  private static Portfolio portfolio(
      SegmentCube cube, RunAxes axes, Dataset<Row> customers, long activeCustomers) {
    List<SegmentCube.Cell> active =
        cube.cells().stream().filter(c -> !c.tier().equals(ValuePyramid.INACTIVE)).toList();
    List<Portfolio.Quadrant> quadrants = new ArrayList<>();
    SegmentCube.of(active, cube.hasClv())
        .by(SegmentCube.Cell::quadrant, PortfolioQuadrant.QUADRANTS)
        .forEach(
            (q, t) ->
                quadrants.add(
                    new Portfolio.Quadrant(q, t.customers(), t.trailing(), t.monetary())));
    SegmentCube.Totals inactive =
        cube.by(SegmentCube.Cell::tier, List.of(ValuePyramid.INACTIVE)).get(ValuePyramid.INACTIVE);
    return new Portfolio(
        axes.quadrantValueAxis(),
        axes.quadrantGrowthAxis(),
        axes.valueThreshold(),
        axes.growthThreshold(),
        quadrants,
        new Portfolio.Inactive(inactive.customers(), inactive.monetary()),
        PortfolioSample.of(customers, activeCustomers, axes));
  }

  private static Rfm rfm(SegmentCube cube) {
    List<Rfm.Cell> heatmap = new ArrayList<>();
    cube.by(c -> c.r() + "," + c.f(), List.of())
        .forEach(
            (k, t) ->
                heatmap.add(
                    new Rfm.Cell(
                        Integer.parseInt(k.split(",")[0]),
                        Integer.parseInt(k.split(",")[1]),
                        t.customers(),
                        t.meanMoney(t.monetary()).doubleValue())));
    List<Rfm.Segment> segments = new ArrayList<>();
    cube.by(SegmentCube.Cell::segment, List.of())
        .forEach(
            (s, t) ->
                segments.add(
                    new Rfm.Segment(
                        s,
                        t.customers(),
                        t.monetary(),
                        t.mean(t.recencyDays()),
                        t.mean(t.frequency()),
                        t.meanMoney(t.monetary()).doubleValue())));
    return new Rfm(heatmap, segments);
  }

  private static Lifecycle lifecycle(SegmentCube cube, MigrationReports.Flows flows) {
    if (cube.cells().stream().allMatch(c -> c.stage() == null)) {
      return null;
    }
    List<Lifecycle.Stage> stages = new ArrayList<>();
    cube.by(SegmentCube.Cell::stage, LifecycleStage.STAGES)
        .forEach(
            (stage, t) ->
                stages.add(
                    new Lifecycle.Stage(
                        stage, t.customers(), t.trailing(), cube.hasClv() ? t.clv() : null)));
    return flows == null
        ? new Lifecycle(stages, null, null)
        : new Lifecycle(
            stages,
            flows.previousRunDate(),
            MigrationReports.flowMatrix(flows, MigrationReports.Dimension.LIFECYCLE));
  }

  private static Relationships relationships(Inputs in) {
    List<Relationships.Row> rows = new ArrayList<>();
    in.recommendations()
        .forEach(
            (dimension, bySegment) ->
                bySegment.values().forEach(r -> rows.add(new Relationships.Row(dimension, r))));
    return new Relationships(in.levels(), rows);
  }

  private static DataQuality dataQuality(IngestCounts c) {
    return new DataQuality(
        c.inputRows(),
        DataQuality.outcomes(c.cleanRows(), c.quarantinedRows(), c.duplicateRows(), c.laterRows()),
        c.refundRows(),
        c.quarantinedByReason());
  }

  private static List<TrendPoint> trends(
      SegmentCube cube, LocalDate runDate, Path reportsRoot, Configuration conf) {
    List<TrendPoint> out = new ArrayList<>(RunTrends.before(reportsRoot, runDate, conf));
    Map<String, Long> now = new LinkedHashMap<>();
    cube.by(SegmentCube.Cell::tier, ValuePyramid.TIERS)
        .forEach((t, x) -> now.put(t, x.customers()));
    out.add(new TrendPoint(runDate, now, cube.total().trailing()));
    return out;
  }

  private static double ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? 0.0 : part.doubleValue() / whole.doubleValue();
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
