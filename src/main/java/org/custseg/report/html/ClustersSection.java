package org.custseg.report.html;

import java.util.ArrayList;
import java.util.List;
import org.custseg.schema.Columns;

/**
 * Behavioural clusters: size, the profile of each centre (a heatmap of standard deviations from the
 * average customer) and the medians in plain units, with the cluster's label.
 */
final class ClustersSection implements Section {

  private static final List<String> MONEY = List.of(Columns.MONETARY_TOTAL, Columns.CLV);

  @Override
  public String id() {
    return "clusters";
  }

  @Override
  public void write(Page p) {
    Clusters c = p.model.clusters();
    if (c == null || c.clusters().isEmpty()) {
      p.unavailable(id(), p.text("section.clusters"), null);
      return;
    }
    p.open(
        id(),
        p.text("section.clusters"),
        p.format(
            "section.clusters.desc",
            p.fmt.integer(c.k()),
            p.labels.optional("clusters.chosenBy." + c.kChosenBy(), c.kChosenBy()),
            p.fmt.two(c.silhouette())));
    p.chart("chart-clusters", "short");
    p.note(p.text("clusters.chart.note"));
    // the features whose medians the profiles give, in their order
    List<String> medians =
        c.clusters().get(0).medians().keySet().stream()
            .filter(f -> c.clusters().stream().anyMatch(x -> x.medians().get(f) != null))
            .toList();
    HtmlTable t =
        new HtmlTable("table-clusters")
            .words(p.text("col.cluster"))
            .number(p.text("col.customers"))
            .number(p.text("col.customerShare"));
    for (String f : medians) {
      t.number(p.format("col.median", feature(p, f)));
    }
    t.words(p.text("col.dominantTier")).words(p.text("col.dominantQuadrant"));
    for (Clusters.Cluster x : c.clusters()) {
      List<String> row = new ArrayList<>();
      row.add(x.id() + " · " + p.labels.clusterLabel(x.label()));
      row.add(p.fmt.integer(x.customers()));
      row.add(p.fmt.percent(x.share()));
      for (String f : medians) {
        Double v = x.medians().get(f);
        row.add(
            f.equals(Columns.P_ALIVE)
                ? p.fmt.two(v)
                : MONEY.contains(f) ? p.fmt.money(v == null ? Double.NaN : v) : p.fmt.number(v));
      }
      row.add(x.dominantTier() == null ? "" : p.labels.tier(x.dominantTier()));
      row.add(x.dominantQuadrant() == null ? "" : p.labels.quadrant(x.dominantQuadrant()));
      t.row(row);
    }
    p.table(t);
    p.close();
  }

  /** A feature's name: the vocabulary's words for a measure, the catalogue's otherwise. */
  private static String feature(Page p, String column) {
    return p.labels.has("feature." + column)
        ? p.text("feature." + column)
        : p.labels.inCurrency(p.measure(column), p.units);
  }

  @Override
  public Object data(Page p) {
    Clusters c = p.model.clusters();
    if (c == null || c.clusters().isEmpty()) {
      return null;
    }
    List<String> rows = new ArrayList<>();
    List<Object[]> cells = new ArrayList<>();
    for (int i = 0; i < c.clusters().size(); i++) {
      Clusters.Cluster x = c.clusters().get(i);
      rows.add(
          x.id()
              + " · "
              + p.labels.clusterLabel(x.label())
              + " ("
              + p.fmt.percent(x.share())
              + ")");
      for (int j = 0; j < c.features().size(); j++) {
        Double z = x.centre().get(c.features().get(j));
        cells.add(new Object[] {j, i, z == null ? null : JsonData.finite(z)});
      }
    }
    return new JsonData()
        .put("clusters", rows)
        .put(
            "features",
            c.features().stream().map(f -> p.labels.optional("feature.short." + f, f)).toList())
        .put("cells", cells)
        .map();
  }
}
