package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.custseg.support.CapturedRun;
import org.custseg.support.GeneratedExports;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 (3, 4): a run shows progress lines while its steps run, ends with its summary lines,
 * writes metrics.prom with its reports and under _metrics/ and pushes it to a Pushgateway; a failed
 * run writes its metrics under _metrics/ only.
 */
class ObservabilityIntegrationTest extends SparkTestBase {

  private static final String RUN_DATE = "2025-06-30";

  @TempDir static Path work;

  static Path input;
  static HttpServer gateway;
  static final List<String> pushes = new CopyOnWriteArrayList<>();
  static final List<String> progress = new CopyOnWriteArrayList<>();
  static AbstractAppender appender;

  @BeforeAll
  static void setUp() throws Exception {
    spark(); // the job reuses the suite's session
    input =
        GeneratedExports.write(work.resolve("exports"), 200, LocalDate.parse(RUN_DATE), 90, 11L);
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/",
        exchange -> {
          pushes.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + "\n"
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    gateway.start();
    appender =
        new AbstractAppender("progress-capture", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            if ("org.custseg.job.progress".equals(event.getLoggerName())) {
              progress.add(event.getMessage().getFormattedMessage());
            }
          }
        };
    appender.start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    LoggerConfig custseg = ctx.getConfiguration().getLoggerConfig("org.custseg.job.progress");
    custseg.addAppender(appender, Level.INFO, null);
    ctx.updateLoggers();
  }

  @AfterAll
  static void tearDown() {
    gateway.stop(0);
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration()
        .getLoggerConfig("org.custseg.job.progress")
        .removeAppender(appender.getName());
    ctx.updateLoggers();
  }

  /** Runs the job with progress lines every second and the test's Pushgateway; returns stdout. */
  private static String run(Path output, String extraYaml, int expectedExitCode) throws Exception {
    Path config = work.resolve("observability-" + output.getFileName() + ".yml");
    Files.writeString(
        config,
        "segmentation:\n  progress:\n    interval-seconds: 1\n  metrics:\n    pushgateway: "
            + "http://127.0.0.1:"
            + gateway.getAddress().getPort()
            + "\n"
            // the generated exports hold EUR, CHF and GBP: the sample's currency and rates
            + "  money:\n    currency: EUR\n    rates: sample-data/rates.csv\n"
            + extraYaml);
    CapturedRun run =
        CapturedRun.of(
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--run-date",
            RUN_DATE,
            "--config",
            config.toString());
    assertThat(run.exitCode()).as(run.printed()).isEqualTo(expectedExitCode);
    return run.printed();
  }

  private static double value(String prom, String series) {
    return prom.lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + series + " in\n" + prom));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRunShowsProgressEndsWithItsSummaryAndWritesAndPushesItsMetrics() throws Exception {
    Path output = work.resolve("out");

    String printed = run(output, "", ExitCodes.OK);

    // Progress: at least one line, naming a step, while the steps ran.
    assertThat(progress).isNotEmpty();
    assertThat(progress)
        .allMatch(l -> l.matches("step (ingest|features|segmentation|reports|publish), \\d+s; .*"));
    // The last lines: outcome, date, where, counts, wall time.
    assertThat(printed)
        .contains(
            "run summary: completed (exit code 0); run date "
                + RUN_DATE
                + "; outputs in "
                + output.resolve("reports/run_date=" + RUN_DATE))
        .contains("run summary: input rows ")
        .contains("run summary: wall time ");

    Path reports = output.resolve("reports/run_date=" + RUN_DATE);
    Map<String, Object> manifest =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(reports.resolve("manifest.json").toFile(), Map.class);
    String prom = Files.readString(reports.resolve("metrics.prom"));
    String labels = "{run_date=\"" + RUN_DATE + "\"}";
    assertThat(value(prom, "custseg_input_rows" + labels))
        .isEqualTo(((Number) manifest.get("input_rows")).doubleValue());
    assertThat(value(prom, "custseg_run_success" + labels)).isEqualTo(1.0);
    double tiers =
        prom.lines()
            .filter(l -> l.startsWith("custseg_customers{") && l.contains("tier="))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
            .sum();
    assertThat(tiers).isEqualTo(((Number) manifest.get("customers")).doubleValue());
    String latest = Files.readString(output.resolve("_metrics/latest.prom"));
    assertThat(latest)
        .isEqualTo(
            Files.readString(output.resolve("_metrics/run_date=" + RUN_DATE + "/metrics.prom")));
    assertThat(value(latest, "custseg_run_exit_code" + labels)).isEqualTo(0.0);
    assertThat(pushes).anyMatch(p -> p.startsWith("PUT /metrics/job/customer_segmentation\n"));
  }

  @Test
  void aFailedRunWritesItsMetricsUnderMetricsOnly() throws Exception {
    Path output = work.resolve("out-failed");

    String printed = run(output, "  testing:\n    fail-step: reports\n", ExitCodes.FAILED);

    assertThat(printed)
        .contains(
            "run summary: failed in step reports (exit code 1); run date "
                + RUN_DATE
                + "; metrics in ");
    assertThat(output.resolve("reports/run_date=" + RUN_DATE)).doesNotExist();
    String prom =
        Files.readString(output.resolve("_metrics/run_date=" + RUN_DATE + "/metrics.prom"));
    String labels = "{run_date=\"" + RUN_DATE + "\"}";
    assertThat(value(prom, "custseg_run_exit_code" + labels)).isEqualTo(1.0);
    assertThat(value(prom, "custseg_run_success" + labels)).isEqualTo(0.0);
    assertThat(value(prom, "custseg_input_rows" + labels)).isPositive();
    assertThat(prom).contains("step=\"segmentation\"").doesNotContain("custseg_customers{");
  }
}
