package org.custseg.job;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.custseg.config.Settings;
import org.custseg.ingest.ClassifiedRows;
import org.custseg.ingest.ExportFiles;
import org.custseg.ingest.Ingest;
import org.custseg.ingest.IngestCounts;
import org.custseg.ingest.ReportingCurrency;
import org.custseg.report.DataDictionary;
import org.custseg.report.DatasetCsvWriter;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;
import org.custseg.spark.SparkSessionProvider;
import org.custseg.state.FileStamp;
import org.custseg.state.KnownRows;
import org.custseg.state.StateMeta;
import org.custseg.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Step 1: reads the exports, classifies every row (clean, later, duplicate, quarantined), stores
 * them, writes the quarantine files, reconciles the counts and applies the data-quality gate.
 */
class IngestTasklet extends SparkTasklet {

  private static final Logger LOG = LoggerFactory.getLogger(IngestTasklet.class);

  private final Clock clock;

  IngestTasklet(SparkSessionProvider spark, Settings properties, Clock clock) {
    super(spark, properties);
    this.clock = clock;
  }

  @Override
  protected void execute(StepContext ctx) {
    LocalDate runDate = ctx.run().runDate();
    OutputLayout layout = ctx.layout();
    Ingest ingest = Ingest.of(ctx.session(), properties, clock);
    // the rates file first: a malformed one stops the step before any other work (exit 2)
    String fingerprint = stateFingerprint(ingest.rates().fingerprint());
    ExportFiles.Listing listing = ingest.list(ctx.run().inputPath());
    List<String> files = listing.exports();
    listing
        .skippedByReason()
        .forEach(
            (reason, skipped) ->
                LOG.warn(
                    "Skipped {} file(s) under the input, {} ({}): {}",
                    skipped.size(),
                    reason.code(),
                    reason.meaning(),
                    skipped));
    ctx.job().putString(JobKeys.SKIPPED_FILES, Json.write(listing.skipped()));
    LOG.info(
        "Ingesting {} export file(s) from {} for run date {}",
        files.size(),
        ctx.run().inputPath(),
        runDate);

    StateStore store = StateStore.under(layout.root());
    Map<String, FileStamp> stamps = StateStore.stamps(files, ctx.hadoop());
    IngestPlan plan =
        IngestPlan.of(
            ctx.run().full(),
            store.latestBefore(runDate, ctx.hadoop()),
            fingerprint,
            files,
            stamps);
    Dataset<Row> classified = ingest.classify(plan.files(), runDate);
    if (plan.incremental()) {
      Optional<Dataset<Row>> continued = continueState(ctx, plan, store, classified);
      if (continued.isPresent()) {
        classified = continued.get();
      } else {
        plan =
            IngestPlan.full(
                files,
                "late data: the new files hold rows dated on or before "
                    + plan.baseDate()
                    + " that no earlier run took in");
        classified = ingest.classify(files, runDate);
      }
    }
    LOG.info("Run mode: {}", plan.reason());
    ctx.job().putString(JobKeys.STATE_BASE, plan.incremental() ? plan.base().get().runDate() : "");
    ctx.job().putString(JobKeys.STATE_REASON, plan.reason());
    ctx.job().putString(JobKeys.FILE_STAMPS, Json.write(stamps));
    ctx.job().putString(JobKeys.STATE_FINGERPRINT, fingerprint);

    if (!ingest.rates().converts()) {
      // the currency check below reads the rows once more: keep them instead of re-reading
      classified = classified.persist(StorageLevel.MEMORY_AND_DISK());
    }
    ReportingCurrency currency =
        ingest.reportingCurrency(
            classified,
            plan.base().map(StateMeta::currency).filter(c -> c != null && !c.isEmpty()));
    String staged = layout.stagingClassified(runDate).toString();
    classified.write().mode("overwrite").partitionBy(Columns.STATUS).parquet(staged);

    Dataset<Row> stored = ClassifiedRows.read(ctx.session(), staged);
    currency = currency.withConvertedRows(stored);
    ctx.job().putString(JobKeys.REPORTING_CURRENCY, currency.code());
    ctx.job().putString(JobKeys.MONEY, Json.write(currency));
    LOG.info(
        "Reporting currency: {} (from {}){}",
        currency.currency() == null ? "not stated" : currency.currency(),
        currency.source(),
        currency.convertedRows().isEmpty()
            ? ""
            : "; converted clean rows by currency " + currency.convertedRows());
    IngestCounts counts = IngestCounts.of(stored).withFiles(plan.files());
    if (!counts.reconciles()) {
      throw new IllegalStateException("ingest counts do not reconcile: " + counts);
    }
    writeQuarantine(ctx, stored, runDate);
    ctx.job().putString(JobKeys.INGEST_COUNTS, Json.write(counts));
    ctx.rows(counts.inputRows(), counts.cleanRows());
    LOG.info(
        "Reconciliation: input {} = clean {} + quarantined {} + duplicates {} + later {}; "
            + "quarantined by reason {}; physical lines {} = input {} + header lines {} + blank "
            + "lines {}",
        counts.inputRows(),
        counts.cleanRows(),
        counts.quarantinedRows(),
        counts.duplicateRows(),
        counts.laterRows(),
        counts.quarantinedByReason(),
        counts.physicalLines(),
        counts.inputRows(),
        counts.headerLines(),
        counts.blankLines());
    counts
        .filesWithoutData()
        .forEach((file, why) -> LOG.warn("Export file {} holds no data line: {}", file, why));
    counts
        .absentColumns()
        .forEach(
            (file, columns) ->
                LOG.warn(
                    "Export file {} lacks the optional column(s) {}: read as empty{}",
                    file,
                    String.join(", ", columns),
                    columns.contains(Columns.AMOUNT) ? " (amount = quantity x unit price)" : ""));
    if (!counts.encodingErrorFiles().isEmpty()) {
      LOG.warn(
          "{} file(s) hold lines that are not valid {} (quarantined as encoding_error; "
              + "check segmentation.input.encoding): {}",
          counts.encodingErrorFiles().size(),
          properties.input().encoding(),
          counts.encodingErrorFiles());
    }
    gate(counts, layout.stagingQuarantine(runDate));
  }

