package org.custseg.job;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.SegmentationProperties;
import org.custseg.features.Columns;
import org.custseg.features.RfmFeatures;
import org.custseg.features.ValueModelInputs;
import org.custseg.ingest.ClassifiedRows;
import org.custseg.ingest.RowStatus;
import org.custseg.spark.SparkSessionProvider;

/** Step 2: per-customer RFM features from the clean transactions. */
class FeaturesTasklet extends SparkTasklet {

  static final String CUSTOMERS_SEEN = "customers.seen";

  FeaturesTasklet(SparkSessionProvider spark, SegmentationProperties properties) {
    super(spark, properties);
  }

  @Override
  protected void execute(StepContext ctx) {
    LocalDate runDate = ctx.run().runDate();
    Dataset<Row> clean = ClassifiedRows.withStatus(ClassifiedRows.read(ctx.session(),
        ctx.layout().stagingClassified(runDate).toString()), RowStatus.CLEAN);
    Dataset<Row> features = ValueModelInputs.attach(RfmFeatures.compute(clean, runDate,
        properties.portfolio().trailingDays(), properties.rfm().activityWindowDays()),
        clean, runDate);
    String out = ctx.layout().stagingFeatures(runDate).toString();
    features.write().mode("overwrite").parquet(out);
    long customers = ctx.session().read().parquet(out).count();
    long seen = clean.select(Columns.CUSTOMER_ID).distinct().count();
    ctx.job().putLong(CUSTOMERS_SEEN, seen);
    ctx.rows(seen, customers);
  }
}
