package org.custseg.config;

/** The data-quality gate ({@code segmentation.quality}). */
public record QualitySettings(
    double maxQuarantineRate, int futureToleranceDays, boolean keepZeroAmount) {
  public QualitySettings {
    Require.that(
        maxQuarantineRate >= 0 && maxQuarantineRate <= 1,
        "segmentation.quality.max-quarantine-rate must be within [0, 1], got " + maxQuarantineRate);
    Require.that(
        futureToleranceDays >= 0,
        "segmentation.quality.future-tolerance-days must be >= 0, got " + futureToleranceDays);
  }
}
