package org.custseg.report.html;

import java.util.List;
import java.util.Objects;

/**
 * Everything the HTML report shows, as plain immutable records filled from small aggregates: no
 * Spark types and no per-customer data beyond two stated caps (the portfolio sample, {@link
 * Portfolio#MAX_SAMPLE_POINTS}, and the first rows of each action list, {@link Actions}). So the
 * page is the same size for a thousand customers or ten million.
 *
 * <p>Only {@code headline} and {@code units} are required; a section left {@code null} (or empty)
 * shows a short "not available for this run" note in its place.
 *
 * <p>Keys (tier, quadrant, segment, stage, list and reason codes) are the output contract's values.
 * Known keys are translated; unknown keys (a business's own segment names) are shown as given.
 */
public record ReportModel(
    Headline headline,
    Units units,
    Pyramid pyramid,
    Portfolio portfolio,
    Rfm rfm,
    Lifecycle lifecycle,
    Clusters clusters,
    Relationships relationships,
    Migration migration,
    Churn churn,
    ModelHealth modelHealth,
    Actions actions,
    DataQuality dataQuality,
    List<TrendPoint> trends) {

  public ReportModel {
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(units, "units");
    trends = trends == null ? List.of() : List.copyOf(trends);
  }

  /** A model with the headline only; add sections with the builder. */
  public static Builder builder(Headline headline, Units units) {
    return new Builder(headline, units);
  }

  /** A builder holding this model's sections, to change some of them. */
  public Builder toBuilder() {
    return new Builder(headline, units)
        .pyramid(pyramid)
        .portfolio(portfolio)
        .rfm(rfm)
        .lifecycle(lifecycle)
        .clusters(clusters)
        .relationships(relationships)
        .migration(migration)
        .churn(churn)
        .modelHealth(modelHealth)
        .actions(actions)
        .dataQuality(dataQuality)
        .trends(trends);
  }

  /** Sets the sections one by one; a section never set stays {@code null}. */
  public static final class Builder {

    private Headline headline;
    private final Units units;
    private Pyramid pyramid;
    private Portfolio portfolio;
    private Rfm rfm;
    private Lifecycle lifecycle;
    private Clusters clusters;
    private Relationships relationships;
    private Migration migration;
    private Churn churn;
    private ModelHealth modelHealth;
    private Actions actions;
    private DataQuality dataQuality;
    private List<TrendPoint> trends;

    private Builder(Headline headline, Units units) {
      this.headline = headline;
      this.units = units;
    }

    public Headline headline() {
      return headline;
    }

    /** Replaces the headline (the job adds the totals of earlier runs, or why there is none). */
    public Builder headline(Headline value) {
      headline = Objects.requireNonNull(value, "headline");
      return this;
    }

    public Builder pyramid(Pyramid value) {
      pyramid = value;
      return this;
    }

    public Builder portfolio(Portfolio value) {
      portfolio = value;
      return this;
    }

    public Builder rfm(Rfm value) {
      rfm = value;
      return this;
    }

    public Builder lifecycle(Lifecycle value) {
      lifecycle = value;
      return this;
    }

    public Builder clusters(Clusters value) {
      clusters = value;
      return this;
    }

    public Builder relationships(Relationships value) {
      relationships = value;
      return this;
    }

    public Builder migration(Migration value) {
      migration = value;
      return this;
    }

    public Builder churn(Churn value) {
      churn = value;
      return this;
    }

    public Builder modelHealth(ModelHealth value) {
      modelHealth = value;
      return this;
    }

    public Builder actions(Actions value) {
      actions = value;
      return this;
    }

    public Builder dataQuality(DataQuality value) {
      dataQuality = value;
      return this;
    }

    public Builder trends(List<TrendPoint> value) {
      trends = value;
      return this;
    }

    public ReportModel build() {
      return new ReportModel(
          headline,
          units,
          pyramid,
          portfolio,
          rfm,
          lifecycle,
          clusters,
          relationships,
          migration,
          churn,
          modelHealth,
          actions,
          dataQuality,
          trends);
    }
  }
}
