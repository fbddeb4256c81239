package org.custseg.config;

/**
 * Lifecycle-stage thresholds ({@code segmentation.lifecycle}, docs/segments.md): first match wins
 * among decline, exploration, stability, formation.
 */
public record LifecycleSettings(
    int explorationDays,
    double overdueFactor,
    double minGapDays,
    int stabilityMinRepeats,
    int stabilityMinTenureDays,
    double declinePAlive,
    double stabilityMinPAlive) {
  public LifecycleSettings {
    String k = "segmentation.lifecycle.";
    Require.that(explorationDays > 0, k + "exploration-days must be > 0, got " + explorationDays);
    Require.that(overdueFactor >= 1, k + "overdue-factor must be >= 1, got " + overdueFactor);
    Require.that(minGapDays >= 0, k + "min-gap-days must be >= 0, got " + minGapDays);
    Require.that(
        stabilityMinRepeats >= 1,
        k + "stability-min-repeats must be >= 1, got " + stabilityMinRepeats);
    Require.that(
        stabilityMinTenureDays >= 0,
        k + "stability-min-tenure-days must be >= 0, got " + stabilityMinTenureDays);
    Require.that(
        declinePAlive >= 0 && declinePAlive <= 1,
        k + "decline-p-alive must be within [0, 1], got " + declinePAlive);
    Require.that(
        stabilityMinPAlive >= 0 && stabilityMinPAlive <= 1,
        k + "stability-min-p-alive must be within [0, 1], got " + stabilityMinPAlive);
    Require.that(
        declinePAlive <= stabilityMinPAlive,
        k
            + "decline-p-alive ("
            + declinePAlive
            + ") must not exceed stability-min-p-alive ("
            + stabilityMinPAlive
            + ")");
  }
}
