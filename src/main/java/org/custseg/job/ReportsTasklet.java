package org.custseg.job;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.Settings;
import org.custseg.features.CustomerState;
import org.custseg.ingest.IngestCounts;
import org.custseg.report.ActionLists;
import org.custseg.report.ChurnSummary;
import org.custseg.report.ClusterProfiles;
import org.custseg.report.CsvReportWriter;
import org.custseg.report.DataDictionary;
import org.custseg.report.DatasetCsvWriter;
import org.custseg.report.HtmlReportBuilder;
import org.custseg.report.MigrationReports;
import org.custseg.report.ModelHealthReader;
import org.custseg.report.OutputFiles;
import org.custseg.report.PAliveHistogram;
import org.custseg.report.ReportTable;
import org.custseg.report.RunAxes;
import org.custseg.report.SegmentBreakdown;
import org.custseg.report.SegmentCube;
import org.custseg.report.SegmentRecommendations;
import org.custseg.report.SummaryReports;
import org.custseg.report.html.HtmlReportRenderer;
import org.custseg.report.html.ReportLabels;
import org.custseg.report.html.ReportModel;
import org.custseg.report.html.Units;
import org.custseg.segmentation.BehaviouralClusters;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.spark.SparkSessionProvider;

/**
 * Step 4: the CSV reports, the data dictionary and report.html, written aside in the staging area.
 * Everything is computed in Spark and only aggregates (plus the bounded portfolio sample and the
 * first rows of each action list) reach the driver.
 */
class ReportsTasklet extends SparkTasklet {

  /** Rows of each action list the report shows (action_lists.csv holds up to top-n). */
  static final int ACTION_ROWS_IN_REPORT = 10;

  private final RfmSegmentTable segmentTable;

