package org.custseg.job;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.Settings;
import org.custseg.features.CustomerState;
import org.custseg.ingest.IngestCounts;
import org.custseg.report.ChurnSummary;
import org.custseg.report.ClusterProfiles;
import org.custseg.report.CsvReportWriter;
import org.custseg.report.DataDictionary;
import org.custseg.report.HtmlReportBuilder;
import org.custseg.report.MigrationReports;
import org.custseg.report.ModelFitSection;
import org.custseg.report.OutputFiles;
import org.custseg.report.ReportTable;
import org.custseg.report.SegmentBreakdown;
import org.custseg.report.SegmentCube;
import org.custseg.report.SummaryReports;
import org.custseg.report.html.HtmlReportRenderer;
import org.custseg.report.html.ReportModel;
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

    SegmentCube cube = SegmentCube.of(customers);
    ctx.job().putString(JobKeys.SEGMENT_COUNTS, Json.write(SegmentCounts.of(cube)));
    BehaviouralClusters.Model clusters =
        Json.read(ctx.job().getString(JobKeys.CLUSTERS), BehaviouralClusters.Model.class);
    Dataset<Row> state =
        ctx.session()
            .read()
            .schema(CustomerState.SCHEMA)
            .parquet(ctx.layout().stagingState(runDate, "customers").toString());
    ReportTable[] tables = {
      SummaryReports.segmentSummary(
          cube, segmentTable, new RelationshipLevels(properties.relationship())),
      ClusterProfiles.table(customers, clusters),
      SegmentBreakdown.table(state, customers),
      SummaryReports.pyramid(cube, facts),
      SummaryReports.portfolio(cube, facts),
      SummaryReports.rfmSegments(cube, segmentTable),
      DataDictionary.table()
    };
    for (ReportTable t : tables) {
      CsvReportWriter.write(EmptyResult.summary(t, facts.customers()), dir, bom, ctx.hadoop());
    }

    IngestCounts counts = Json.read(ctx.job().getString(JobKeys.INGEST_COUNTS), IngestCounts.class);
    ReportModel model =
        HtmlReportBuilder.build(
            runDate,
            cube,
            facts,
            counts,
            customers,
            new Path(ctx.layout().root(), "reports"),
            ctx.hadoop());
    model = RunHeadline.complete(model, history(ctx), facts, runDate);
    model = migration(ctx, customers, dir, bom, model);
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

  /**
   * Migration matrices and churn against the previous completed run, when there is one; what was
   * compared (or why nothing was) goes to the manifest.
   */
  private ReportModel migration(
      StepContext ctx, Dataset<Row> customers, Path dir, boolean bom, ReportModel model) {
    LocalDate runDate = ctx.run().runDate();
    Optional<LocalDate> previous =
        MigrationReports.previousRun(
            new Path(ctx.layout().root(), "reports"), runDate, ctx.hadoop());
    Map<String, Object> note = new LinkedHashMap<>();
    if (previous.isEmpty()
        || !OutputFiles.exists(ctx.layout().customers(previous.get()), ctx.hadoop())) {
      note.put("previous_run_date", null);
      note.put(
          "note",
          previous.isEmpty()
              ? "no completed run before " + runDate + ": no migration matrix or churn summary"
              : "the previous run " + previous.get() + " has no customer table: no migration");
      ctx.job().putString(JobKeys.MIGRATION, Json.write(note));
      return model;
    }
    LocalDate p = previous.get();
    Dataset<Row> before = ctx.session().read().parquet(ctx.layout().customers(p).toString());
    MigrationReports.Flows flows = MigrationReports.flows(before, p, customers, runDate);
    for (ReportTable t :
        List.of(
            MigrationReports.tierMatrix(flows),
            MigrationReports.quadrantMatrix(flows),
            ChurnSummary.table(flows))) {
      CsvReportWriter.write(t, dir, bom, ctx.hadoop());
    }
    note.put("previous_run_date", p.toString());
    note.put("note", "compared with the completed run of " + p);
    note.put(
        "files",
        List.of(MigrationReports.TIER_FILE, MigrationReports.QUADRANT_FILE, ChurnSummary.FILE));
    note.put("lost_value_basis", flows.lostValueBasis());
    ctx.job().putString(JobKeys.MIGRATION, Json.write(note));
    return model.withMigration(MigrationReports.html(flows));
  }
}
