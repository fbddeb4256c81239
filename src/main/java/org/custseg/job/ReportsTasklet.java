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
import org.custseg.report.ModelFitSection;
import org.custseg.report.OutputFiles;
import org.custseg.report.ReportTable;
import org.custseg.report.RunAxes;
import org.custseg.report.SegmentBreakdown;
import org.custseg.report.SegmentCube;
import org.custseg.report.SegmentRecommendations;
import org.custseg.report.SummaryReports;
import org.custseg.report.html.HtmlReportRenderer;
import org.custseg.report.html.ReportModel;
import org.custseg.report.html.Units;
import org.custseg.segmentation.BehaviouralClusters;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.spark.SparkSessionProvider;

/** Step 4: the CSV reports and the data dictionary, written aside in the staging area. */
class ReportsTasklet extends SparkTasklet {

  private final RfmSegmentTable segmentTable;

  ReportsTasklet(SparkSessionProvider spark, Settings properties, RfmSegmentTable segmentTable) {
    super(spark, properties);
    this.segmentTable = segmentTable;
  }

  @Override
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
    boolean bom = properties.report().csvBom();
    Units units = Units.of(properties, ctx.job().getString(JobKeys.REPORTING_CURRENCY, ""));
    @SuppressWarnings("unchecked")
    RunAxes axes = RunAxes.of(Json.read(ctx.job().getString(JobKeys.FACTS), Map.class));

    PreviousRun previous = previousRun(ctx, runDate);
    SegmentCube cube = SegmentCube.of(customers);
    RelationshipLevels levels = new RelationshipLevels(properties.relationship());
    BehaviouralClusters.Model clusters =
        Json.read(ctx.job().getString(JobKeys.CLUSTERS), BehaviouralClusters.Model.class);
    Dataset<Row> state =
        ctx.session()
            .read()
            .schema(CustomerState.SCHEMA)
            .parquet(ctx.layout().stagingState(runDate, "customers").toString());
    ReportTable[] tables = {
      SummaryReports.segmentSummary(cube, segmentTable, levels, units),
      ClusterProfiles.table(customers, clusters, units),
      SegmentBreakdown.table(state, customers, units),
      SummaryReports.pyramid(cube, facts, units),
      SummaryReports.portfolio(cube, axes, units),
      SummaryReports.rfmSegments(cube, segmentTable, units),
      DataDictionary.table(units)
    };
    for (ReportTable t : tables) {
      CsvReportWriter.write(t, dir, bom, ctx.hadoop());
    }
    Dataset<Row> actions =
        ActionLists.rows(
                customers,
                previous == null ? null : previous.customers(),
                previous == null ? null : previous.date(),
                properties.actions(),
                properties.rfm().activityWindowDays(),
                SegmentRecommendations.of(cube, levels),
                units)
            .persist(StorageLevel.MEMORY_AND_DISK());
    DatasetCsvWriter.write(actions, ActionLists.COLUMNS, new Path(dir, ActionLists.FILE), bom);
    actions.unpersist();

    IngestCounts counts = Json.read(ctx.job().getString(JobKeys.INGEST_COUNTS), IngestCounts.class);
    ReportModel model =
        HtmlReportBuilder.build(
            runDate,
            cube,
            facts,
            axes,
            units,
            counts,
            customers,
            new Path(ctx.layout().root(), "reports"),
            ctx.hadoop());
    model = migration(ctx, previous, customers, dir, bom, units, model);
    String valueModels = ctx.job().getString(SegmentationTasklet.VALUE_MODELS, null);
    if (valueModels != null) {
      model = model.withModelFit(ModelFitSection.of(Json.read(valueModels, java.util.Map.class)));
    }
    OutputFiles.writeText(
        new Path(dir, "report.html"),
        HtmlReportRenderer.render(model, properties.report().language()),
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

  /** Migration matrices and churn against the previous completed run, when there is one. */
  private ReportModel migration(
      StepContext ctx,
      PreviousRun previous,
      Dataset<Row> customers,
      Path dir,
      boolean bom,
      Units units,
      ReportModel model) {
    if (previous == null) {
      return model;
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
      CsvReportWriter.write(t, dir, bom, ctx.hadoop());
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
    return model.withMigration(MigrationReports.html(flows));
  }
}
