package org.custseg.segmentation;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.ClusterSettings;
import org.custseg.schema.Columns;
import smile.clustering.KMeans;
import smile.clustering.PartitionClustering;
import smile.math.MathEx;

/**
 * Behavioural clusters: k-means (Smile) on standardised, log-transformed behaviour.
 *
 * <p>Features: {@code recency_days, frequency, monetary_total, tenure_days}, plus {@code p_alive}
 * and {@code clv} when the table has them. Each is transformed with the signed {@code log1p}
 * ({@code sign(x) * ln(1 + |x|)}, so a negative net spend stays finite), except {@code p_alive} (a
 * probability, used as is), then standardised with the mean and standard deviation of the sample.
 *
 * <p>Fitting happens on the driver, on a bounded sample: a Spark {@code sample} with the configured
 * seed, sorted by customer id, at most {@code sample-size} rows (only those rows are collected).
 * With {@code k} unset, every k in {@code k-min..k-max} is fitted ({@code runs} restarts, lowest
 * distortion wins, {@code MathEx.setSeed(seed)} first) and the k with the best mean silhouette
 * (exact, on a seeded subset of {@code silhouette-sample-size} sampled customers) is kept. Clusters
 * are numbered by size, largest first. The model (scaling and centres) is small: every customer is
 * assigned in Spark by a column expression that computes the squared distance to each centre and
 * takes the nearest (ties: the lower id). Same data and seed, same assignment.
 */
public final class BehaviouralClusters {

  public static final List<String> BASE_FEATURES =
      List.of(Columns.RECENCY_DAYS, Columns.FREQUENCY, Columns.MONETARY_TOTAL, Columns.TENURE_DAYS);

  /** Silhouette and distortion of one candidate k. */
  public record Candidate(int k, double silhouette, double distortion) {}

  /**
   * The fitted model.
   *
   * @param features feature columns, in the order of the centres' coordinates
   * @param means mean of each transformed feature (sample)
   * @param sds standard deviation of each transformed feature (sample; 1 when constant)
   * @param centroids cluster centres in standardised space, cluster id = index
   * @param labels readable label per cluster, from its centre
   * @param kChosenBy "configured", "silhouette" or "too few customers"
   */
  public record Model(
      List<String> features,
      double[] means,
      double[] sds,
      double[][] centroids,
      List<String> labels,
      int k,
      String kChosenBy,
      double silhouette,
      List<Candidate> candidates,
      int sampleSize,
      long seed) {}

  private BehaviouralClusters() {}

  public static List<String> features(Dataset<Row> customers) {
    List<String> cols = Arrays.asList(customers.columns());
    List<String> out = new ArrayList<>(BASE_FEATURES);
    for (String optional : List.of(Columns.P_ALIVE, Columns.CLV)) {
      if (cols.contains(optional)) {
        out.add(optional);
      }
    }
    return out;
  }

  /** The transformed (not yet standardised) feature; null stays null. */
  static Column transformed(String feature) {
    Column x = col(feature).cast("double");
    return feature.equals(Columns.P_ALIVE) ? x : signum(x).multiply(log1p(abs(x)));
  }

