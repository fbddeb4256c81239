package org.custseg.config;

/**
 * Progress lines while a step runs ({@code segmentation.progress}).
 *
 * @param intervalSeconds a progress line at least this often while a step runs; 0 = none
 */
public record ProgressSettings(int intervalSeconds) {
  public ProgressSettings {
    Require.that(
        intervalSeconds >= 0,
        "segmentation.progress.interval-seconds must be >= 0 (0 = no progress lines), got "
            + intervalSeconds);
  }
}
