package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custseg.report.html.Clusters;
import org.custseg.report.html.Units;
import org.custseg.segmentation.BehaviouralClusters;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/** Cluster profiles from a tiny table: three small customers in cluster 0, one vip in cluster 1. */
class ClusterProfilesTest extends SparkTestBase {

  private static final Units EUR = new Units("EUR", 365, 12, 30.4375, 365);

  private static final BehaviouralClusters.Model MODEL =
      new BehaviouralClusters.Model(
          List.of("recency_days", "frequency", "monetary_total", "tenure_days"),
          new double[] {3, 1, 4, 5},
          new double[] {1, 1, 1, 1},
          new double[][] {{0.6, -0.7, -0.6, 0.2}, {-1.2, 1.1, 1.5, 0.1}},
          List.of("lapsed low-spenders", "recent frequent high-spenders"),
          2,
          "silhouette",
          0.51,
          List.of(),
          4,
          42);

  private static ReportTable table() {
    return ClusterProfiles.table(
        CustomerRows.table()
            .add("a", "small", "dog", "lost", 1, 1, "decline", 0, 10, 0, 1)
            .add("b", "small", "dog", "lost", 1, 1, "decline", 0, 20, 5, 2)
            .add("c", "small", "question_mark", "lost", 2, 1, "decline", 0, 60, 5, 3)
            .add("d", "vip", "star", "champions", 5, 5, "stability", 1, 900, 800, 400)
            .build(),
        MODEL,
        EUR);
  }

  @Test
  void eachClusterHasItsSizeMeansMediansDominantSegmentsAndLabel() {
    ReportTable t = table();
    List<String> names = t.columns().stream().map(ColumnSpec::name).toList();

    assertThat(t.rows()).hasSize(2);
    List<Object> zero = t.rows().get(0);
    assertThat(zero.get(names.indexOf("cluster_id"))).isEqualTo(0);
    assertThat(zero.get(names.indexOf("label"))).isEqualTo("lapsed low-spenders");
    assertThat(zero.get(names.indexOf("customers"))).isEqualTo(3L);
    assertThat(zero.get(names.indexOf("customer_share"))).isEqualTo(0.75);
    assertThat(zero.get(names.indexOf("mean_monetary_total"))).isEqualTo(30.0);
    assertThat(zero.get(names.indexOf("median_monetary_total"))).isEqualTo(20.0);
    assertThat(zero.get(names.indexOf("dominant_pyramid_tier"))).isEqualTo("small");
    assertThat(zero.get(names.indexOf("dominant_portfolio_quadrant"))).isEqualTo("dog");
    assertThat((Double) zero.get(names.indexOf("dominant_quadrant_share"))).isEqualTo(2.0 / 3);
    assertThat(zero.get(names.indexOf("centre")))
        .isEqualTo("recency_days=+0.60 frequency=-0.70 monetary_total=-0.60 tenure_days=+0.20");
    assertThat(zero.get(names.indexOf("currency"))).isEqualTo("EUR");
  }

  @Test
  void theReportSectionHasTheSameClustersWithTheirCentres() {
    Clusters html = ClusterProfiles.html(table(), MODEL);

    assertThat(html.k()).isEqualTo(2);
    assertThat(html.silhouette()).isEqualTo(0.51);
    assertThat(html.clusters()).hasSize(2);
    Clusters.Cluster vip = html.clusters().get(1);
    assertThat(vip.label()).isEqualTo("recent frequent high-spenders");
    assertThat(vip.customers()).isEqualTo(1);
    assertThat(vip.centre()).containsEntry("monetary_total", 1.5);
    assertThat(vip.medians()).containsEntry("monetary_total", 900.0);
    assertThat(vip.dominantTier()).isEqualTo("vip");
  }
}
