package org.custseg.report.html;

import java.util.ArrayList;
import java.util.List;
import org.custseg.schema.Columns;

/**
 * Customers to act on: per action list, how many customers qualify and the first rows of
 * action_lists.csv, with the reason and the recommended action in the page's language.
 */
final class ActionsSection implements Section {

  @Override
  public String id() {
    return "actions";
  }

  @Override
  public void write(Page p) {
    Actions a = p.model.actions();
    if (a == null) {
      p.unavailable(id(), p.text("section.actions"), null);
      return;
    }
    p.open(
        id(),
        p.text("section.actions"),
        p.format(
            "section.actions.desc",
            p.fmt.integer(a.rowsPerList()),
            p.fmt.integer(a.topN()),
            p.fmt.two(a.pAliveThreshold())));
    p.chart("chart-actions", "short");
    for (Actions.ListSize list : a.lists()) {
      List<Actions.Row> rows = a.rows().stream().filter(r -> r.list().equals(list.list())).toList();
      p.heading(
          p.format(
              "actions.list.heading",
              p.labels.optional("action.list." + list.list(), list.list()),
              p.fmt.integer(list.customers())));
      p.note(p.labels.optional("action.list." + list.list() + ".rule", ""));
      if (rows.isEmpty()) {
        p.notAvailable("actions-" + list.list(), p.text("actions.empty"));
        continue;
      }
      HtmlTable t =
          new HtmlTable("table-actions-" + list.list())
              .number(p.text("col.priority"))
              .words(p.text("col.customer"))
              .words(p.text("col.tier"))
              .words(p.text("col.quadrant"))
              .words(p.text("col.stage"))
              .number(p.text("col.pAlive"))
              .number(
                  p.labels.inCurrency(
                      p.labels.measureAxis(Columns.CUSTOMER_VALUE, p.units), p.units))
              .number(p.money(Columns.CLV))
              .words(p.text("col.reason"))
              .words(p.text("col.recommendedAction"));
      for (Actions.Row r : rows) {
        t.row(
            p.fmt.integer(r.priority()),
            r.customerId(),
            p.labels.tier(r.tier()),
            p.labels.quadrant(r.quadrant()),
            p.labels.stage(r.stage()),
            pAlive(p, r),
            p.fmt.money(r.customerValue()),
            p.fmt.money(r.clv()),
            p.labels.has("action.reason." + r.reasonCode())
                ? p.format("action.reason." + r.reasonCode(), r.reasonArguments().toArray())
                : r.reasonCode(),
            p.labels.recommendedAction(r.level(), r.depth()));
      }
      p.table(t);
    }
    p.close();
  }

  private static String pAlive(Page p, Actions.Row r) {
    return r.pAlivePrevious() == null
        ? p.fmt.two(r.pAlive())
        : p.fmt.two(r.pAlivePrevious()) + " → " + p.fmt.two(r.pAlive());
  }

  @Override
  public Object data(Page p) {
    Actions a = p.model.actions();
    if (a == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<Long> customers = new ArrayList<>();
    List<Long> shown = new ArrayList<>();
    for (Actions.ListSize list : a.lists()) {
      names.add(p.labels.optional("action.list." + list.list(), list.list()));
      customers.add(list.customers());
      shown.add(a.rows().stream().filter(r -> r.list().equals(list.list())).count());
    }
    return new JsonData()
        .put("lists", names)
        .put("customers", customers)
        .put("shown", shown)
        .put("customersName", p.text("chart.qualifying"))
        .put("shownName", p.text("chart.shownHere"))
        .map();
  }
}
