package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.custseg.config.MetricsSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The _metrics files and the push to a Pushgateway (a tiny HTTP server that records requests). */
class MetricsPublisherTest {

  private static final LocalDate D = LocalDate.of(2025, 12, 31);

  @TempDir Path output;

  private HttpServer gateway;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startGateway() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + "\n"
                  + body);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    gateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop(0);
  }

  private static PrometheusRegistry registry(int exitCode) {
    return RunMetrics.registry(
        new RunFigures(RunMetricsTest.counts(), null, null, null, Map.of("ingest", 1.0)),
        new RunMetrics.Outcome(D, exitCode, Instant.ofEpochSecond(1), Duration.ofSeconds(2)));
  }

  private String address() {
    return "http://127.0.0.1:" + gateway.getAddress().getPort();
  }

  @Test
  void writesTheRunsCopyAndTheLatestCopyAndPushes() throws Exception {
    MetricsSettings settings = new MetricsSettings(address(), "nightly_segmentation");

    var written = MetricsPublisher.publish(output.toString(), D, registry(0), settings);

    Path run = output.resolve("_metrics/run_date=2025-12-31/metrics.prom");
    assertThat(written.map(Object::toString)).contains(run.toUri().getPath());
    assertThat(Files.readString(run))
        .contains("custseg_input_rows{run_date=\"2025-12-31\"} 12024.0");
    assertThat(Files.readString(output.resolve("_metrics/latest.prom")))
        .isEqualTo(Files.readString(run));
    // Nothing else in the directory the textfile collector reads (no temporary file left).
    try (var files = Files.list(output.resolve("_metrics"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("latest.prom", "run_date=2025-12-31");
    }
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0))
        .startsWith("PUT /metrics/job/nightly_segmentation text/plain; version=0.0.4")
        .contains("custseg_run_success{run_date=\"2025-12-31\"} 1.0");
  }

  @Test
  void aLaterRunReplacesTheLatestCopy() throws Exception {
    MetricsSettings none = new MetricsSettings("", "customer_segmentation");
    MetricsPublisher.publish(output.toString(), D.minusDays(1), registry(0), none);

    MetricsPublisher.publish(output.toString(), D, registry(1), none);

    assertThat(Files.readString(output.resolve("_metrics/latest.prom")))
        .contains("custseg_run_exit_code{run_date=\"2025-12-31\"} 1.0")
        .doesNotContain("2025-12-30");
    assertThat(output.resolve("_metrics/run_date=2025-12-30/metrics.prom")).exists();
    assertThat(requests).isEmpty();
  }

  @Test
  void aGatewayThatDoesNotAnswerDoesNotFailTheRun() throws Exception {
    gateway.stop(0);
    MetricsSettings settings = new MetricsSettings(address(), "customer_segmentation");

    var written = MetricsPublisher.publish(output.toString(), D, registry(0), settings);

    assertThat(written).isPresent();
  }
}
