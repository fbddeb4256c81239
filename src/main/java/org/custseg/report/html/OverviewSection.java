package org.custseg.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custseg.schema.Columns;

/** The headline cards, each labelled with its window and currency, and the trend over runs. */
final class OverviewSection implements Section {

  @Override
  public String id() {
    return "overview";
  }

  @Override
  public void write(Page p) {
    Headline h = p.model.headline();
    p.open(
        id(),
        p.text("section.overview"),
        p.format("section.overview.desc", p.labels.currency(p.units)));
    p.markup("<div class=\"cards\" id=\"headline\">\n");
    p.card(
        "customers",
        p.text("card.customers"),
        p.fmt.integer(h.customers()),
        p.format("card.customers.detail", h.runDate().toString()));
    p.card(
        "active-customers",
        p.text("card.activeCustomers"),
        p.fmt.integer(h.activeCustomers()),
        p.format(
            "card.activeCustomers.detail",
            p.fmt.share(h.activeCustomers(), h.customers()),
            p.fmt.integer(p.units.activityWindowDays())));
    String currency = p.labels.currency(p.units);
    p.card(
        "net-spend-all-time",
        p.measure(Columns.MONETARY_TOTAL),
        p.fmt.money(h.netSpendAllTime()),
        currency);
    p.card(
        "net-spend-trailing",
        p.measure(Columns.TRAILING_VALUE),
        p.fmt.money(h.netSpendTrailing()),
        currency);
    if (h.clvNext() != null) {
      p.card(
          "clv-next",
          p.measure(Columns.CLV),
          p.fmt.money(h.clvNext()),
          p.format("card.clv.detail", currency));
    }
    if (h.totals() != null && h.inputRows() != null && h.quarantinedRows() != null) {
      // An incremental run: the totals of the runs its state stands on, this run's beside them.
      Headline.RunTotals t = h.totals();
      p.card(
          "input-rows",
          p.text("card.inputRowsTotal"),
          p.fmt.integer(t.inputRows()),
          p.format(
              "card.inputRowsTotal.detail", p.fmt.integer(t.runs()), p.fmt.integer(h.inputRows())));
      p.card(
          "quarantined-rows",
          p.text("card.quarantinedRowsTotal"),
          p.fmt.integer(t.quarantinedRows()),
          p.format(
              "card.quarantinedRowsTotal.detail",
              p.fmt.share(t.quarantinedRows(), t.inputRows()),
              p.fmt.integer(h.quarantinedRows())));
    } else {
      thisRunsRows(p, h);
    }
    p.markup("</div>\n");
    p.heading(p.text("overview.trends"));
    if (p.model.trends().isEmpty()) {
      p.notAvailable("trends", null);
    } else {
      p.chart("chart-trends", "short");
      p.note(p.text("overview.trends.note"));
    }
    p.close();
  }

  private static void thisRunsRows(Page p, Headline h) {
    if (h.inputRows() != null) {
      p.card(
          "input-rows",
          p.text("card.inputRows"),
          p.fmt.integer(h.inputRows()),
          p.text("card.inputRows.detail"));
    }
    if (h.quarantinedRows() != null) {
      p.card(
          "quarantined-rows",
          p.text("card.quarantinedRows"),
          p.fmt.integer(h.quarantinedRows()),
          h.inputRows() == null || h.inputRows() == 0
              ? null
              : p.format(
                  "card.quarantinedRows.detail", p.fmt.share(h.quarantinedRows(), h.inputRows())));
    }
  }

  @Override
  public Object data(Page p) {
    if (p.model.trends().isEmpty()) {
      return null;
    }
    List<TrendPoint> points =
        p.model.trends().stream().sorted(Comparator.comparing(TrendPoint::runDate)).toList();
    List<String> tierKeys =
        Keys.ordered(
            points.stream().flatMap(t -> t.customersByTier().keySet().stream()).toList(),
            ReportLabels.TIERS);
    List<Object> tiers = new ArrayList<>();
    for (String key : tierKeys) {
      tiers.add(
          new JsonData()
              .put("key", key)
              .put("label", p.labels.tier(key))
              .put("values", points.stream().map(t -> t.customersByTier().get(key)).toList())
              .map());
    }
    return new JsonData()
        .put("dates", points.stream().map(t -> t.runDate().toString()).toList())
        .put("tiers", tiers)
        .put("netSpend", points.stream().map(t -> JsonData.finite(t.netSpendTrailing())).toList())
        .put("netSpendName", p.money(Columns.TRAILING_VALUE))
        .map();
  }
}
