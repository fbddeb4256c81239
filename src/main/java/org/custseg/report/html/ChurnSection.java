package org.custseg.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Churn and retention since the previous completed run: customers and value lost per tier and
 * quadrant of that run, retention, and the expected life T = N / M with the window it is measured
 * on (not annualised when the window is too short).
 */
final class ChurnSection implements Section {

  @Override
  public String id() {
    return "churn";
  }

  @Override
  public void write(Page p) {
    Churn c = p.model.churn();
    if (c == null) {
      p.unavailable(id(), p.text("section.churn"), p.text("churn.none"));
      return;
    }
    p.open(
        id(),
        p.text("section.churn"),
        p.format(
            "section.churn.desc", c.previousRunDate().toString(), p.fmt.integer(c.windowDays())));
    p.chart("chart-churn", "short");
    String notAnnualised = p.format("churn.notAnnualised", p.fmt.integer(c.windowDays()));
    HtmlTable t =
        new HtmlTable("table-churn")
            .words(p.text("col.group"))
            .number(p.text("col.customersThenActive"))
            .number(p.text("col.lost"))
            .number(p.text("col.retention"))
            .number(p.text("col.lostPerYear"))
            .words(p.text("col.expectedLife"))
            .number(p.labels.inCurrency(p.text("col.valueLost"), p.units));
    for (Churn.Row r : c.rows()) {
      String life;
      if (!c.annualised()) {
        life = notAnnualised;
      } else if (r.lifeYears() == null) {
        life = p.text("churn.noneLost");
      } else {
        life = p.format("churn.years", p.fmt.number(r.lifeYears()));
      }
      t.row(
          group(p, r),
          p.fmt.integer(r.customersPrevious()),
          p.fmt.integer(r.customersLost()),
          p.fmt.percent(r.retention()),
          c.annualised() ? p.fmt.number(r.lostPerYear()) : Formats.NONE,
          life,
          p.fmt.money(r.valueLost()));
    }
    p.table(t);
    p.note(
        p.format(
            "churn.note",
            p.fmt.integer(c.windowDays()),
            p.labels.measure(c.lostValueBasis(), p.units)));
    if (!c.annualised()) {
      p.note(p.format("churn.notAnnualised.why", p.fmt.integer(c.windowDays())));
    }
    p.close();
  }

  private static String group(Page p, Churn.Row r) {
    return switch (r.dimension()) {
      case "pyramid_tier" ->
          p.format("page.pair", p.text("dimension.pyramid_tier"), p.labels.tier(r.segment()));
      case "portfolio_quadrant" ->
          p.format(
              "page.pair", p.text("dimension.portfolio_quadrant"), p.labels.quadrant(r.segment()));
      default -> p.text("churn.allActive");
    };
  }

  @Override
  public Object data(Page p) {
    Churn c = p.model.churn();
    if (c == null) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    List<Long> lost = new ArrayList<>();
    List<Double> value = new ArrayList<>();
    for (Churn.Row r : c.rows()) {
      groups.add(group(p, r));
      lost.add(r.customersLost());
      value.add(JsonData.finite(r.valueLost()));
    }
    return new JsonData()
        .put("groups", groups)
        .put("lost", lost)
        .put("value", value)
        .put("lostName", p.text("chart.lost"))
        .put("valueName", p.labels.inCurrency(p.text("chart.valueLost"), p.units))
        .map();
  }
}
