package org.custseg.config;

/**
 * The job's static settings, {@code segmentation.*}: one record per concern. Bound by {@code
 * org.custseg.config.binding.SettingsLoader}, which also says which source wins; {@code
 * conf/application.yml} holds every default. Each stage takes only the record(s) it uses.
 */
public record Settings(
    InputSettings input,
    OutputSettings output,
    QualitySettings quality,
    RfmSettings rfm,
    PyramidSettings pyramid,
    PortfolioSettings portfolio,
    SparkSettings spark,
    ReportSettings report,
    LifecycleSettings lifecycle,
    ClusterSettings clusters,
    RelationshipSettings relationship,
    ValueSettings value,
    ActionSettings actions,
    ProgressSettings progress,
    MetricsSettings metrics,
    MoneySettings money) {

  public Settings {
    Require.present(input, "segmentation.input");
    Require.present(output, "segmentation.output");
    Require.present(quality, "segmentation.quality");
    Require.present(rfm, "segmentation.rfm");
    Require.present(pyramid, "segmentation.pyramid");
    Require.present(portfolio, "segmentation.portfolio");
    Require.present(spark, "segmentation.spark");
    Require.present(report, "segmentation.report");
    Require.present(lifecycle, "segmentation.lifecycle");
    Require.present(clusters, "segmentation.clusters");
    Require.present(relationship, "segmentation.relationship");
    Require.present(value, "segmentation.value");
    Require.present(actions, "segmentation.actions");
    Require.present(progress, "segmentation.progress");
    Require.present(metrics, "segmentation.metrics");
    Require.present(money, "segmentation.money");
  }
}
