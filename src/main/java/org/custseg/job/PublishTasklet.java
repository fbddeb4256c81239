package org.custseg.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.custseg.config.Settings;
import org.custseg.report.OutputFiles;
import org.custseg.spark.SparkSessionProvider;
import org.custseg.state.FileStamp;
import org.custseg.state.IngestHistory;
import org.custseg.state.StateMeta;
import org.custseg.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5: moves the date's staged outputs into place and writes {@code _SUCCESS} last. A date that
 * is being recomputed has its old outputs moved aside first (reports, with their {@code _SUCCESS},
 * before the others) and deleted at the end, so a reader sees either the old complete set, nothing
 * (briefly), or the new complete set.
 *
 * <p>Restart-safe: a publish that died part-way (kill -9 between two moves) is run again by the
 * restart; a staged directory that is gone was already moved into place by the first attempt and is
 * left as it is, so the second attempt finishes the moves and writes {@code _SUCCESS}. Then the
 * run's state is kept for the next incremental run.
 */
class PublishTasklet extends SparkTasklet {

  private static final Logger LOG = LoggerFactory.getLogger(PublishTasklet.class);
  static final String SUCCESS = "_SUCCESS";

  private final RunTracker tracker;

  PublishTasklet(SparkSessionProvider spark, Settings properties, RunTracker tracker) {
    super(spark, properties);
    this.tracker = tracker;
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
      {layout.stagingQuarantine(d), layout.quarantine(d)}
    };
    IngestHistory history = history(ctx);
    if (OutputFiles.exists(layout.stagingReports(d), conf)) {
      OutputFiles.writeText(
          new Path(layout.stagingReports(d), "manifest.json"),
          Json.write(
              ManifestBuilder.build(
                  ctx.jobExecution(), ctx.run(), properties, ctx.session().version(), history)),
          conf);
      // The published copy of the run's metrics, with the other reports (the command writes
      // the _metrics copies when the run has ended).
      OutputFiles.writeText(
          new Path(layout.stagingReports(d), MetricsPublisher.FILE),
          RunMetrics.text(
              RunMetrics.registry(
                  RunFigures.of(ctx.jobExecution()),
                  new RunMetrics.Outcome(d, ExitCodes.OK, Instant.now(), tracker.wallTime()))),
          conf);
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
        throw new IllegalStateException(
            "nothing to publish for run date "
                + d
                + ": neither "
                + move[0]
                + " nor "
                + move[1]
                + " exists");
      }
    }
    OutputFiles.writeText(new Path(layout.reports(d), SUCCESS), "", conf);
    OutputFiles.delete(trash, conf);
    keepState(ctx, d, layout, conf, history);
    OutputFiles.delete(layout.staging(d), conf);
    LOG.info("Published run date {}: {}", d, layout.reports(d));
  }

  /**
   * Keeps the run's state under {@code _state/}. States of later dates were built on an older view
   * of this date and are removed: the next run after this date continues from this state.
   */
  private void keepState(
      StepContext ctx,
      LocalDate d,
      OutputLayout layout,
      Configuration conf,
      IngestHistory history) {
    StateStore store = StateStore.under(layout.root());
    Path[][] parts = {
      {layout.stagingState(d, "customers"), store.customers(d)},
      {layout.stagingState(d, "pending"), store.pending(d)},
      {layout.stagingState(d, "keys"), store.keys(d.toString())}
    };
    boolean staged = false;
    for (Path[] part : parts) {
      staged |= OutputFiles.exists(part[0], conf);
    }
    if (!staged && OutputFiles.exists(store.meta(d), conf)) {
      return; // kept by an earlier attempt of this step
    }
    // Without its meta.json a state is not used, so a crash in between leaves no half state.
    OutputFiles.delete(store.meta(d), conf);
    removeStatesAfter(store, d, conf);
    for (Path[] part : parts) {
      if (OutputFiles.exists(part[0], conf)) {
        OutputFiles.delete(part[1], conf);
        OutputFiles.move(part[0], part[1], conf);
      }
    }

    String base = ctx.job().getString(JobKeys.STATE_BASE, "");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> current =
        Json.read(ctx.job().getString(JobKeys.FILE_STAMPS, "{}"), Map.class);
    Map<String, FileStamp> files = new LinkedHashMap<>();
    List<String> chain = new ArrayList<>();
    if (!base.isEmpty()) {
      StateMeta previous = store.read(LocalDate.parse(base), conf);
      files.putAll(previous.files());
      chain.addAll(previous.keyChain());
    }
    current.forEach(
        (f, s) ->
            files.put(f, new FileStamp(s.get("size").longValue(), s.get("modified").longValue())));
    chain.add(d.toString());
    StateMeta meta =
        new StateMeta(
            d.toString(),
            base.isEmpty() ? "full" : "incremental",
            base.isEmpty() ? null : base,
            ctx.job().getString(JobKeys.STATE_FINGERPRINT, ""),
            StateMeta.FORMAT_VERSION,
            files,
            chain,
            history,
            ctx.job().getString(JobKeys.REPORTING_CURRENCY, ""));
    OutputFiles.writeText(store.meta(d), StateStore.json(meta), conf);
  }

  private static void removeStatesAfter(StateStore store, LocalDate d, Configuration conf) {
    try {
      FileSystem fs = store.root().getFileSystem(conf);
      for (String pattern : new String[] {"run_date=*", "keys/run_date=*"}) {
        FileStatus[] dirs = fs.globStatus(new Path(store.root(), pattern));
        if (dirs == null) {
          continue;
        }
        for (FileStatus s : dirs) {
          LocalDate sd = LocalDate.parse(s.getPath().getName().substring("run_date=".length()));
          if (sd.isAfter(d)) {
            LOG.info("Removing the state of {}: it was built on an older view of {}", sd, d);
            fs.delete(s.getPath(), true);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the states after " + d, e);
    }
  }
}
