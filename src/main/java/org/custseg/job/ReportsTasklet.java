package org.custseg.job;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.SegmentationProperties;
import org.custseg.report.CsvReportWriter;
import org.custseg.report.DataDictionary;
import org.custseg.report.DatasetCsvWriter;
import org.custseg.report.HtmlReportBuilder;
import org.custseg.report.OutputFiles;
import org.custseg.report.html.HtmlReportRenderer;
import org.custseg.report.html.ReportModel;
import org.custseg.ingest.IngestCounts;
import org.custseg.report.ReportTable;
import org.custseg.report.SegmentCube;
import org.custseg.report.SummaryReports;
import org.custseg.report.ValueModelSummary;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.spark.SparkSessionProvider;

/** Step 4: the CSV reports and the data dictionary, written aside in the staging area. */
class ReportsTasklet extends SparkTasklet {

  private final RfmSegmentTable segmentTable;

  ReportsTasklet(SparkSessionProvider spark, SegmentationProperties properties,
      RfmSegmentTable segmentTable) {
    super(spark, properties);
    this.segmentTable = segmentTable;
  }

  @Override
  protected void execute(StepContext ctx) {
    LocalDate runDate = ctx.run().runDate();
    Path dir = ctx.layout().stagingReports(runDate);
    Dataset<Row> customers = ctx.session().read()
        .option("basePath", ctx.layout().stagingCustomerTable(runDate).toString())
        .parquet(ctx.layout().stagingCustomers(runDate).toString());
    SegmentationFacts facts = Json.read(ctx.job().getString(JobKeys.FACTS),
        SegmentationFacts.class);
    boolean bom = properties.report().csvBom();

    SegmentCube cube = SegmentCube.of(customers);
    ReportTable[] tables = {
        SummaryReports.segmentSummary(cube, segmentTable),
        SummaryReports.pyramid(cube, facts),
        SummaryReports.portfolio(cube, facts),
        SummaryReports.rfmSegments(cube, segmentTable),
        DataDictionary.table()};
    for (ReportTable t : tables) {
      CsvReportWriter.write(t, dir, bom, ctx.hadoop());
    }
    DatasetCsvWriter.write(customers.orderBy("value_rank"), DataDictionary.CUSTOMERS,
        new Path(dir, DataDictionary.CUSTOMERS_FILE), bom);

    IngestCounts counts = Json.read(ctx.job().getString(JobKeys.INGEST_COUNTS),
        IngestCounts.class);
    ReportModel model = HtmlReportBuilder.build(runDate, cube, facts, counts, customers,
        new Path(ctx.layout().root(), "reports"), ctx.hadoop());
    String valueModels = ctx.job().getString(SegmentationTasklet.VALUE_MODELS, null);
    if (valueModels != null) {
      model = model.withModelFit(ValueModelSummary.of(Json.read(valueModels, java.util.Map.class)));
    }
    OutputFiles.writeText(new Path(dir, "report.html"),
        HtmlReportRenderer.render(model, properties.report().language()), ctx.hadoop());
    ctx.rows(facts.customers(), facts.customers());
  }
}
