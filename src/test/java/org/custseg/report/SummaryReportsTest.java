package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.custseg.report.html.Units;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * The summary CSVs from a hand-made cube: one vip star (net spend 1000, trailing 800), three small
 * dogs (90, 30) and one inactive customer (10, 0); five customers, four active.
 */
class SummaryReportsTest {

  private static final Units EUR = new Units("EUR", 365, 12, 30.4375, 365);

  private static SegmentCube.Cell cell(
      String tier,
      String quadrant,
      String segment,
      long n,
      String monetary,
      String trailing,
      String min,
      String max) {
    return new SegmentCube.Cell(
        tier,
        quadrant,
        segment,
        3,
        3,
        "formation",
        n,
        new BigDecimal(monetary),
        new BigDecimal(trailing),
        BigDecimal.ONE,
        10 * n,
        2 * n,
        new BigDecimal(min),
        new BigDecimal(max));
  }

  private static final SegmentCube CUBE =
      SegmentCube.of(
          List.of(
              cell("vip", "star", "champions", 1, "1000", "800", "800", "800"),
              cell("small", "dog", "lost", 3, "90", "30", "0", "30"),
              cell("inactive", "inactive", "hibernating", 1, "10", "0", "0", "0")),
          true);

  private static final SegmentationFacts FACTS =
      new SegmentationFacts(
          5,
          4,
          0,
          List.of(),
          List.of(),
          List.of(),
          1,
          1,
          1,
          "customer_value",
          "trailing_value",
          "predicted_growth",
          10,
          0.1);

  private static Map<String, Map<String, Object>> rows(ReportTable t) {
    return TableRows.byKey(t, 1);
  }

  @Test
  void pyramidSharesRanksAndWhatItsAmountsAre() {
    Map<String, Map<String, Object>> rows = rows(SummaryReports.pyramid(CUBE, FACTS, EUR));

    Map<String, Object> vip = rows.get("vip");
    assertThat(vip.get("customers")).isEqualTo(1L);
    assertThat((Double) vip.get("customer_share")).isEqualTo(0.2);
    assertThat((BigDecimal) vip.get("revenue_trailing_share")).isEqualByComparingTo("0.963855");
    assertThat((BigDecimal) vip.get("revenue_share")).isEqualByComparingTo("0.909091");
    assertThat(vip.get("last_rank")).isEqualTo(1L);
    assertThat(rows.get("small").get("last_rank")).isEqualTo(4L);
    assertThat(rows.get("inactive").get("last_rank")).isNull();
    assertThat(rows.get("key").get("customers")).isEqualTo(0L);
    assertThat(vip.get("revenue_trailing_measure")).isEqualTo("Net spend, trailing 365 days");
    assertThat(vip.get("revenue_measure")).isEqualTo("Net spend, all time");
    assertThat(vip.get("currency")).isEqualTo("EUR");
  }

  @Test
  void portfolioNamesItsAxesAndGivesInactiveCustomersNoLevel() {
    RunAxes axes = new RunAxes("customer_value", "trailing_value", "predicted_growth", 25, 0.1);

    Map<String, Map<String, Object>> rows = rows(SummaryReports.portfolio(CUBE, axes, EUR));

    assertThat(rows.keySet())
        .containsExactlyInAnyOrder("star", "question_mark", "cash_cow", "dog", "inactive");
    assertThat(rows.get("star").get("value_level")).isEqualTo("high");
    assertThat(rows.get("dog").get("growth_level")).isEqualTo("low");
    assertThat(rows.get("inactive").get("value_level")).isNull();
    assertThat(rows.get("inactive").get("growth_level")).isNull();
    assertThat(rows.get("star").get("value_axis")).isEqualTo("trailing_value");
    assertThat(rows.get("star").get("value_axis_label")).isEqualTo("Net spend, trailing 365 days");
    assertThat((String) rows.get("star").get("growth_axis_label"))
        .startsWith("Predicted growth index: (next-12-month CLV");
    assertThat(rows.get("star").get("value_threshold")).isEqualTo(25.0);
  }

  @Test
  void rfmSegmentsCarryTheirCodesAndMeans() {
    Map<String, Map<String, Object>> rows =
        rows(SummaryReports.rfmSegments(CUBE, TestSettings.segmentTable(), EUR));

    assertThat((String) rows.get("champions").get("rfm_codes")).contains("555").contains("445");
    assertThat(rows.get("lost").get("customers")).isEqualTo(3L);
    assertThat((BigDecimal) rows.get("lost").get("avg_monetary_total")).isEqualByComparingTo("30");
    assertThat(rows.get("lost").get("avg_recency_days")).isEqualTo(10.0);
    assertThat(rows.get("loyal").get("customers")).isEqualTo(0L);
  }

  @Test
  void segmentSummaryRecommendsALevelAndDepthForTiersAndQuadrantsOnly() {
    ReportTable t =
        SummaryReports.segmentSummary(
            CUBE,
            TestSettings.segmentTable(),
            new RelationshipLevels(TestSettings.defaults().relationship()),
            EUR);

    Map<String, Object> vip = TableRows.byKey(t, 2).get("pyramid_tier:vip");
    Map<String, Object> champions = TableRows.byKey(t, 2).get("rfm_segment:champions");
    // vip: 1 of 5 customers (medium band); mean trailing 800 against 830 / 5 = 166 (high margin)
    assertThat(vip.get("relationship_level")).isEqualTo("proactive");
    assertThat(vip.get("marketing_depth")).isEqualTo("structural");
    assertThat(champions.get("relationship_level")).isNull();
    assertThat(champions.get("currency")).isEqualTo("EUR");
  }
}