  ReportsTasklet(SparkSessionProvider spark, Settings properties, RfmSegmentTable segmentTable) {
    super(spark, properties);
    this.segmentTable = segmentTable;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void execute(StepContext ctx) {
    LocalDate runDate = ctx.run().runDate();
    Path dir = ctx.layout().stagingReports(runDate);
    Dataset<Row> customers =
        ctx.session()
            .read()
            .option("basePath", ctx.layout().stagingCustomerTable(runDate).toString())
            .parquet(ctx.layout().stagingCustomers(runDate).toString());
    SegmentationFacts facts =
        Json.read(ctx.job().getString(JobKeys.FACTS), SegmentationFacts.class);
    RunAxes axes = RunAxes.of(facts);
    Units units = Units.of(properties, ctx.job().getString(JobKeys.REPORTING_CURRENCY, ""));
    boolean bom = properties.report().csvBom();
    PreviousRun previous = previousRun(ctx, runDate);

    SegmentCube cube = SegmentCube.of(customers);
    ctx.job().putString(JobKeys.SEGMENT_COUNTS, Json.write(SegmentCounts.of(cube)));
    RelationshipLevels levels = new RelationshipLevels(properties.relationship());
    var recommendations = SegmentRecommendations.of(cube, levels);
    BehaviouralClusters.Model clusterModel =
        Json.read(ctx.job().getString(JobKeys.CLUSTERS), BehaviouralClusters.Model.class);
    Dataset<Row> state =
        ctx.session()
            .read()
            .schema(CustomerState.SCHEMA)
            .parquet(ctx.layout().stagingState(runDate, "customers").toString());
    ReportTable clusters = ClusterProfiles.table(customers, clusterModel, units);
    for (ReportTable t :
        List.of(
            SummaryReports.segmentSummary(cube, segmentTable, levels, units),
            clusters,
            SegmentBreakdown.table(state, customers, units),
            SummaryReports.pyramid(cube, facts, units),
            SummaryReports.portfolio(cube, axes, units),
            SummaryReports.rfmSegments(cube, segmentTable, units),
            DataDictionary.table(units))) {
      CsvReportWriter.write(EmptyResult.summary(t, facts.customers()), dir, bom, ctx.hadoop());
    }
    MigrationReports.Flows flows = migration(ctx, previous, customers, dir, units);

    Dataset<Row> actions =
        ActionLists.rows(
                customers,
                previous == null ? null : previous.customers(),
                previous == null ? null : previous.date(),
                properties.actions(),
                properties.rfm().activityWindowDays(),
                recommendations,
                units)
            .persist(StorageLevel.MEMORY_AND_DISK());
    DatasetCsvWriter.write(actions, ActionLists.COLUMNS, new Path(dir, ActionLists.FILE), bom);

    IngestCounts counts = Json.read(ctx.job().getString(JobKeys.INGEST_COUNTS), IngestCounts.class);
    ReportModel.Builder model =
        HtmlReportBuilder.build(
            new HtmlReportBuilder.Inputs(
                runDate,
                units,
                cube,
                facts.activeCustomers(),
                axes,
                counts,
                flows,
                properties.report().minChurnWindowDays(),
                recommendations,
                properties.relationship().levels()),
            customers,
            new Path(ctx.layout().root(), "reports"),
            ctx.hadoop());
    RunHeadline.complete(
        model,
        history(ctx),
        facts,
        runDate,
        ReportLabels.forLanguageTag(properties.report().language()));
    model
        .clusters(ClusterProfiles.html(clusters, clusterModel))
        .actions(ActionLists.html(actions, properties.actions(), ACTION_ROWS_IN_REPORT));
    actions.unpersist();
    String valueModels = ctx.job().getString(SegmentationTasklet.VALUE_MODELS, null);
    if (valueModels != null) {
      model.modelHealth(
          ModelHealthReader.of(
              Json.read(valueModels, Map.class),
              PAliveHistogram.of(customers),
              ModelHealthReader.evaluation(
                  new Path(ctx.layout().root(), "evaluation"), ctx.hadoop())));
    }
    OutputFiles.writeText(
        new Path(dir, "report.html"),
        HtmlReportRenderer.render(model.build(), properties.report().language()),
        ctx.hadoop());
    ctx.rows(facts.customers(), facts.customers());
  }

  /** The latest completed run before this one, with its customer table. */
  private record PreviousRun(LocalDate date, Dataset<Row> customers) {}

  /** The previous completed run, or null; the manifest says which (or why there is none). */
  private static PreviousRun previousRun(StepContext ctx, LocalDate runDate) {
    Optional<LocalDate> previous =
        MigrationReports.previousRun(
            new Path(ctx.layout().root(), "reports"), runDate, ctx.hadoop());
    if (previous.isEmpty()
        || !OutputFiles.exists(ctx.layout().customers(previous.get()), ctx.hadoop())) {
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("previous_run_date", null);
      note.put(
          "note",
          previous.isEmpty()
              ? "no completed run before "
                  + runDate
                  + ": no migration matrix, lifecycle flow or churn summary; vip_key_slipping "
                  + "lists customers below the threshold without a comparison"
              : "the previous run " + previous.get() + " has no customer table: no migration");
      ctx.job().putString(JobKeys.MIGRATION, Json.write(note));
      return null;
    }
    LocalDate p = previous.get();
    return new PreviousRun(p, ctx.session().read().parquet(ctx.layout().customers(p).toString()));
  }

  /**
   * Migration matrices and churn against the previous completed run, when there is one; the
   * manifest says what was compared.
   *
   * @return the flows, or null without a previous run
   */
  private MigrationReports.Flows migration(
      StepContext ctx, PreviousRun previous, Dataset<Row> customers, Path dir, Units units) {
    if (previous == null) {
      return null;
    }
    LocalDate p = previous.date();
    MigrationReports.Flows flows =
        MigrationReports.flows(previous.customers(), p, customers, ctx.run().runDate());
    for (ReportTable t :
        List.of(
            MigrationReports.tierMatrix(flows, units),
            MigrationReports.quadrantMatrix(flows, units),
            MigrationReports.lifecycleMatrix(flows, units),
            ChurnSummary.table(flows, units, properties.report().minChurnWindowDays()))) {
      CsvReportWriter.write(t, dir, properties.report().csvBom(), ctx.hadoop());
    }
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("previous_run_date", p.toString());
    note.put("note", "compared with the completed run of " + p);
    note.put(
        "files",
        List.of(
            MigrationReports.TIER_FILE,
            MigrationReports.QUADRANT_FILE,
            MigrationReports.LIFECYCLE_FILE,
            ChurnSummary.FILE));
    note.put("lost_value_basis", flows.lostValueBasis());
    ctx.job().putString(JobKeys.MIGRATION, Json.write(note));
    return flows;
  }
}
