package org.custseg.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportRendererTest {

  private static final Locale ZH = Locale.forLanguageTag("zh-CN");

  @Test
  void pageIsSelfContainedWithNoExternalReference() {
    for (Locale locale : List.of(Locale.ENGLISH, ZH)) {
      String html = HtmlReportRenderer.render(ReportFixtures.full(), locale);

      assertThat(html).as("script src").doesNotContainPattern("(?i)<script[^>]*\\ssrc\\s*=");
      assertThat(html)
          .as("stylesheet link")
          .doesNotContainPattern("(?i)<link[^>]*rel=\"?stylesheet");
      assertThat(html)
          .as("external src/href")
          .doesNotContainPattern("(?i)(src|href|action|poster)\\s*=\\s*[\"']?\\s*(https?:)?//");
      assertThat(html)
          .as("css url() to a host")
          .doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:)?//");
      assertThat(html).as("css @import").doesNotContainPattern("(?i)@import");
      assertThat(html).as("web font").doesNotContainPattern("(?i)@font-face");
      // The only http(s) strings allowed are inside the inlined ECharts library (XML namespaces and
      // licence comments), never in the page around it.
      String withoutLibrary = html.replace(echarts(), "");
      assertThat(withoutLibrary).doesNotContain("http://").doesNotContain("https://");
      assertThat(html).contains(echarts());
      assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    }
  }

  /** The chart containers of the full model: one or more per section. */
  static final List<String> CHARTS =
      List.of(
          "chart-trends",
          "chart-actions",
          "chart-pyramid",
          "chart-pyramid-shares",
          "chart-portfolio",
          "chart-rfm-heatmap",
          "chart-segments",
          "chart-lifecycle",
          "chart-lifecycle-flow",
          "chart-clusters",
          "chart-relationships",
          "chart-migration",
          "chart-quadrant-migration",
          "chart-churn",
          "chart-p-alive",
          "chart-holdout",
          "chart-data-quality");

  @Test
  void pageHasEveryChartContainerAndTheEmbeddedData() {
    String html = HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH);

    for (String id : CHARTS) {
      assertThat(html).as(id).contains("id=\"" + id + "\"");
    }
    for (Section s : ReportPage.SECTIONS) {
      assertThat(html).as(s.id()).contains("id=\"section-" + s.id() + "\"");
    }
    assertThat(html)
        .contains("id=\"report-data\"")
        .contains("id=\"table-model-fit\"")
        .contains("MBG/NBD ✓")
        .contains("0.2426")
        .contains("-9,582.43")
        .doesNotContain("data-not-available");
    assertThat(html)
        .contains("<html lang=\"en\">")
        .contains("Customer value pyramid")
        .contains("Cash cow")
        .contains("Can&#39;t lose them")
        .contains("4,372");
    // tiers appear in pyramid order although the model lists them in another order
    String table = html.substring(html.indexOf("id=\"table-pyramid\""));
    assertThat(table.indexOf(">VIP<")).isLessThan(table.indexOf(">Key<"));
    assertThat(table.indexOf(">Key<")).isLessThan(table.indexOf(">Medium<"));
    assertThat(table.indexOf(">Medium<")).isLessThan(table.indexOf(">Small<"));
    assertThat(table.indexOf(">Small<")).isLessThan(table.indexOf(">Inactive<"));
  }

  @Test
  void everyFigureSaysItsWindowAndCurrency() {
    String html = HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH);

    assertThat(html)
        .contains("Run date 2024-06-30 · amounts in EUR")
        .contains("<div class=\"label\">Net spend, all time</div><div class=\"value\">8,911,407.90")
        .contains(
            "<div class=\"label\">Net spend, trailing 365 days</div><div class=\"value\">"
                + "6,210,455.35")
        .contains("<div class=\"label\">CLV, next 12 months (discounted)</div>")
        .contains("<th>Net spend, trailing 365 days (EUR)</th>")
        .contains("<th>Net spend, all time (EUR)</th>");
    // the quadrant's axes as in the data, with the vocabulary's definition
    assertThat(html)
        .contains("x: Net spend, trailing 365 days; threshold 650.")
        .contains("y: Predicted growth index: (next-12-month CLV − trailing spend)");
    String json = jsonBlock(html);
    assertThat(json)
        .contains("\"xAxis\":\"Net spend, trailing 365 days (EUR)\"")
        .contains("\"yAxis\":\"Predicted growth index (−1..1)\"");
  }

  @Test
  void inactiveCustomersAreShownApartFromTheMatrix() {
    String html = HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH);

    assertThat(html)
        .contains("id=\"card-inactive\"")
        .contains("Inactive customers (not in the matrix)")
        .contains("no purchase in the last 365 days · Net spend, all time (EUR): 271,461.70");
    String portfolio = html.substring(html.indexOf("id=\"table-portfolio\""));
    portfolio = portfolio.substring(0, portfolio.indexOf("</table>"));
    assertThat(portfolio).doesNotContain("Inactive");
    assertThat(html)
        .contains("a seeded sample of 2,000 of the 3,921 active customers (at most 2,000)");
  }

  @Test
  void churnOverAShortWindowIsNotAnnualised() {
    String html = HtmlReportRenderer.render(ReportFixtures.sparse(), Locale.ENGLISH);

    assertThat(html).contains("not annualised: window of 1 day(s) is too short");
    assertThat(HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH))
        .doesNotContain("not annualised")
        .contains("measured over a window of 30 day(s)");
  }

  @Test
  void actionListsShowTheirReasonsAndRecommendationsInThePagesLanguage() {
    String en = HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH);
    String zh = HtmlReportRenderer.render(ReportFixtures.full(), ZH);

    assertThat(en)
        .contains("VIP and key customers slipping · customers who qualify: 1")
        .contains("P(alive) fell from 0.72 to 0.41 (threshold 0.50) since the run of 2024-05-31")
        .contains("Partnership: work continuously with the customer on their success");
    assertThat(zh)
        .contains("自 2024-05-31 的运行以来，P(alive) 从 0.72 降至 0.41（阈值 0.50）")
        .contains("伙伴型：与客户持续合作，助其成功");
  }

  @Test
  void modelHealthIsInWords() {
    String html = withoutLibrary(HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH));

    assertThat(html)
        .contains("Purchases are modelled with MBG/NBD, fitted on 2,357 customers")
        .contains(
            "MBG/NBD was chosen: the highest log-likelihood among the 2 of 3 candidate models")
        .contains("spend and frequency correlate at 0.11: a weak link")
        .contains("P(alive) is the probability that a customer is still buying")
        .contains("actual 1,882, predicted 1,653.4")
        .doesNotContain("CONVERGED")
        .doesNotContain("gradient");
    String sparse = HtmlReportRenderer.render(ReportFixtures.sparse(), Locale.ENGLISH);
    assertThat(sparse)
        .contains("No holdout evaluation exists for this output")
        .contains(
            "jobs/run-local.sh --evaluate --calibration-end 2023-12-31 --holdout-end 2024-06-30")
        .contains("The model is not used for this run")
        .contains("fewer than 30 repeat buyers (2)");
  }

  @Test
  void absentSectionsShowANoteInsteadOfAChart() {
    String html = HtmlReportRenderer.render(ReportFixtures.minimal(), Locale.ENGLISH);

    assertThat(html).doesNotContain("id=\"chart-");
    for (Section s : ReportPage.SECTIONS) {
      if (!s.id().equals("overview")) {
        assertThat(html).as(s.id()).contains("data-not-available=\"" + s.id() + "\"");
      }
    }
    assertThat(html).contains("data-not-available=\"trends\"");
    String zh = HtmlReportRenderer.render(ReportFixtures.minimal(), ZH);
    assertThat(zh).contains("本次运行无此数据。");
  }

  @Test
  void withoutAPreviousRunTheComparisonsSaySo() {
    ReportModel first =
        ReportFixtures.full().toBuilder()
            .migration(null)
            .churn(null)
            .lifecycle(new Lifecycle(ReportFixtures.lifecycle().stages(), null, null))
            .build();

    String html = HtmlReportRenderer.render(first, Locale.ENGLISH);

    assertThat(html)
        .doesNotContain("id=\"chart-migration\"")
        .doesNotContain("id=\"chart-lifecycle-flow\"")
        .doesNotContain("id=\"chart-churn\"")
        .contains("data-not-available=\"migration\"")
        .contains("data-not-available=\"lifecycle-flow\"")
        .contains("data-not-available=\"churn\"")
        .contains("id=\"chart-lifecycle\"")
        .contains("id=\"chart-portfolio\"");
  }

  @Test
  void hostileLabelsAreEscapedInHtmlAndInTheJsonBlock() {
    for (Locale locale : List.of(Locale.ENGLISH, ZH)) {
      String html = HtmlReportRenderer.render(ReportFixtures.hostile(), locale);

      assertThat(html)
          .doesNotContain("<script>alert(1)")
          .doesNotContain("<img src=x")
          .doesNotContain("onerror=\"window");
      assertThat(count(html, "(?i)<script")).as("script elements").isEqualTo(3);
      assertThat(count(html, "(?i)</script")).as("script end tags").isEqualTo(3);
      assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");

      String json = jsonBlock(html);
      assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("'");
      assertThat(json).contains("\\u003C/script\\u003E");
    }
  }

  @Test
  void jsonEscapesTheJavaScriptLineSeparators() {
    String json = HtmlReportRenderer.toScriptJson(List.of("a\u2028b\u2029c</script>&"));

    assertThat(json).isEqualTo("[\"a\\u2028b\\u2029c\\u003C/script\\u003E\\u0026\"]");
  }

  @Test
  void chinesePageUsesChineseLabelsAndSystemFontsOnly() {
    String html = HtmlReportRenderer.render(ReportFixtures.full(), ZH);

    assertThat(html)
        .contains("<html lang=\"zh-CN\">")
        .contains("客户价值金字塔")
        .contains("重要")
        .contains("小客户")
        .contains("不活跃")
        .contains("现金牛")
        .contains("瘦狗")
        .contains("冠军客户")
        .contains("运行日期 2024-06-30")
        .contains("Noto Sans CJK SC")
        .contains("Microsoft YaHei");
    assertThat(jsonBlock(html)).contains("\"lang\":\"zh-CN\"").contains("明星");
    assertThat(HtmlReportRenderer.render(ReportFixtures.full(), "zh-CN")).isEqualTo(html);
  }

  @Test
  void unsupportedLanguagesFallBackToEnglish() {
    String english = HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH);

    assertThat(HtmlReportRenderer.render(ReportFixtures.full(), Locale.GERMANY)).isEqualTo(english);
    assertThat(HtmlReportRenderer.render(ReportFixtures.full(), (String) null)).isEqualTo(english);
  }

  @Test
  void writeCreatesTheDirectoryAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("reports/run_date=2024-06-30/report.html");

    HtmlReportRenderer.write(ReportFixtures.full(), Locale.ENGLISH, target);

    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo(HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH));
    try (var files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
  }

  @Test
  void portfolioSampleIsBounded() {
    List<Portfolio.Point> points = new ArrayList<>();
    for (int i = 0; i <= Portfolio.MAX_SAMPLE_POINTS; i++) {
      points.add(new Portfolio.Point(i, i, "dog"));
    }

    assertThatThrownBy(
            () ->
                new Portfolio(
                    "x", "y", 1, 1, List.of(), new Portfolio.Inactive(0, BigDecimal.ZERO), points))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + Portfolio.MAX_SAMPLE_POINTS);
  }

  @Test
  void nonFiniteNumbersBecomeNullInTheData() {
    ReportModel model =
        ReportFixtures.full().toBuilder()
            .rfm(
                new Rfm(
                    List.of(new Rfm.Cell(5, 5, 1, Double.NaN)),
                    List.of(
                        new Rfm.Segment(
                            "champions",
                            1,
                            BigDecimal.ONE,
                            Double.NaN,
                            Double.POSITIVE_INFINITY,
                            Double.NaN))))
            .build();

    String html = HtmlReportRenderer.render(model, Locale.ENGLISH);

    assertThat(jsonBlock(html)).doesNotContain("NaN").doesNotContain("Infinity");
  }

  /** The page without the inlined ECharts library (whose text would swamp a failure message). */
  private static String withoutLibrary(String html) {
    return html.replace(echarts(), "");
  }

  private static String jsonBlock(String html) {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String echarts() {
    try (var in =
        HtmlReportRendererTest.class
            .getClassLoader()
            .getResourceAsStream(HtmlReportRenderer.ECHARTS_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
