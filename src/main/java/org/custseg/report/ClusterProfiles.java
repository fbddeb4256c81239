package org.custseg.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.custseg.report.ColumnSpec.Kind.INTEGER;
import static org.custseg.report.ColumnSpec.Kind.NUMBER;
import static org.custseg.report.ColumnSpec.Kind.RATIO;
import static org.custseg.report.ColumnSpec.Kind.TEXT;
import static org.custseg.report.ColumnSpec.of;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.report.html.Clusters;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;
import org.custseg.segmentation.BehaviouralClusters;

/**
 * {@code cluster_profiles.csv}: one row per behavioural cluster with its size, the mean and median
 * of each feature (raw units; medians are Spark's approximate percentile with accuracy 10000, i.e.
 * within 0.01% of the rank), the dominant pyramid tier and quadrant, and the label derived from the
 * centre ({@link BehaviouralClusters}).
 */
public final class ClusterProfiles {

  public static final String FILE = "cluster_profiles.csv";
  static final List<String> FEATURES =
      List.of(
          Columns.RECENCY_DAYS,
          Columns.FREQUENCY,
          Columns.MONETARY_TOTAL,
          Columns.TENURE_DAYS,
          Columns.P_ALIVE,
          Columns.CLV);

  public static final List<ColumnSpec> COLUMNS;

  static {
    List<ColumnSpec> c =
        new ArrayList<>(
            List.of(
                of(
                    "cluster_id",
                    INTEGER,
                    "",
                    "Cluster (customers.cluster_id); 0 = largest in the sample."),
                of(
                    "label",
                    TEXT,
                    "",
                    "Readable label from the centre relative to the population: tenure (new, "
                        + "long-standing), recency (recent, lapsed), frequency (one-time, frequent, "
                        + "infrequent), spend (high-, mid-, low-spenders); a word when the centre is more "
                        + "than segmentation.clusters.label-threshold standard deviations from the mean."),
                of("customers", INTEGER, "customers", "Customers assigned to the cluster."),
                of("customer_share", RATIO, "0-1", "customers / all customers.")));
    for (String f : FEATURES) {
      String unit =
          switch (f) {
            case Columns.RECENCY_DAYS, Columns.TENURE_DAYS -> "days";
            case Columns.FREQUENCY -> "orders";
            case Columns.P_ALIVE -> "0-1";
            default -> "currency";
          };
      String when = FEATURES.indexOf(f) >= 4 ? " (empty when the table has no " + f + ")" : "";
      Measure measure = Measure.ofColumn(f).orElse(null);
      c.add(
          new ColumnSpec(
              "mean_" + f, NUMBER, unit, "Mean " + f + " of the cluster" + when + ".", measure));
      c.add(
          new ColumnSpec(
              "median_" + f,
              NUMBER,
              unit,
              "Approximate median " + f + " of the cluster" + when + ".",
              measure));
    }
    c.addAll(
        List.of(
            of("dominant_pyramid_tier", TEXT, "", "The most common pyramid_tier in the cluster."),
            of("dominant_tier_share", RATIO, "0-1", "Its share of the cluster."),
            of("dominant_portfolio_quadrant", TEXT, "", "The most common portfolio_quadrant."),
            of("dominant_quadrant_share", RATIO, "0-1", "Its share of the cluster."),
            of(
                "centre",
                TEXT,
                "",
                "The centre in standard deviations from the sample mean of each transformed feature."),
            of("k", INTEGER, "clusters", "Number of clusters."),
            of("k_chosen_by", TEXT, "", "silhouette (best over k-min..k-max) or configured."),
            of("silhouette", NUMBER, "-1..1", "Mean silhouette of the chosen k on the sample."),
            MeasureColumns.CURRENCY));
    COLUMNS = List.copyOf(c);
  }

  public static final DataDictionary.FileSpec FILE_SPEC =
      new DataDictionary.FileSpec(
          "reports/run_date=D/" + FILE,
          "One row per behavioural cluster: size, feature means and medians, dominant tier and "
              + "quadrant, label.",
          COLUMNS);

  private ClusterProfiles() {}

