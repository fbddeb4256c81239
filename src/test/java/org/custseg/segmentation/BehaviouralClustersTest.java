package org.custseg.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.config.ClusterSettings;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clustering sanity (separated groups are recovered, k = 3 chosen) and determinism. */
class BehaviouralClustersTest extends SparkTestBase {

  private static final StructType SCHEMA =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.RECENCY_DAYS, DataTypes.IntegerType)
          .add(Columns.FREQUENCY, DataTypes.IntegerType)
          .add(Columns.MONETARY_TOTAL, Money.MONEY)
          .add(Columns.TENURE_DAYS, DataTypes.IntegerType)
          .add("group", DataTypes.StringType);

  /** A sample smaller than the table, so that sampling and assignment both matter. */
  private static final ClusterSettings CFG = new ClusterSettings(0, 2, 6, 200, 150, 7L, 3, 0.5);

  static Dataset<Row> blobs;

  /**
   * Three groups, each a Gaussian blob in log space (sd 0.1 around its centre): recent frequent
   * high spenders, lapsed one-time low spenders, and a middle group.
   */
  @BeforeAll
  static void makeBlobs() {
    Random random = new Random(1);
    List<Row> rows = new ArrayList<>();
    double[][] centres = {{5, 20, 5000, 700}, {300, 1, 20, 300}, {60, 4, 300, 200}};
    String[] names = {"top", "lapsed", "middle"};
    for (int g = 0; g < 3; g++) {
      for (int i = 0; i < 100; i++) {
        double[] c = centres[g];
        int recency = (int) Math.round(c[0] * Math.exp(0.1 * random.nextGaussian()));
        int frequency =
            g == 1
                ? 1
                : (int) Math.max(2, Math.round(c[1] * Math.exp(0.1 * random.nextGaussian())));
        BigDecimal monetary =
            BigDecimal.valueOf(c[2] * Math.exp(0.1 * random.nextGaussian()))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        int tenure =
            Math.max(recency, (int) Math.round(c[3] * Math.exp(0.1 * random.nextGaussian())));
        rows.add(
            RowFactory.create(names[g] + "-" + i, recency, frequency, monetary, tenure, names[g]));
      }
    }
    blobs = spark().createDataFrame(rows, SCHEMA);
  }

  private static Map<String, Integer> assignment(BehaviouralClusters.Model model) {
    Map<String, Integer> out = new HashMap<>();
    for (Row r :
        BehaviouralClusters.assign(blobs, model)
            .select(Columns.CUSTOMER_ID, Columns.CLUSTER_ID)
            .collectAsList()) {
      out.put(r.getString(0), r.getInt(1));
    }
    return out;
  }

  @Test
  void threeSeparatedGroupsAreRecoveredAndKIsThree() {
    BehaviouralClusters.Model model = BehaviouralClusters.fit(blobs, 300, CFG);
    assertThat(model.k()).isEqualTo(3);
    assertThat(model.kChosenBy()).isEqualTo("silhouette");
    assertThat(model.candidates()).hasSize(5);
    assertThat(model.silhouette()).isGreaterThan(0.7);
    assertThat(model.sampleSize()).isLessThanOrEqualTo(200);

    Map<String, Integer> clusters = assignment(model);
    assertThat(clusters).hasSize(300); // every customer assigned, not only the sample
    Map<String, Set<Integer>> byGroup = new HashMap<>();
    clusters.forEach(
        (id, c) ->
            byGroup.computeIfAbsent(id.substring(0, id.indexOf('-')), g -> new HashSet<>()).add(c));
    // the same partition up to label permutation
    assertThat(byGroup.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    assertThat(new HashSet<>(byGroup.values())).hasSize(3);

    String lapsed = model.labels().get(clusters.get("lapsed-0"));
    String top = model.labels().get(clusters.get("top-0"));
    assertThat(lapsed).contains("lapsed").contains("one-time").contains("low-spenders");
    assertThat(top).contains("recent").contains("frequent").contains("high-spenders");
  }

  @Test
  void sameSeedSameModelAndAssignment() {
    BehaviouralClusters.Model a = BehaviouralClusters.fit(blobs, 300, CFG);
    BehaviouralClusters.Model b = BehaviouralClusters.fit(blobs, 300, CFG);
    assertThat(b.centroids()).isDeepEqualTo(a.centroids());
    assertThat(b.means()).containsExactly(a.means());
    assertThat(assignment(b)).isEqualTo(assignment(a));
  }

  @Test
  void aConfiguredKIsUsed() {
    ClusterSettings four = new ClusterSettings(4, 2, 8, 1000, 300, 7L, 2, 0.5);
    BehaviouralClusters.Model model = BehaviouralClusters.fit(blobs, 300, four);
    assertThat(model.k()).isEqualTo(4);
    assertThat(model.kChosenBy()).isEqualTo("configured");
    assertThat(new HashSet<>(assignment(model).values())).hasSize(4);
  }

  @Test
  void oneCustomerGivesOneCluster() {
    BehaviouralClusters.Model model = BehaviouralClusters.fit(blobs.limit(1), 1, CFG);
    assertThat(model.k()).isEqualTo(1);
    assertThat(
            BehaviouralClusters.assign(blobs.limit(1), model)
                .select(Columns.CLUSTER_ID)
                .first()
                .getInt(0))
        .isZero();
  }
}
