package org.custseg.job;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.Settings;
import org.custseg.features.CustomerFeatures;
import org.custseg.features.CustomerState;
import org.custseg.report.DataDictionary;
import org.custseg.report.DatasetCsvWriter;
import org.custseg.schema.Columns;
import org.custseg.scoring.CustomerValuation;
import org.custseg.segmentation.CustomerSegmentation;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.spark.SparkSessionProvider;

/**
 * Step 3: scores and segments every customer; writes the customer table (Parquet) and its CSV
 * report (customers.csv, by value_rank).
 */
class SegmentationTasklet extends SparkTasklet {

  /** Execution-context key of the value models' manifest entry (JSON). */
  static final String VALUE_MODELS = "value.models";

  private final RfmSegmentTable segmentTable;

  SegmentationTasklet(
      SparkSessionProvider spark, Settings properties, RfmSegmentTable segmentTable) {
    super(spark, properties);
    this.segmentTable = segmentTable;
  }

  @Override
  protected void execute(StepContext ctx) {
    LocalDate runDate = ctx.run().runDate();
    Dataset<Row> features =
        CustomerFeatures.fromState(
            ctx.session()
                .read()
                .schema(CustomerState.SCHEMA)
                .parquet(ctx.layout().stagingState(runDate, "customers").toString()),
            runDate,
            properties.portfolio().trailingDays(),
            properties.rfm().activityWindowDays());
    CustomerValuation.Outcome value =
        CustomerValuation.run(features, properties.value(), properties.portfolio());
    ctx.job()
        .putString(VALUE_MODELS, Json.write(CustomerValuation.manifest(value, properties.value())));
    // Scored once (the value models run per customer), then read by every pass of the step.
    Dataset<Row> scored = value.scored().persist(StorageLevel.MEMORY_AND_DISK());
    CustomerSegmentation.Result result =
        CustomerSegmentation.segment(
            scored,
            runDate,
            new CustomerSegmentation.Rules(
                properties.pyramid(),
                properties.portfolio(),
                properties.lifecycle(),
                properties.clusters(),
                properties.relationship()),
            segmentTable,
            value.axes());
    result
        .customers()
        .write()
        .mode("overwrite")
        .partitionBy(Columns.RUN_DATE)
        .parquet(ctx.layout().stagingCustomerTable(runDate).toString());
    EmptyResult.ensurePartition(
        result.customers(), ctx.layout().stagingCustomers(runDate), ctx.hadoop());
    // customers.csv (a report) is written here, from the table still in rank order: written
    // by the reports step it would cost a second sort of every customer.
    DatasetCsvWriter.write(
        result.customers(),
        DataDictionary.CUSTOMERS,
        new Path(ctx.layout().stagingReports(runDate), DataDictionary.CUSTOMERS_FILE),
        properties.report().csvBom());
    long seen = ctx.job().getLong(FeaturesTasklet.CUSTOMERS_SEEN, result.customerCount());
    SegmentationFacts facts = SegmentationFacts.of(result, seen - result.customerCount());
    ctx.job().putString(JobKeys.FACTS, Json.write(facts));
    ctx.job().putString(JobKeys.CLUSTERS, Json.write(result.clusterModel()));
    ctx.rows(result.customerCount(), result.customerCount());
  }
}