  public static ReportTable table(
      Dataset<Row> customers, BehaviouralClusters.Model model, Units units) {
    List<String> present = Arrays.asList(customers.columns());
    List<Column> aggs = new ArrayList<>(List.of(count(lit(1))));
    for (String f : FEATURES) {
      Column x = present.contains(f) ? col(f).cast("double") : lit(null).cast("double");
      aggs.add(avg(x));
      aggs.add(percentile_approx(x, lit(0.5), lit(10000)));
    }
    Column cluster = col(Columns.CLUSTER_ID);
    List<Row> stats =
        customers
            .groupBy(cluster)
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
            .orderBy(cluster)
            .collectAsList();
    // Customers per cluster, tier and quadrant (a few hundred groups): both dominants in one pass.
    List<Row> counts =
        customers
            .groupBy(
                col(Columns.CLUSTER_ID), col(Columns.PYRAMID_TIER), col(Columns.PORTFOLIO_QUADRANT))
            .count()
            .collectAsList();
    Map<Integer, String[]> tier = dominant(counts, 1);
    Map<Integer, String[]> quadrant = dominant(counts, 2);
    long all = stats.stream().mapToLong(r -> r.getLong(1)).sum();
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : stats) {
      int id = r.getInt(0);
      long n = r.getLong(1);
      List<Object> row =
          new ArrayList<>(
              List.of(
                  id,
                  id < model.labels().size() ? model.labels().get(id) : "",
                  n,
                  SummaryReports.share(n, all)));
      for (int i = 0; i < FEATURES.size() * 2; i++) {
        row.add(r.isNullAt(2 + i) ? null : ((Number) r.get(2 + i)).doubleValue());
      }
      String[] t = tier.getOrDefault(id, new String[] {null, "0"});
      String[] q = quadrant.getOrDefault(id, new String[] {null, "0"});
      row.add(t[0]);
      row.add(SummaryReports.share(Long.parseLong(t[1]), n));
      row.add(q[0]);
      row.add(SummaryReports.share(Long.parseLong(q[1]), n));
      row.add(centre(model, id));
      row.add(model.k());
      row.add(model.kChosenBy());
      row.add(model.silhouette());
      row.add(MeasureColumns.currency(units));
      rows.add(row);
    }
    return new ReportTable(FILE, "Behavioural clusters", COLUMNS, rows);
  }

  /** The report's cluster section, from the rows of {@link #table} and the model's centres. */
  public static Clusters html(ReportTable table, BehaviouralClusters.Model model) {
    List<String> names = table.columns().stream().map(ColumnSpec::name).toList();
    List<Clusters.Cluster> clusters = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      int id = ((Number) row.get(names.indexOf("cluster_id"))).intValue();
      Map<String, Double> medians = new LinkedHashMap<>();
      for (String f : FEATURES) {
        medians.put(f, (Double) row.get(names.indexOf("median_" + f)));
      }
      Map<String, Double> centre = new LinkedHashMap<>();
      for (int j = 0; j < model.features().size() && id < model.centroids().length; j++) {
        centre.put(model.features().get(j), model.centroids()[id][j]);
      }
      clusters.add(
          new Clusters.Cluster(
              id,
              String.valueOf(row.get(names.indexOf("label"))),
              ((Number) row.get(names.indexOf("customers"))).longValue(),
              ((Number) row.get(names.indexOf("customer_share"))).doubleValue(),
              medians,
              centre,
              (String) row.get(names.indexOf("dominant_pyramid_tier")),
              (String) row.get(names.indexOf("dominant_portfolio_quadrant"))));
    }
    return new Clusters(
        model.k(), model.kChosenBy(), model.silhouette(), model.features(), clusters);
  }

  private static String centre(BehaviouralClusters.Model model, int id) {
    if (id >= model.centroids().length) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < model.features().size(); j++) {
      parts.add(
          model.features().get(j)
              + "="
              + String.format(Locale.ROOT, "%+.2f", model.centroids()[id][j]));
    }
    return String.join(" ", parts);
  }

  /**
   * Per cluster: the most common value of the {@code column}-th field of the counts (ties: the one
   * that sorts first) and its count.
   *
   * @param counts rows of cluster id, tier, quadrant and customers
   */
  private static Map<Integer, String[]> dominant(List<Row> counts, int column) {
    Map<Integer, Map<String, Long>> perValue = new HashMap<>();
    for (Row r : counts) {
      perValue
          .computeIfAbsent(r.getInt(0), k -> new HashMap<>())
          .merge(r.getString(column), r.getLong(3), Long::sum);
    }
    Map<Integer, String[]> out = new HashMap<>();
    perValue.forEach(
        (id, values) ->
            values.forEach(
                (v, n) -> {
                  String[] cur = out.get(id);
                  if (cur == null
                      || n > Long.parseLong(cur[1])
                      || (n == Long.parseLong(cur[1])
                          && v != null
                          && (cur[0] == null || v.compareTo(cur[0]) < 0))) {
                    out.put(id, new String[] {v, String.valueOf(n)});
                  }
                }));
    return out;
  }
}