  /** Fits the model on a seeded sample of at most {@code sample-size} customers. */
  public static Model fit(Dataset<Row> customers, long customerCount, ClusterSettings cfg) {
    List<String> features = features(customers);
    double fraction =
        customerCount <= cfg.sampleSize()
            ? 1.0
            : Math.min(1.0, 1.1 * cfg.sampleSize() / customerCount + 0.001);
    Column[] select = new Column[features.size() + 1];
    select[0] = col(Columns.CUSTOMER_ID);
    for (int j = 0; j < features.size(); j++) {
      select[j + 1] = transformed(features.get(j)).as(features.get(j));
    }
    // A seeded hash of the customer id picks the sample: the same customers however Spark
    // partitions the table (local or cluster, full or incremental run).
    Column draw =
        org.apache.spark.sql.functions.xxhash64(
            col(Columns.CUSTOMER_ID), org.apache.spark.sql.functions.lit(cfg.seed()));
    Dataset<Row> sampled =
        fraction >= 1.0
            ? customers
            : customers.where(
                org.apache
                    .spark
                    .sql
                    .functions
                    .pmod(draw, org.apache.spark.sql.functions.lit(1_000_000L))
                    .lt(org.apache.spark.sql.functions.lit((long) (fraction * 1_000_000))));
    List<Row> rows =
        sampled
            .select(select)
            .orderBy(col(Columns.CUSTOMER_ID))
            .limit(cfg.sampleSize())
            .collectAsList();
    double[][] x = new double[rows.size()][features.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < features.size(); j++) {
        x[i][j] = rows.get(i).isNullAt(j + 1) ? Double.NaN : rows.get(i).getDouble(j + 1);
      }
    }
    return fit(features, x, cfg);
  }

  /** Fits the model on raw transformed feature rows (NaN = missing: the mean is used). */
  public static Model fit(List<String> features, double[][] x, ClusterSettings cfg) {
    int d = features.size();
    double[] means = new double[d];
    double[] sds = new double[d];
    for (int j = 0; j < d; j++) {
      double s = 0;
      double ss = 0;
      int n = 0;
      for (double[] row : x) {
        if (!Double.isNaN(row[j])) {
          s += row[j];
          ss += row[j] * row[j];
          n++;
        }
      }
      means[j] = n == 0 ? 0 : s / n;
      double var = n < 2 ? 0 : (ss - n * means[j] * means[j]) / (n - 1);
      sds[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
    }
    double[][] z = new double[x.length][d];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = Double.isNaN(x[i][j]) ? 0 : (x[i][j] - means[j]) / sds[j];
      }
    }
    long distinct =
        Arrays.stream(z).map(Arrays::toString).distinct().limit(cfg.kMax() + 1L).count();
    if (distinct < 2 || (cfg.k() == 0 && distinct <= cfg.kMin())) {
      double[][] centre = {new double[d]};
      return new Model(
          features,
          means,
          sds,
          centre,
          labels(features, means, sds, centre, cfg),
          1,
          "too few customers",
          0.0,
          List.of(),
          x.length,
          cfg.seed());
    }

    int[] silhouetteRows = silhouetteSubset(z.length, cfg.silhouetteSampleSize(), cfg.seed());
    List<Candidate> candidates = new ArrayList<>();
    KMeans best = null;
    double bestSilhouette = Double.NEGATIVE_INFINITY;
    int kFrom = cfg.k() > 0 ? cfg.k() : cfg.kMin();
    int kTo = cfg.k() > 0 ? cfg.k() : (int) Math.min(cfg.kMax(), distinct - 1);
    for (int k = kFrom; k <= Math.min(kTo, distinct); k++) {
      final int kk = k;
      MathEx.setSeed(cfg.seed());
      KMeans model = PartitionClustering.run(cfg.runs(), () -> KMeans.fit(z, kk, 100, 1e-4));
      double s = silhouette(z, model.y, silhouetteRows);
      candidates.add(new Candidate(k, s, model.distortion));
      if (s > bestSilhouette + 1e-12) {
        bestSilhouette = s;
        best = model;
      }
    }
    double[][] centroids = bySize(best);
    return new Model(
        features,
        means,
        sds,
        centroids,
        labels(features, means, sds, centroids, cfg),
        centroids.length,
        cfg.k() > 0 ? "configured" : "silhouette",
        bestSilhouette,
        candidates,
        x.length,
        cfg.seed());
  }

  /** Centres ordered by cluster size (largest first), ties by the centre's coordinates. */
  private static double[][] bySize(KMeans model) {
    Integer[] order = new Integer[model.k];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingInt(i -> -model.size[i])
            .thenComparing(i -> Arrays.toString(model.centroids[i])));
    double[][] out = new double[model.k][];
    for (int i = 0; i < order.length; i++) {
      out[i] = model.centroids[order[i]].clone();
    }
    return out;
  }

  private static int[] silhouetteSubset(int n, int m, long seed) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    if (n <= m) {
      return idx;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return Arrays.copyOf(idx, m);
  }

  /** Mean silhouette over the given rows (exact, Euclidean; a singleton scores 0). */
  static double silhouette(double[][] z, int[] y, int[] rows) {
    int k = Arrays.stream(y).max().orElse(0) + 1;
    double total = 0;
    for (int i : rows) {
      double[] sum = new double[k];
      int[] count = new int[k];
      for (int j : rows) {
        if (j != i) {
          sum[y[j]] += distance(z[i], z[j]);
          count[y[j]]++;
        }
      }
      if (count[y[i]] == 0) {
        continue;
      }
      double a = sum[y[i]] / count[y[i]];
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != y[i] && count[c] > 0) {
          b = Math.min(b, sum[c] / count[c]);
        }
      }
      if (b == Double.POSITIVE_INFINITY) {
        continue;
      }
      double m = Math.max(a, b);
      total += m == 0 ? 0 : (b - a) / m;
    }
    return rows.length == 0 ? 0 : total / rows.length;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return Math.sqrt(s);
  }

  /** Adds {@code cluster_id} (int): the nearest centre in standardised space. */
  public static Dataset<Row> assign(Dataset<Row> customers, Model model) {
    int d = model.features().size();
    Column[] z = new Column[d];
    for (int j = 0; j < d; j++) {
      z[j] =
          coalesce(transformed(model.features().get(j)), lit(model.means()[j]))
              .minus(model.means()[j])
              .divide(model.sds()[j]);
    }
    Column[] candidates = new Column[model.centroids().length];
    for (int c = 0; c < candidates.length; c++) {
      Column dist = lit(0.0);
      for (int j = 0; j < d; j++) {
        Column diff = z[j].minus(model.centroids()[c][j]);
        dist = dist.plus(diff.multiply(diff));
      }
      candidates[c] = struct(dist.as("d"), lit(c).as("id"));
    }
    Column nearest = candidates.length == 1 ? lit(0) : array_min(array(candidates)).getField("id");
    return customers.withColumn(Columns.CLUSTER_ID, nearest.cast("int"));
  }

  /**
   * A readable label per centre, relative to the population (whose standardised mean is 0): tenure
   * ("new", "long-standing"), recency ("recent", "lapsed"), frequency ("one-time" when the centre
   * is below 1.5 orders, "frequent", "infrequent") and spend ("high-", "mid-", "low-spenders"), a
   * word when the centre is more than label-threshold standard deviations from the mean. Equal
   * labels get " (cluster n)" appended.
   */
  static List<String> labels(
      List<String> features,
      double[] means,
      double[] sds,
      double[][] centroids,
      ClusterSettings cfg) {
    double t = cfg.labelThreshold();
    List<String> labels = new ArrayList<>();
    for (double[] c : centroids) {
      double zr = c[features.indexOf(Columns.RECENCY_DAYS)];
      int fi = features.indexOf(Columns.FREQUENCY);
      double zf = c[fi];
      double rawF = Math.expm1(means[fi] + zf * sds[fi]);
      double zm = c[features.indexOf(Columns.MONETARY_TOTAL)];
      double zt = c[features.indexOf(Columns.TENURE_DAYS)];
      List<String> words = new ArrayList<>();
      boolean oneTime = rawF < 1.5;
      if (!oneTime) {
        words.add(zt < -t ? "new" : zt > t ? "long-standing" : "");
      }
      words.add(zr < -t ? "recent" : zr > t ? "lapsed" : "");
      words.add(oneTime ? "one-time" : zf > t ? "frequent" : zf < -t ? "infrequent" : "");
      words.add(zm > t ? "high-spenders" : zm < -t ? "low-spenders" : "mid-spenders");
      labels.add(String.join(" ", words.stream().filter(w -> !w.isEmpty()).toList()));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      String l = labels.get(i);
      out.add(java.util.Collections.frequency(labels, l) > 1 ? l + " (cluster " + i + ")" : l);
    }
    return out;
  }
}
