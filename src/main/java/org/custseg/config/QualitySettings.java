package org.custseg.config;

import java.time.LocalDate;

/**
 * The data-quality rules and gate ({@code segmentation.quality}).
 *
 * @param minDate rows dated before it are quarantined as {@code implausible_date}
 */
public record QualitySettings(
    double maxQuarantineRate, int futureToleranceDays, boolean keepZeroAmount, LocalDate minDate) {
  public QualitySettings {
    Require.that(
        maxQuarantineRate >= 0 && maxQuarantineRate <= 1,
        "segmentation.quality.max-quarantine-rate must be within [0, 1], got " + maxQuarantineRate);
    Require.that(
        futureToleranceDays >= 0,
        "segmentation.quality.future-tolerance-days must be >= 0, got " + futureToleranceDays);
    Require.present(minDate, "segmentation.quality.min-date");
  }
}
