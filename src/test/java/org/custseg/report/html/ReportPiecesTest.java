package org.custseg.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pieces the page is built from: tables, number formats, orders, summaries, labels. */
class ReportPiecesTest {

  private static final ReportLabels EN = ReportLabels.forLanguageTag("en");
  private static final ReportLabels ZH = ReportLabels.forLanguageTag("zh-CN");

  @Test
  void tablesEscapeTheirCellsAndRefuseARowOfTheWrongWidth() {
    HtmlTable t = new HtmlTable("table-x").words("Name").number("N");
    t.row("<b>&", "1,000");
    StringBuilder html = new StringBuilder();

    t.writeTo(html);

    assertThat(html.toString())
        .contains("<table class=\"data\" id=\"table-x\">")
        .contains("<th class=\"text\">Name</th><th>N</th>")
        .contains("<td class=\"text\">&lt;b&gt;&amp;</td><td>1,000</td>");
    assertThatThrownBy(() -> t.row("only one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table-x: a row has 1 cells for 2 columns");
  }

  @Test
  void numbersAreWrittenTheWayThePagesLanguageWritesThem() {
    Formats en = new Formats(Locale.ENGLISH);
    Formats zh = new Formats(Locale.SIMPLIFIED_CHINESE);

    assertThat(en.integer(1_234_567)).isEqualTo("1,234,567");
    assertThat(en.money(new BigDecimal("911382.575"))).isEqualTo("911,382.58");
    assertThat(en.percent(0.4189)).isEqualTo("41.9%");
    assertThat(en.two(0.5)).isEqualTo("0.50");
    assertThat(en.share(1, 0)).isEqualTo(Formats.NONE);
    assertThat(en.number(Double.NaN)).isEqualTo(Formats.NONE);
    assertThat(zh.integer(1_234_567)).isEqualTo("1,234,567");
    assertThat(zh.percent(0.4189)).isEqualTo("41.9%");
  }

  @Test
  void keysFollowTheContractsOrderThenTheirOwn() {
    assertThat(Keys.ordered(List.of("small", "platinum", "vip", "small"), ReportLabels.TIERS))
        .containsExactly("vip", "small", "platinum");
  }

  @Test
  void theMovementTableCountsWhoStayedMovedUpOrDownOrWentInactive() {
    FlowMatrix tiers =
        new FlowMatrix(
            List.of(
                new FlowMatrix.Cell("vip", "vip", 5),
                new FlowMatrix.Cell("vip", "key", 2),
                new FlowMatrix.Cell("key", "vip", 1),
                new FlowMatrix.Cell("small", "inactive", 4),
                new FlowMatrix.Cell("small", "lost", 1),
                new FlowMatrix.Cell("inactive", "small", 3),
                new FlowMatrix.Cell("new", "small", 9)));

    Map<String, long[]> summary = MigrationSection.summary(tiers);

    assertThat(summary.keySet()).containsExactly("vip", "key", "small", "inactive");
    // customers then, stayed, up, down, became inactive, left the table
    assertThat(summary.get("vip")).containsExactly(7, 5, 0, 2, 0, 0);
    assertThat(summary.get("key")).containsExactly(1, 0, 1, 0, 0, 0);
    assertThat(summary.get("small")).containsExactly(5, 0, 0, 0, 4, 1);
    assertThat(summary.get("inactive")).containsExactly(3, 0, 3, 0, 0, 0);
  }

  @Test
  void flowMatricesPutNewFirstAndLostLastWithTheShareOfTheRow() {
    Page page = new Page(ReportFixtures.minimal(), EN);
    FlowMatrix m =
        new FlowMatrix(
            List.of(
                new FlowMatrix.Cell("small", "lost", 1),
                new FlowMatrix.Cell("small", "small", 3),
                new FlowMatrix.Cell("new", "small", 2)));

    Map<String, Object> data = FlowMatrixData.of(m, ReportLabels.TIERS, EN::tier, page);

    assertThat(data.get("from")).isEqualTo(List.of("New", "Small"));
    assertThat(data.get("to")).isEqualTo(List.of("Small", "Left the table"));
    @SuppressWarnings("unchecked")
    List<Object[]> cells = (List<Object[]>) data.get("cells");
    assertThat(cells.get(0)).containsExactly(1, 1, 1L, 0.25);
  }

  @Test
  void clusterLabelsAndRecommendationsAreTranslated() {
    assertThat(ZH.clusterLabel("recent frequent high-spenders")).isEqualTo("近期活跃、高频、高消费客户");
    assertThat(ZH.clusterLabel("lapsed mid-spenders (cluster 3)")).isEqualTo("久未购买、中等消费客户（第 3 类）");
    assertThat(EN.clusterLabel("lapsed mid-spenders (cluster 3)"))
        .isEqualTo("lapsed mid-spenders (cluster 3)");
    assertThat(EN.clusterLabel("unheard-of words")).isEqualTo("unheard-of words");
    assertThat(EN.recommendedAction("accountable", "social"))
        .isEqualTo(
            "Accountable: call after the sale to check; Social bonds: a customer club, personal contact");
    assertThat(EN.recommendedAction(null, "social")).isEmpty();
  }

  @Test
  void moneyLabelsSayTheirCurrencyOrThatNoneWasStated() {
    Units eur = new Units("EUR", 365, 12, 30.4375, 365);
    Units none = new Units("", 365, 12, 30.4375, 365);

    assertThat(EN.inCurrency("Net spend, all time", eur)).isEqualTo("Net spend, all time (EUR)");
    assertThat(EN.inCurrency("Net spend, all time", none))
        .isEqualTo("Net spend, all time (currency not stated)");
    assertThat(EN.currency(none)).isEqualTo("reporting currency (not stated)");
    assertThat(ZH.inCurrency("净消费额，全部历史", eur)).isEqualTo("净消费额，全部历史（EUR）");
    assertThat(EN.measureAxis("predicted_growth", eur)).isEqualTo("Predicted growth index (−1..1)");
    assertThat(EN.measureAxis("trailing_value", eur)).isEqualTo("Net spend, trailing 365 days");
  }
}
