package org.custseg.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custseg.ingest.IngestCounts;
import org.custseg.segmentation.SegmentationFacts;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;

/**
 * The headline figures of a run, as far as its steps got: what they stored in the job's execution
 * context (the ingest counts, the segmentation facts, the customers per tier and quadrant, the
 * value models' manifest entry) and how long each step took. Never per-customer data.
 *
 * @param counts the ingest step's counts, or null when it did not finish
 * @param facts the segmentation step's facts, or null
 * @param segments customers per tier and quadrant (reports step), or null
 * @param valueModels the manifest's value_models entry, or null
 * @param stepSeconds the duration of each step this execution ran, in order (a running step: so
 *     far)
 */
record RunFigures(
    IngestCounts counts,
    SegmentationFacts facts,
    SegmentCounts segments,
    Map<String, Object> valueModels,
    Map<String, Double> stepSeconds) {

  static final RunFigures NONE = new RunFigures(null, null, null, null, Map.of());

  @SuppressWarnings("unchecked")
  static RunFigures of(JobExecution job) {
    if (job == null) {
      return NONE;
    }
    ExecutionContext ctx = job.getExecutionContext();
    Map<String, Double> steps = new LinkedHashMap<>();
    for (StepExecution s : job.getStepExecutions()) {
      if (s.getStartTime() != null) {
        LocalDateTime end = s.getEndTime() == null ? LocalDateTime.now() : s.getEndTime();
        steps.put(s.getStepName(), Duration.between(s.getStartTime(), end).toMillis() / 1000.0);
      }
    }
    return new RunFigures(
        read(ctx, JobKeys.INGEST_COUNTS, IngestCounts.class),
        read(ctx, JobKeys.FACTS, SegmentationFacts.class),
        read(ctx, JobKeys.SEGMENT_COUNTS, SegmentCounts.class),
        read(ctx, SegmentationTasklet.VALUE_MODELS, Map.class),
        steps);
  }

  private static <T> T read(ExecutionContext ctx, String key, Class<T> type) {
    String json = ctx.containsKey(key) ? ctx.getString(key) : null;
    return json == null ? null : Json.read(json, type);
  }
}
