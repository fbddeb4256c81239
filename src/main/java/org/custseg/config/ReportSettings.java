package org.custseg.config;

/** Report settings ({@code segmentation.report}). */
public record ReportSettings(String language, boolean csvBom) {
  public ReportSettings {
    Require.that(
        "en".equals(language) || "zh-CN".equals(language),
        "segmentation.report.language must be en or zh-CN, got '" + language + "'");
  }
}
