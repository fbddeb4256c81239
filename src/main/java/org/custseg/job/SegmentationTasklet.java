package org.custseg.job;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.SegmentationProperties;
import org.custseg.features.Columns;
import org.custseg.segmentation.CustomerSegmentation;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.spark.SparkSessionProvider;

/** Step 3: scores and segments every customer; writes the customer table (Parquet). */
class SegmentationTasklet extends SparkTasklet {

  private final RfmSegmentTable segmentTable;

  SegmentationTasklet(SparkSessionProvider spark, SegmentationProperties properties,
      RfmSegmentTable segmentTable) {
    super(spark, properties);
    this.segmentTable = segmentTable;
  }

  @Override
  protected void execute(StepContext ctx) {
    LocalDate runDate = ctx.run().runDate();
    Dataset<Row> features = ctx.session().read()
        .parquet(ctx.layout().stagingFeatures(runDate).toString());
    CustomerSegmentation.Result result =
        CustomerSegmentation.segment(features, runDate, properties, segmentTable);
    result.customers().write().mode("overwrite").partitionBy(Columns.RUN_DATE)
        .parquet(ctx.layout().stagingCustomerTable(runDate).toString());
    long seen = ctx.job().getLong(FeaturesTasklet.CUSTOMERS_SEEN, result.customerCount());
    SegmentationFacts facts = SegmentationFacts.of(result, seen - result.customerCount());
    ctx.job().putString(JobKeys.FACTS, Json.write(facts));
    ctx.job().putString(JobKeys.CLUSTERS, Json.write(result.clusterModel()));
    ctx.rows(result.customerCount(), result.customerCount());
  }
}
