package org.custseg.config;

/**
 * Report settings ({@code segmentation.report}).
 *
 * @param language labels of report.html: {@code en} or {@code zh-CN}
 * @param csvBom whether CSV files start with a UTF-8 byte-order mark (for Excel)
 * @param minChurnWindowDays churn measured over fewer days between two runs is not annualised (no
 *     lost-per-year rate and no expected life, only the raw counts and rates of the window)
 */
public record ReportSettings(String language, boolean csvBom, int minChurnWindowDays) {
  public ReportSettings {
    Require.that(
        "en".equals(language) || "zh-CN".equals(language),
        "segmentation.report.language must be en or zh-CN, got '" + language + "'");
    Require.that(
        minChurnWindowDays >= 1,
        "segmentation.report.min-churn-window-days must be >= 1, got " + minChurnWindowDays);
  }
}
