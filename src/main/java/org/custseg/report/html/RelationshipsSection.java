package org.custseg.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custseg.segmentation.RelationshipLevels;

/**
 * Relationship level and marketing depth per tier and quadrant, with what to do in words: the
 * Kotler grid (size band x margin band) with each segment in its cell, and a table of actions.
 */
final class RelationshipsSection implements Section {

  static final List<String> SIZE_BANDS = List.of("few", "medium", "many");
  static final List<String> MARGIN_BANDS = List.of("low", "medium", "high");
  private static final List<String> DIMENSIONS = List.of("pyramid_tier", "portfolio_quadrant");

  @Override
  public String id() {
    return "relationships";
  }

  private static List<Relationships.Row> rows(Page p) {
    List<Relationships.Row> out = new ArrayList<>();
    for (String dimension : DIMENSIONS) {
      List<Relationships.Row> mine =
          p.model.relationships().rows().stream()
              .filter(r -> r.dimension().equals(dimension))
              .toList();
      out.addAll(
          Keys.rows(
              mine,
              r -> r.recommendation().segment(),
              dimension.equals("pyramid_tier") ? ReportLabels.TIERS : ReportLabels.QUADRANTS));
    }
    return out;
  }

  private static String segment(Page p, Relationships.Row r) {
    String key = r.recommendation().segment();
    return r.dimension().equals("pyramid_tier") ? p.labels.tier(key) : p.labels.quadrant(key);
  }

  @Override
  public void write(Page p) {
    if (p.model.relationships() == null || p.model.relationships().rows().isEmpty()) {
      p.unavailable(id(), p.text("section.relationships"), null);
      return;
    }
    p.open(id(), p.text("section.relationships"), p.text("section.relationships.desc"));
    p.chart("chart-relationships", "");
    p.note(p.text("relationships.chart.note"));
    HtmlTable t =
        new HtmlTable("table-relationships")
            .words(p.text("col.segment"))
            .number(p.text("col.customers"))
            .number(p.text("col.customerShare"))
            .number(p.text("col.marginIndex"))
            .words(p.text("col.level"))
            .words(p.text("col.action"))
            .words(p.text("col.depth"))
            .words(p.text("col.instruments"));
    for (Relationships.Row row : rows(p)) {
      RelationshipLevels.Recommendation r = row.recommendation();
      t.row(
          p.format("page.pair", p.text("dimension." + row.dimension()), segment(p, row)),
          p.fmt.integer(r.customers()),
          p.fmt.percent(r.share()),
          p.fmt.two(r.marginIndex()),
          p.labels.optional("relationship.level." + r.level(), String.valueOf(r.level())),
          p.labels.optional("relationship.level." + r.level() + ".action", ""),
          p.labels.optional("relationship.depth." + r.depth(), String.valueOf(r.depth())),
          p.labels.optional("relationship.depth." + r.depth() + ".instruments", ""));
    }
    p.table(t);
    p.close();
  }

  @Override
  public Object data(Page p) {
    if (p.model.relationships() == null || p.model.relationships().rows().isEmpty()) {
      return null;
    }
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (Relationships.Row row : rows(p)) {
      RelationshipLevels.Recommendation r = row.recommendation();
      members
          .computeIfAbsent(r.marginBand() + "/" + r.sizeBand(), k -> new ArrayList<>())
          .add(segment(p, row));
    }
    Map<String, Map<String, String>> levels = p.model.relationships().levels();
    List<Object> cells = new ArrayList<>();
    for (int x = 0; x < MARGIN_BANDS.size(); x++) {
      for (int y = 0; y < SIZE_BANDS.size(); y++) {
        String cell = MARGIN_BANDS.get(x) + "/" + SIZE_BANDS.get(y);
        List<String> in = members.getOrDefault(cell, List.of());
        String level = levels.getOrDefault(SIZE_BANDS.get(y), Map.of()).get(MARGIN_BANDS.get(x));
        cells.add(
            new JsonData()
                .put("value", new Object[] {x, y, in.size()})
                .put(
                    "level",
                    level == null ? "" : p.labels.optional("relationship.level." + level, level))
                .put("segments", in)
                .map());
      }
    }
    return new JsonData()
        .put("x", MARGIN_BANDS.stream().map(b -> p.text("band.margin." + b)).toList())
        .put("y", SIZE_BANDS.stream().map(b -> p.text("band.size." + b)).toList())
        .put("cells", cells)
        .put("xName", p.text("chart.marginBand"))
        .put("yName", p.text("chart.sizeBand"))
        .map();
  }
}
