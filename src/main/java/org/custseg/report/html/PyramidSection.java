package org.custseg.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.custseg.schema.Columns;

/** The value pyramid: the tiers as a funnel, shares of customers against shares of spend. */
final class PyramidSection implements Section {

  @Override
  public String id() {
    return "pyramid";
  }

  private static List<Pyramid.Tier> tiers(Page p) {
    Pyramid pyramid = p.model.pyramid();
    return pyramid == null
        ? List.of()
        : Keys.rows(pyramid.tiers(), Pyramid.Tier::tier, ReportLabels.TIERS);
  }

  @Override
  public void write(Page p) {
    List<Pyramid.Tier> tiers = tiers(p);
    if (tiers.isEmpty()) {
      p.unavailable(id(), p.text("section.pyramid"), null);
      return;
    }
    p.open(
        id(),
        p.text("section.pyramid"),
        p.format(
            "section.pyramid.desc",
            p.labels.measureAxis(p.model.pyramid().rankedBy(), p.units),
            p.fmt.integer(p.units.activityWindowDays()),
            p.measure(Columns.TRAILING_VALUE)));
    p.markup("<div class=\"row\"><div class=\"col\">");
    p.chart("chart-pyramid", "short");
    p.markup("</div><div class=\"col\">");
    p.chart("chart-pyramid-shares", "short");
    p.markup("</div></div>\n");
    HtmlTable t =
        new HtmlTable("table-pyramid")
            .words(p.text("col.tier"))
            .number(p.text("col.customers"))
            .number(p.text("col.customerShare"))
            .number(p.money(Columns.TRAILING_VALUE))
            .number(p.text("col.share"))
            .number(p.money(Columns.MONETARY_TOTAL));
    long customers = 0;
    BigDecimal trailing = BigDecimal.ZERO;
    BigDecimal allTime = BigDecimal.ZERO;
    for (Pyramid.Tier tier : tiers) {
      t.row(
          p.labels.tier(tier.tier()),
          p.fmt.integer(tier.customers()),
          p.fmt.percent(tier.customerShare()),
          p.fmt.money(tier.netSpendTrailing()),
          p.fmt.percent(tier.trailingShare()),
          p.fmt.money(tier.netSpendAllTime()));
      customers += tier.customers();
      trailing = trailing.add(tier.netSpendTrailing());
      allTime = allTime.add(tier.netSpendAllTime());
    }
    t.footer(
        p.text("col.total"),
        p.fmt.integer(customers),
        "",
        p.fmt.money(trailing),
        "",
        p.fmt.money(allTime));
    p.table(t);
    p.close();
  }

  @Override
  public Object data(Page p) {
    List<Pyramid.Tier> tiers = tiers(p);
    if (tiers.isEmpty()) {
      return null;
    }
    List<Object> rows = new ArrayList<>();
    for (Pyramid.Tier t : tiers) {
      rows.add(
          new JsonData()
              .put("key", t.tier())
              .put("label", p.labels.tier(t.tier()))
              .put("customers", t.customers())
              .put("netSpend", JsonData.finite(t.netSpendTrailing()))
              .put("customerShare", JsonData.finite(t.customerShare()))
              .put("spendShare", JsonData.finite(t.trailingShare()))
              .map());
    }
    return new JsonData()
        .put("tiers", rows)
        .put("netSpendName", p.money(Columns.TRAILING_VALUE))
        .put("spendShareName", p.format("chart.shareOf", p.measure(Columns.TRAILING_VALUE)))
        .map();
  }
}
