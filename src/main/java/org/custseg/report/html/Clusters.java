package org.custseg.report.html;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Behavioural clusters, from cluster_profiles.csv.
 *
 * @param kChosenBy how k was chosen: silhouette, configured, or another reason (shown as given)
 * @param features the features of the centres, in order
 */
public record Clusters(
    int k, String kChosenBy, double silhouette, List<String> features, List<Cluster> clusters) {

  public Clusters {
    features = List.copyOf(features);
    clusters = List.copyOf(clusters);
  }

  /**
   * One cluster.
   *
   * @param label the label from its centre (English words, translated word by word)
   * @param medians median of each feature in raw units (a missing feature is absent)
   * @param centre the centre in standard deviations from the mean, per feature
   */
  public record Cluster(
      int id,
      String label,
      long customers,
      double share,
      Map<String, Double> medians,
      Map<String, Double> centre,
      String dominantTier,
      String dominantQuadrant) {

    public Cluster {
      Objects.requireNonNull(label, "label");
      medians = Collections.unmodifiableMap(new LinkedHashMap<>(medians));
      centre = Collections.unmodifiableMap(new LinkedHashMap<>(centre));
    }
  }
}
