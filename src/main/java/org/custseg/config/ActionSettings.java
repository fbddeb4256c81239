package org.custseg.config;

/**
 * Thresholds of the action lists ({@code segmentation.actions}, {@code action_lists.csv}).
 *
 * @param pAliveThreshold a vip or key customer whose P(alive) falls below this is slipping; a vip,
 *     key or medium customer below it is at risk
 * @param topN rows kept per list (the highest priority first)
 * @param winBackDays an inactive customer whose last purchase lies at most this many days beyond
 *     the activity window is a win-back candidate
 */
public record ActionSettings(double pAliveThreshold, int topN, int winBackDays) {
  public ActionSettings {
    String k = "segmentation.actions.";
    Require.that(
        pAliveThreshold > 0 && pAliveThreshold < 1,
        k + "p-alive-threshold must be within (0, 1), got " + pAliveThreshold);
    Require.that(topN >= 1, k + "top-n must be >= 1, got " + topN);
    Require.that(winBackDays >= 1, k + "win-back-days must be >= 1, got " + winBackDays);
  }
}
