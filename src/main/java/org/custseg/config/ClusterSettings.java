package org.custseg.config;

/** Behavioural clusters ({@code segmentation.clusters}: k-means on a seeded sample). */
public record ClusterSettings(
    int k,
    int kMin,
    int kMax,
    int sampleSize,
    int silhouetteSampleSize,
    long seed,
    int runs,
    double labelThreshold) {
  public ClusterSettings {
    String p = "segmentation.clusters.";
    Require.that(k == 0 || k >= 2, p + "k must be 0 (choose automatically) or >= 2, got " + k);
    Require.that(kMin >= 2, p + "k-min must be >= 2, got " + kMin);
    Require.that(kMax >= kMin, p + "k-max (" + kMax + ") must be >= k-min (" + kMin + ")");
    Require.that(sampleSize >= 10, p + "sample-size must be >= 10, got " + sampleSize);
    Require.that(
        silhouetteSampleSize >= 10,
        p + "silhouette-sample-size must be >= 10, got " + silhouetteSampleSize);
    Require.that(runs >= 1, p + "runs must be >= 1, got " + runs);
    Require.that(labelThreshold > 0, p + "label-threshold must be > 0, got " + labelThreshold);
  }
}
