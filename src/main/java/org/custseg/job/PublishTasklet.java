package org.custseg.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.custseg.config.SegmentationProperties;
import org.custseg.report.OutputFiles;
import org.custseg.spark.SparkSessionProvider;
import org.custseg.state.FileStamp;
import org.custseg.state.StateFingerprint;
import org.custseg.state.StateMeta;
import org.custseg.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5: moves the date's staged outputs into place and writes {@code _SUCCESS} last. A date
 * that is being recomputed has its old outputs moved aside first and deleted at the end, so a
 * reader sees either the old complete set, nothing (briefly), or the new complete set. Then the
 * run's state is kept for the next incremental run. Safe to run again after a crash: parts
 * already moved are left as they are.
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
    Path manifest = new Path(layout.stagingReports(d), "manifest.json");
    if (OutputFiles.exists(layout.stagingReports(d), conf)) {
      OutputFiles.writeText(manifest, Json.write(ManifestBuilder.build(ctx.jobExecution(),
          ctx.run(), properties, ctx.session().version())), conf);
    }

    Path trash = layout.trash(d);
    Path[][] moves = {
        {layout.stagingCustomers(d), layout.customers(d)},
        {layout.stagingQuarantine(d), layout.quarantine(d)},
        {layout.stagingReports(d), layout.reports(d)}};
    for (Path[] move : moves) {
      if (OutputFiles.exists(move[0], conf) && OutputFiles.exists(move[1], conf)) {
        OutputFiles.move(move[1], new Path(trash, move[1].getParent().getName()), conf);
      }
    }
    for (Path[] move : moves) {
      if (OutputFiles.exists(move[0], conf)) {
        OutputFiles.move(move[0], move[1], conf);
      }
    }
    OutputFiles.writeText(new Path(layout.reports(d), SUCCESS), "", conf);
    OutputFiles.delete(trash, conf);
    keepState(ctx, d, layout, conf);
    OutputFiles.delete(layout.staging(d), conf);
    LOG.info("Published run date {}: {}", d, layout.reports(d));
  }

  /**
   * Keeps the run's state under {@code _state/}. States of later dates were built on an older
   * view of this date and are removed: the next run after this date continues from this state.
   */
  private void keepState(StepContext ctx, LocalDate d, OutputLayout layout, Configuration conf) {
    StateStore store = StateStore.under(layout.root());
    if (!OutputFiles.exists(layout.stagingState(d, "customers"), conf)) {
      return; // already kept by an earlier attempt of this step
    }
    removeStatesAfter(store, d, conf);
    OutputFiles.delete(store.state(d), conf);
    OutputFiles.delete(store.keys(d.toString()), conf);
    OutputFiles.move(layout.stagingState(d, "customers"), store.customers(d), conf);
    OutputFiles.move(layout.stagingState(d, "pending"), store.pending(d), conf);
    OutputFiles.move(layout.stagingState(d, "keys"), store.keys(d.toString()), conf);

    String base = ctx.job().getString(JobKeys.STATE_BASE, "");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> current = Json.read(
        ctx.job().getString(JobKeys.FILE_STAMPS, "{}"), Map.class);
    Map<String, FileStamp> files = new LinkedHashMap<>();
    List<String> chain = new ArrayList<>();
    if (!base.isEmpty()) {
      StateMeta previous = store.read(LocalDate.parse(base), conf);
      files.putAll(previous.files());
      chain.addAll(previous.keyChain());
    }
    current.forEach((f, s) -> files.put(f, new FileStamp(s.get("size").longValue(),
        s.get("modified").longValue())));
    chain.add(d.toString());
    StateMeta meta = new StateMeta(d.toString(), base.isEmpty() ? "full" : "incremental",
        base.isEmpty() ? null : base, StateFingerprint.of(properties), StateMeta.FORMAT_VERSION,
        files, chain);
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
