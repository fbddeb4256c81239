package org.custseg.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a run's metrics go besides {@code metrics.prom} ({@code segmentation.metrics}).
 *
 * @param pushgateway a Prometheus Pushgateway to push every run's metrics to, {@code
 *     http(s)://host:port}; empty = none
 * @param job the Pushgateway job name (the grouping key): one per deployment
 */
public record MetricsSettings(String pushgateway, String job) {
  public MetricsSettings {
    pushgateway = pushgateway == null ? "" : pushgateway.trim();
    Require.that(
        pushgateway.isEmpty() || isGatewayAddress(pushgateway),
        "segmentation.metrics.pushgateway must be http://host:port or https://host:port, got '"
            + pushgateway
            + "'");
    Require.that(
        job != null && job.matches("[A-Za-z0-9_.:-]+"),
        "segmentation.metrics.job must be a non-empty name of letters, digits, _ . : -, got '"
            + job
            + "'");
  }

  public boolean pushes() {
    return !pushgateway.isEmpty();
  }

  private static boolean isGatewayAddress(String url) {
    try {
      URI u = new URI(url);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
          && u.getHost() != null
          && (u.getPath() == null || u.getPath().isEmpty() || "/".equals(u.getPath()))
          && u.getQuery() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
