package org.custseg.job;

import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.custseg.config.MetricsSettings;
import org.custseg.report.OutputFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's metrics go: {@code <output>/_metrics/run_date=D/metrics.prom} and {@code
 * <output>/_metrics/latest.prom} after every run (node-exporter's textfile collector reads the
 * directory's {@code *.prom} files, so each file is written aside and renamed into place), and a
 * Pushgateway when {@code segmentation.metrics.pushgateway} is set. The published copy, {@code
 * reports/run_date=D/metrics.prom}, is written by the publish step with the other reports. Neither
 * a file nor a push that fails fails the run: it is logged.
 */
final class MetricsPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsPublisher.class);

  static final String FILE = "metrics.prom";
  static final String LATEST = "latest.prom";
  static final String DIRECTORY = "_metrics";

  private MetricsPublisher() {}

  /** {@code <output>/_metrics}. */
  static Path directory(String output) {
    return new Path(new Path(output), DIRECTORY);
  }

  /** {@code <output>/_metrics/run_date=D/metrics.prom}. */
  static Path ofRun(String output, LocalDate d) {
    return new Path(new Path(directory(output), "run_date=" + d), FILE);
  }

  /**
   * Writes the run's copy and the latest copy under {@code _metrics/}, and pushes when configured.
   * Returns the run's copy, or empty when it could not be written.
   */
  static Optional<Path> publish(
      String output, LocalDate d, PrometheusRegistry registry, MetricsSettings settings) {
    String text = RunMetrics.text(registry);
    Path run = ofRun(output, d);
    Optional<Path> written = Optional.empty();
    try {
      replace(run, text);
      replace(new Path(directory(output), LATEST), text);
      written = Optional.of(run);
    } catch (RuntimeException e) {
      LOG.warn("Cannot write the run's metrics to {}: {}", run, Failures.oneLine(e));
    }
    if (settings.pushes()) {
      push(registry, settings);
    }
    return written;
  }

  /**
   * Writes a file so that a reader sees the old content or the new, never a part: written aside
   * ({@code .name.tmp}, which the textfile collector ignores), then renamed over the old file (an
   * atomic rename on a local disk; on HDFS or an object store the old file is deleted first).
   */
  static void replace(Path file, String text) {
    Optional<java.nio.file.Path> local = OutputCheck.local(file.toString());
    if (local.isPresent()) {
      java.nio.file.Path target = local.get();
      java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target, e);
      }
      return;
    }
    Configuration conf = new Configuration();
    Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
    OutputFiles.writeText(tmp, text, conf);
    try {
      FileSystem fs = file.getFileSystem(conf);
      fs.delete(file, false);
      if (!fs.rename(tmp, file)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Pushes (HTTP PUT: replaces the job's group on the gateway) in the text format. */
  static void push(PrometheusRegistry registry, MetricsSettings settings) {
    URI gateway = URI.create(settings.pushgateway());
    boolean https = "https".equals(gateway.getScheme());
    int port = gateway.getPort() > 0 ? gateway.getPort() : https ? 443 : 80;
    try {
      PushGateway.builder()
          .scheme(https ? Scheme.HTTPS : Scheme.HTTP)
          .address(gateway.getHost() + ":" + port)
          .job(settings.job())
          .registry(registry)
          .format(Format.PROMETHEUS_TEXT)
          .connectionTimeout(Duration.ofSeconds(10))
          .readTimeout(Duration.ofSeconds(10))
          .build()
          .push();
      LOG.info("Pushed the run's metrics to {} (job {})", settings.pushgateway(), settings.job());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Cannot push the run's metrics to {} (segmentation.metrics.pushgateway): {}",
          settings.pushgateway(),
          Failures.oneLine(e));
    }
  }
}
