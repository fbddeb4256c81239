package org.custseg.job;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.SegmentationProperties;
import org.custseg.ingest.ClassifiedRows;
import org.custseg.ingest.ExportFiles;
import org.custseg.ingest.ExportReader;
import org.custseg.ingest.IngestCounts;
import org.custseg.ingest.ReadSpec;
import org.custseg.ingest.RowStatus;
import org.custseg.ingest.TransactionClassifier;
import org.custseg.ingest.ValidationRules;
import org.custseg.report.DataDictionary;
import org.custseg.report.DatasetCsvWriter;
import org.custseg.spark.SparkSessionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1: reads the exports, classifies every row (clean, later, duplicate, quarantined), stores
 * them, writes the quarantine files, reconciles the counts and applies the data-quality gate.
 */
class IngestTasklet extends SparkTasklet {

  private static final Logger LOG = LoggerFactory.getLogger(IngestTasklet.class);

  IngestTasklet(SparkSessionProvider spark, SegmentationProperties properties) {
    super(spark, properties);
  }

  @Override
  protected void execute(StepContext ctx) {
    LocalDate runDate = ctx.run().runDate();
    OutputLayout layout = ctx.layout();
    ExportFiles.Listing listing = ExportFiles.listing(ctx.run().inputPath(),
        properties.input().include(), ctx.hadoop());
    List<String> files = listing.exports();
    if (!listing.skipped().isEmpty()) {
      LOG.warn("Skipped {} file(s) whose name does not match segmentation.input.include: {}",
          listing.skipped().size(), listing.skipped());
    }
    ctx.job().putString(JobKeys.SKIPPED_FILES, Json.write(listing.skipped()));
    LOG.info("Ingesting {} export file(s) from {} for run date {}", files.size(),
        ctx.run().inputPath(), runDate);

    ValidationRules rules = new ValidationRules(properties.input().timestampFormats(), runDate,
        properties.quality().futureToleranceDays(), LocalDate.now(),
        properties.quality().keepZeroAmount());
    Dataset<Row> parsed = ExportReader.read(ctx.session(), files, ReadSpec.from(properties.input()));
    String staged = layout.stagingClassified(runDate).toString();
    ClassifiedRows.project(TransactionClassifier.classify(parsed, rules))
        .write().mode("overwrite").partitionBy(TransactionClassifier.STATUS).parquet(staged);

    Dataset<Row> stored = ClassifiedRows.read(ctx.session(), staged);
    IngestCounts counts = withEmptyFiles(IngestCounts.of(stored), files);
    if (!counts.reconciles()) {
      throw new IllegalStateException("ingest counts do not reconcile: " + counts);
    }
    writeQuarantine(ctx, stored, runDate);
    ctx.job().putString(JobKeys.INGEST_COUNTS, Json.write(counts));
    ctx.rows(counts.inputRows(), counts.cleanRows());
    LOG.info("Reconciliation: input {} = clean {} + quarantined {} + duplicates {} + later {}; "
            + "quarantined by reason {}", counts.inputRows(), counts.cleanRows(),
        counts.quarantinedRows(), counts.duplicateRows(), counts.laterRows(),
        counts.quarantinedByReason());
    gate(counts, layout.stagingQuarantine(runDate));
  }

  private static IngestCounts withEmptyFiles(IngestCounts counts, List<String> files) {
    Map<String, IngestCounts.FileCounts> all = new LinkedHashMap<>();
    for (String f : files) {
      all.put(f, counts.files().getOrDefault(f, new IngestCounts.FileCounts(0, 0, 0, 0, 0)));
    }
    return new IngestCounts(counts.inputRows(), counts.cleanRows(), counts.quarantinedRows(),
        counts.duplicateRows(), counts.laterRows(), counts.refundRows(),
        counts.quarantinedByReason(), all);
  }

  private void writeQuarantine(StepContext ctx, Dataset<Row> stored, LocalDate runDate) {
    Path dir = ctx.layout().stagingQuarantine(runDate);
    Dataset<Row> rejected = ClassifiedRows.withStatus(stored, RowStatus.QUARANTINED,
            RowStatus.DUPLICATE)
        .selectExpr(DataDictionary.QUARANTINE.stream().map(c -> c.name()).toArray(String[]::new))
        .orderBy("source_file", "line_number");
    rejected.write().mode("overwrite").parquet(new Path(dir, "parquet").toString());
    DatasetCsvWriter.write(ctx.session().read().parquet(new Path(dir, "parquet").toString()),
        DataDictionary.QUARANTINE, new Path(dir, "quarantine.csv"),
        properties.report().csvBom());
  }

  private void gate(IngestCounts counts, Path quarantineDir) {
    double limit = properties.quality().maxQuarantineRate();
    if (counts.quarantineRate() > limit) {
      String dominant = counts.quarantinedByReason().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(3)
          .map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", "));
      throw new DataQualityException(String.format(java.util.Locale.ROOT,
          "data-quality gate: %d of %d input rows quarantined (%.2f%% > limit %.2f%%); "
              + "main reasons: %s; rows in %s",
          counts.quarantinedRows(), counts.inputRows(), 100 * counts.quarantineRate(),
          100 * limit, dominant, quarantineDir));
    }
  }
}