  /**
   * Checks the new files' rows against what the state already holds: rows dated on or before the
   * state's date must be re-sent copies (then they are duplicates), otherwise the state cannot be
   * continued (empty); rows equal to a pending row of the state are duplicates too.
   */
  private static Optional<Dataset<Row>> continueState(
      StepContext ctx, IngestPlan plan, StateStore store, Dataset<Row> classified) {
    classified = classified.cache();
    Dataset<Row> old = KnownRows.datedOnOrBefore(classified, plan.baseDate());
    long oldRows = old.count();
    if (oldRows > 0) {
      Dataset<Row> keyStore =
          ctx.session()
              .read()
              .schema(KEY_SCHEMA)
              .parquet(
                  plan.base().get().keyChain().stream()
                      .map(k -> store.keys(k).toString())
                      .toArray(String[]::new));
      Dataset<Row> found = KnownRows.found(old, keyStore).cache();
      long late =
          old.join(
                  found,
                  CollectionConverters.asScala(List.of(Columns.ROW_KEY1, Columns.ROW_KEY2))
                      .toList(),
                  "left_anti")
              .count();
      if (late > 0) {
        LOG.warn(
            "{} row(s) in the new files are dated on or before {} and were not taken in "
                + "before (late data): recomputing from all history",
            late,
            plan.baseDate());
        classified.unpersist();
        return Optional.empty();
      }
      LOG.info(
          "{} row(s) in the new files re-send rows taken in before: counted as duplicates",
          oldRows);
      classified = KnownRows.markDuplicates(classified, found);
    }
    Dataset<Row> pending =
        ClassifiedRows.read(ctx.session(), store.pending(plan.baseDate()).toString());
    return Optional.of(KnownRows.markDuplicates(classified, pending));
  }

  private static final org.apache.spark.sql.types.StructType KEY_SCHEMA =
      new org.apache.spark.sql.types.StructType()
          .add(Columns.ROW_KEY1, org.apache.spark.sql.types.DataTypes.LongType)
          .add(Columns.ROW_KEY2, org.apache.spark.sql.types.DataTypes.LongType);

  private void writeQuarantine(StepContext ctx, Dataset<Row> stored, LocalDate runDate) {
    Path dir = ctx.layout().stagingQuarantine(runDate);
    Dataset<Row> rejected =
        ClassifiedRows.withStatus(stored, RowStatus.QUARANTINED, RowStatus.DUPLICATE)
            .selectExpr(
                DataDictionary.QUARANTINE.stream().map(c -> c.name()).toArray(String[]::new))
            .orderBy("source_file", "line_number");
    rejected.write().mode("overwrite").parquet(new Path(dir, "parquet").toString());
    DatasetCsvWriter.write(
        ctx.session().read().parquet(new Path(dir, "parquet").toString()),
        DataDictionary.QUARANTINE,
        new Path(dir, "quarantine.csv"),
        properties.report().csvBom());
  }

  private void gate(IngestCounts counts, Path quarantineDir) {
    double limit = properties.quality().maxQuarantineRate();
    if (counts.quarantineRate() > limit) {
      String dominant =
          counts.quarantinedByReason().entrySet().stream()
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
              .limit(3)
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", "));
      throw new DataQualityException(
          String.format(
              java.util.Locale.ROOT,
              "data-quality gate: %d of %d input rows quarantined (%.2f%% > limit %.2f%%); "
                  + "main reasons: %s; rows in %s",
              counts.quarantinedRows(),
              counts.inputRows(),
              100 * counts.quarantineRate(),
              100 * limit,
              dominant,
              quarantineDir));
    }
  }
}
