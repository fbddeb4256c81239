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
import org.custseg.report.html.ReportModel.Point;
import org.custseg.report.html.ReportModel.Portfolio;
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

  @Test
  void pageHasEveryChartContainerAndTheEmbeddedData() {
    String html = HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH);

    for (String id :
        List.of(
            "chart-pyramid",
            "chart-pyramid-shares",
            "chart-portfolio",
            "chart-rfm-heatmap",
            "chart-segments",
            "chart-migration",
            "chart-trends")) {
      assertThat(html).as(id).contains("id=\"" + id + "\"");
    }
    assertThat(html)
        .contains("id=\"report-data\"")
        .contains("id=\"table-model-fit\"")
        .contains("BG/NBD")
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
  void absentSectionsShowANoteInsteadOfAChart() {
    String html = HtmlReportRenderer.render(ReportFixtures.minimal(), Locale.ENGLISH);

    assertThat(html).doesNotContain("id=\"chart-");
    for (String section :
        List.of(
            "pyramid",
            "portfolio",
            "rfm-heatmap",
            "segments",
            "migration",
            "trends",
            "model-fit")) {
      assertThat(html)
          .as(section)
          .contains("data-not-available=\"" + section + "\">Not available for this run.</p>");
    }
    String zh = HtmlReportRenderer.render(ReportFixtures.minimal(), ZH);
    assertThat(zh).contains("本次运行无此数据。");
  }

  @Test
  void onlyTheMigrationSectionIsMissingWhenThereIsNoPreviousRun() {
    String html =
        HtmlReportRenderer.render(
            ReportFixtures.full().withMigration(null).withTrends(null), Locale.ENGLISH);

    assertThat(html)
        .doesNotContain("id=\"chart-migration\"")
        .doesNotContain("id=\"chart-trends\"")
        .contains("data-not-available=\"migration\"")
        .contains("data-not-available=\"trends\"")
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
    List<Point> points = new ArrayList<>();
    for (int i = 0; i <= Portfolio.MAX_SAMPLE_POINTS; i++) {
      points.add(new Point(i, i, "dog"));
    }

    assertThatThrownBy(() -> new Portfolio("x", "y", 1, 1, List.of(), points))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + Portfolio.MAX_SAMPLE_POINTS);
  }

  @Test
  void nonFiniteNumbersBecomeNullInTheData() {
    ReportModel model =
        ReportFixtures.full()
            .withSegments(
                List.of(
                    new ReportModel.SegmentRow(
                        "champions",
                        1,
                        BigDecimal.ONE,
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NaN)))
            .withRfmHeatmap(List.of(new ReportModel.RfmCell(5, 5, 1, Double.NaN)));

    String html = HtmlReportRenderer.render(model, Locale.ENGLISH);

    assertThat(jsonBlock(html)).doesNotContain("NaN").doesNotContain("Infinity");
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
