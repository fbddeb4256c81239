package org.custseg.job;

import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.custseg.config.SegmentationProperties;
import org.custseg.report.OutputFiles;
import org.custseg.spark.SparkSessionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5: moves the date's staged outputs into place and writes {@code _SUCCESS} last. A date
 * that is being recomputed has its old outputs moved aside first and deleted at the end, so a
 * reader sees either the old complete set, nothing (briefly), or the new complete set.
 */
class PublishTasklet extends SparkTasklet {

  private static final Logger LOG = LoggerFactory.getLogger(PublishTasklet.class);
  static final String SUCCESS = "_SUCCESS";

  PublishTasklet(SparkSessionProvider spark, SegmentationProperties properties) {
    super(spark, properties);
  }

  @Override
  protected void execute(StepContext ctx) {
    LocalDate d = ctx.run().runDate();
    OutputLayout layout = ctx.layout();
    Configuration conf = ctx.hadoop();
    OutputFiles.writeText(new Path(layout.stagingReports(d), "manifest.json"),
        Json.write(ManifestBuilder.build(ctx.jobExecution(), ctx.run(), properties,
            ctx.session().version())), conf);

    Path trash = layout.trash(d);
    OutputFiles.delete(trash, conf);
    Path[][] moves = {
        {layout.stagingCustomers(d), layout.customers(d)},
        {layout.stagingQuarantine(d), layout.quarantine(d)},
        {layout.stagingReports(d), layout.reports(d)}};
    for (Path[] move : moves) {
      if (OutputFiles.exists(move[1], conf)) {
        OutputFiles.move(move[1], new Path(trash, move[1].getParent().getName()), conf);
      }
    }
    for (Path[] move : moves) {
      OutputFiles.move(move[0], move[1], conf);
    }
    OutputFiles.writeText(new Path(layout.reports(d), SUCCESS), "", conf);
    OutputFiles.delete(trash, conf);
    OutputFiles.delete(layout.staging(d), conf);
    LOG.info("Published run date {}: {}", d, layout.reports(d));
  }
}
