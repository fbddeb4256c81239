package org.custseg.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custseg.config.Settings;
import org.custseg.ingest.IngestCounts;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.state.IngestHistory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;

/** Assembles {@code manifest.json}: counts, reconciliation, timings, versions, configuration. */
final class ManifestBuilder {

  private ManifestBuilder() {}

  /**
   * @param history the row counts of every run this run stands on (its own for a full run)
   */
  static Map<String, Object> build(
      JobExecution job,
      RunParameters run,
      Settings properties,
      String sparkVersion,
      IngestHistory history) {
    ExecutionContext ctx = job.getExecutionContext();
    IngestCounts counts = Json.read(ctx.getString(JobKeys.INGEST_COUNTS), IngestCounts.class);
    SegmentationFacts facts = Json.read(ctx.getString(JobKeys.FACTS), SegmentationFacts.class);

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_date", run.runDate().toString());
    m.put("status", "completed");
    m.put("rerun", run.rerun());
    m.put("job_execution_id", job.getId());
    m.put("input_path", run.inputPath());
    m.put("input_rows", counts.inputRows());
    m.put("clean_rows", counts.cleanRows());
    m.put("quarantined_rows", counts.quarantinedByReason());
    m.put("quarantined_rows_total", counts.quarantinedRows());
    m.put("duplicate_rows", counts.duplicateRows());
    m.put("later_rows", counts.laterRows());
    m.put("physical_lines", counts.physicalLines());
    m.put("header_lines", counts.headerLines());
    m.put("blank_lines", counts.blankLines());
    m.put("refund_rows", counts.refundRows());
    m.put("customers_net_spend_not_positive", ctx.getLong(JobKeys.CUSTOMERS_NOT_POSITIVE, -1L));
    String leading = ctx.getString(JobKeys.REFUNDS_BEFORE_FIRST_PURCHASE, null);
    m.put("refunds_before_first_purchase", leading == null ? null : Json.read(leading, Map.class));
    m.put("reconciled", counts.reconciles());
    m.put("quarantine_rate", counts.quarantineRate());
    m.put("customers", facts.customers());
    m.put(
        "empty_reason", facts.customers() == 0 ? EmptyResult.reason(run.runDate(), history) : null);
    m.put("active_customers", facts.activeCustomers());
    m.put("customers_without_purchase", facts.customersWithoutPurchase());
    m.put("segmentation", facts);
    Map<String, Object> state = new LinkedHashMap<>();
    String base = ctx.getString(JobKeys.STATE_BASE, "");
    state.put("mode", base.isEmpty() ? "full" : "incremental");
    state.put("base_run_date", base.isEmpty() ? null : base);
    state.put("reason", ctx.getString(JobKeys.STATE_REASON, ""));
    m.put("state", state);
    m.put("history", history(history, base));
    String clusters = ctx.getString(JobKeys.CLUSTERS, null);
    m.put("clusters", clusters == null ? null : Json.read(clusters, Map.class));
    String migration = ctx.getString(JobKeys.MIGRATION, null);
    m.put("migration", migration == null ? null : Json.read(migration, Map.class));
    String valueModels = ctx.getString(SegmentationTasklet.VALUE_MODELS, null);
    if (valueModels != null) {
      m.put("value_models", Json.read(valueModels, java.util.Map.class));
    }
    m.put("steps", steps(job));
    m.put("files", counts.files());
    m.put("encoding_error_files", counts.encodingErrorFiles());
    m.put("files_without_data", counts.filesWithoutData());
    m.put("absent_columns", counts.absentColumns());
    String money = ctx.getString(JobKeys.MONEY, null);
    m.put("money", money == null ? null : Json.read(money, Map.class));
    m.put(
        "skipped_files",
        Json.read(ctx.getString(JobKeys.SKIPPED_FILES, "[]"), java.util.List.class));
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("customer_segmentation", Versions.application());
    versions.put("spark", sparkVersion);
    versions.put("java", System.getProperty("java.version"));
    m.put("versions", versions);
    m.put("resources", Resources.snapshot());
    m.put("config", properties);
    return m;
  }

  /**
   * The manifest's {@code history}: the totals of the runs the state stands on, beside the run's
   * own counts (the top-level {@code input_rows} etc.), so that a night that read few rows is not
   * mistaken for a night that processed few.
   */
  static Map<String, Object> history(IngestHistory h, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", h.runs());
    m.put("since", h.since());
    m.put("input_rows", h.inputRows());
    m.put("clean_rows", h.cleanRows());
    m.put("quarantined_rows", h.quarantinedByReason());
    m.put("quarantined_rows_total", h.quarantinedRows());
    m.put("duplicate_rows", h.duplicateRows());
    m.put("later_rows", h.laterRows());
    m.put("refund_rows", h.refundRows());
    String note;
    if (base.isEmpty()) {
      note = "a full run: the totals are this run's own counts";
    } else if (h.runs() == 1) {
      note =
          "the state of "
              + base
              + " recorded no totals (it was kept by an earlier version): the totals start with"
              + " this run";
    } else {
      note =
          "totals of the "
              + h.runs()
              + " runs (from "
              + h.since()
              + " to this one) that this run's state stands on; the top-level counts are this"
              + " run's own";
    }
    m.put("note", note);
    return m;
  }

  private static Map<String, Object> steps(JobExecution job) {
    Map<String, Object> steps = new LinkedHashMap<>();
    for (StepExecution s : job.getStepExecutions()) {
      Map<String, Object> step = new LinkedHashMap<>();
      LocalDateTime start = s.getStartTime();
      LocalDateTime end = s.getEndTime() == null ? LocalDateTime.now() : s.getEndTime();
      step.put("status", s.getStatus().toString());
      step.put("duration_ms", start == null ? null : Duration.between(start, end).toMillis());
      step.put("rows_in", s.getExecutionContext().getLong(JobKeys.ROWS_IN, -1L));
      step.put("rows_out", s.getExecutionContext().getLong(JobKeys.ROWS_OUT, -1L));
      steps.put(s.getStepName(), step);
    }
    return steps;
  }
}
