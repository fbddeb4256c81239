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
 * that is being recomputed has its old outputs moved aside first (reports, with their
 * {@code _SUCCESS}, before the others) and deleted at the end, so a reader sees either the old
 * complete set, nothing (briefly), or the new complete set.
 *
 * <p>Restart-safe: a publish that died part-way (kill -9 between two moves) is run again by the
 * restart; a staged directory that is gone was already moved into place by the first attempt and
 * is left as it is, so the second attempt finishes the moves and writes {@code _SUCCESS}.
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
    // Reports first: moving the old reports (and their _SUCCESS) aside is what tells readers the
    // old set is going; publishing them last, then _SUCCESS, tells them the new set is complete.
    Path[][] moves = {
        {layout.stagingReports(d), layout.reports(d)},
        {layout.stagingCustomers(d), layout.customers(d)},
        {layout.stagingQuarantine(d), layout.quarantine(d)}};
    if (OutputFiles.exists(layout.stagingReports(d), conf)) {
      OutputFiles.writeText(new Path(layout.stagingReports(d), "manifest.json"),
          Json.write(ManifestBuilder.build(ctx.jobExecution(), ctx.run(), properties,
              ctx.session().version())), conf);
    }

    Path trash = layout.trash(d);
    OutputFiles.delete(trash, conf);
    for (Path[] move : moves) {
      if (OutputFiles.exists(move[0], conf) && OutputFiles.exists(move[1], conf)) {
        OutputFiles.move(move[1], new Path(trash, move[1].getParent().getName()), conf);
      }
    }
    for (int i = moves.length - 1; i >= 0; i--) {
      Path[] move = moves[i];
      if (OutputFiles.exists(move[0], conf)) {
        OutputFiles.move(move[0], move[1], conf);
      } else if (OutputFiles.exists(move[1], conf)) {
        LOG.info("{} was already published by an earlier attempt", move[1]);
      } else {
        throw new IllegalStateException("nothing to publish for run date " + d + ": neither "
            + move[0] + " nor " + move[1] + " exists");
      }
    }
    OutputFiles.writeText(new Path(layout.reports(d), SUCCESS), "", conf);
    OutputFiles.delete(trash, conf);
    OutputFiles.delete(layout.staging(d), conf);
    LOG.info("Published run date {}: {}", d, layout.reports(d));
  }
}
