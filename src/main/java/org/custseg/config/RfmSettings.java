package org.custseg.config;

import java.util.Map;

/**
 * RFM scoring and the segment code table ({@code segmentation.rfm}); {@link RfmSegmentTable} checks
 * the table.
 */
public record RfmSettings(int activityWindowDays, Map<String, String> segments) {
  public RfmSettings {
    Require.that(
        activityWindowDays > 0,
        "segmentation.rfm.activity-window-days must be > 0, got " + activityWindowDays);
    Require.that(segments != null && !segments.isEmpty(), "segmentation.rfm.segments is empty");
    segments = Map.copyOf(segments);
  }
}
