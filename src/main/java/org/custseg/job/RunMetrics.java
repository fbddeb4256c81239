package org.custseg.job;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custseg.ingest.IngestCounts;

/**
 * A run's metrics in the Prometheus model ({@code custseg_} names, base units, every series
 * labelled with the run date): exit status, wall time and step durations, the row reconciliation,
 * customers per tier and per quadrant, and the value models' log-likelihoods. Built from {@link
 * RunFigures}, so a failed run has what its finished steps stored.
 */
final class RunMetrics {

  private RunMetrics() {}

  /** The outcome of the run the metrics describe. */
  record Outcome(LocalDate runDate, int exitCode, Instant end, Duration wallTime) {}

  static PrometheusRegistry registry(RunFigures f, Outcome o) {
    PrometheusRegistry r = new PrometheusRegistry();
    Labels date = Labels.of("run_date", o.runDate().toString());
    gauge(r, date, "custseg_run_success", "1 when the run succeeded (exit code 0), else 0.")
        .set(o.exitCode() == ExitCodes.OK ? 1 : 0);
    gauge(
            r,
            date,
            "custseg_run_exit_code",
            "Exit code of the run: 0 success, 1 failure, 2 configuration, 3 quality gate.")
        .set(o.exitCode());
    gauge(r, date, "custseg_run_timestamp_seconds", "When the run ended (Unix time).")
        .set(o.end().toEpochMilli() / 1000.0);
    gauge(r, date, "custseg_run_duration_seconds", "Wall time of the run.")
        .set(o.wallTime().toMillis() / 1000.0);
    Gauge steps =
        gauge(
            r,
            date,
            "custseg_step_duration_seconds",
            "Duration of each step this run executed (a restart runs only the failed step and"
                + " those after it).",
            "step");
    f.stepSeconds().forEach((step, s) -> steps.labelValues(step).set(s));
    if (f.counts() != null) {
      rows(r, date, f.counts());
    }
    if (f.segments() != null) {
      r.register(customers(date, f.segments()));
    }
    if (f.valueModels() != null) {
      models(r, date, f.valueModels());
    }
    return r;
  }

  /** The registry in the Prometheus text format (what {@code metrics.prom} holds). */
  static String text(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create()
          .write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void rows(PrometheusRegistry r, Labels date, IngestCounts c) {
    gauge(r, date, "custseg_input_rows", "Input (data) rows this run read.").set(c.inputRows());
    Gauge rows =
        gauge(
            r,
            date,
            "custseg_rows",
            "Input rows by what became of them; they add up to custseg_input_rows.",
            "status");
    rows.labelValues("clean").set(c.cleanRows());
    rows.labelValues("quarantined").set(c.quarantinedRows());
    rows.labelValues("duplicate").set(c.duplicateRows());
    rows.labelValues("later").set(c.laterRows());
    Gauge reasons =
        gauge(r, date, "custseg_quarantined_rows", "Quarantined rows by reason code.", "reason");
    c.quarantinedByReason().forEach((reason, n) -> reasons.labelValues(reason).set(n));
  }

  /** One family, two label sets: customers by tier and customers by quadrant. */
  private static io.prometheus.metrics.model.registry.Collector customers(
      Labels date, SegmentCounts s) {
    GaugeSnapshot.Builder b =
        GaugeSnapshot.builder()
            .name("custseg_customers")
            .help(
                "Customers per pyramid tier (label tier) and per portfolio quadrant (label"
                    + " quadrant); each label set adds up to all customers.");
    s.tiers().forEach((tier, n) -> b.dataPoint(point(date.add("tier", tier), n)));
    s.quadrants().forEach((q, n) -> b.dataPoint(point(date.add("quadrant", q), n)));
    GaugeSnapshot snapshot = b.build();
    return () -> snapshot;
  }

  private static GaugeSnapshot.GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  /**
   * Log-likelihood of each fitted value model. A transaction model chosen among candidates lists
   * every candidate ({@code chosen} true for the one kept); a single model is the chosen one.
   */
  @SuppressWarnings("unchecked")
  private static void models(PrometheusRegistry r, Labels date, Map<String, Object> valueModels) {
    Gauge ll =
        gauge(
            r,
            date,
            "custseg_model_log_likelihood",
            "Log-likelihood of each value model fitted (chosen=\"true\" for the one used).",
            "model",
            "chosen");
    if (valueModels.get("transaction_model") instanceof Map<?, ?> tm) {
      Object chosen = tm.containsKey("chosen") ? tm.get("chosen") : tm.get("model");
      Object candidates = tm.get("candidates");
      if (candidates instanceof Map<?, ?> byName) {
        byName.forEach(
            (name, c) -> logLikelihood(ll, String.valueOf(name), chosen, (Map<String, Object>) c));
      } else if (candidates instanceof List<?> list) {
        for (Object c : list) {
          Map<String, Object> m = (Map<String, Object>) c;
          logLikelihood(ll, String.valueOf(m.get("model")), chosen, m);
        }
      } else {
        logLikelihood(ll, String.valueOf(tm.get("model")), chosen, (Map<String, Object>) tm);
      }
    }
    if (valueModels.get("spend_model") instanceof Map<?, ?> sm) {
      logLikelihood(ll, String.valueOf(sm.get("model")), sm.get("model"), (Map<String, Object>) sm);
    }
    if (valueModels.get("scoring") instanceof Map<?, ?> scoring) {
      gauge(
              r,
              date,
              "custseg_value_models_used",
              "1 when the value models scored the customers, 0 when the model-free fallback did.")
          .set("models".equals(scoring.get("method")) ? 1 : 0);
    }
  }

  private static void logLikelihood(Gauge ll, String model, Object chosen, Map<String, Object> m) {
    if (m != null && m.get("log_likelihood") instanceof Number n) {
      ll.labelValues(model, String.valueOf(model.equals(String.valueOf(chosen))))
          .set(n.doubleValue());
    }
  }

  private static Gauge gauge(
      PrometheusRegistry r, Labels date, String name, String help, String... labels) {
    return Gauge.builder()
        .name(name)
        .help(help)
        .constLabels(date)
        .labelNames(labels)
        .withoutExemplars()
        .register(r);
  }
}
