package org.custseg.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.custseg.SegmentationApplication;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Opens report.html in headless Chromium and checks that it works offline: no script errors, no
 * network requests, a drawn chart in every section, and in the Chinese report no English word left
 * (beyond customer data, codes and an allow-list). The main case is the pipeline's own report after
 * two consecutive runs on the sample data, in English and in Chinese; full-page screenshots of both
 * go to {@code target/report-screenshots/report-en.png} and {@code report-zh-CN.png}. It also times
 * the page built from ten million customers' summaries. Skipped, with a message, when Chromium or
 * chromedriver is not installed ({@code .ci/install-browser.sh} installs them).
 */
class HtmlReportBrowserIntegrationTest {

  private static final Path CHROMIUM =
      Paths.get(System.getProperty("report.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Paths.get(System.getProperty("report.test.chromedriver", "/usr/bin/chromedriver"));
  private static final Path OUT = Paths.get("target", "report-screenshots");

  /** Records script errors, console errors and CSP violations before the page's own scripts run. */
  private static final String ERROR_HOOK =
      """
      window.__reportErrors = [];
      window.addEventListener('error', function (e) {
        window.__reportErrors.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href)) || e));
      }, true);
      window.addEventListener('unhandledrejection', function (e) {
        window.__reportErrors.push('unhandled rejection: ' + e.reason);
      });
      document.addEventListener('securitypolicyviolation', function (e) {
        window.__reportErrors.push('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
      });
      (function () {
        var original = console.error;
        console.error = function () {
          window.__reportErrors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
          return original.apply(console, arguments);
        };
      })();
      """;

  /**
   * The visible words of the page (text of the body and of the charts' SVG), except commands
   * ({@code pre.code}, typed as they are in every language) and the code column of tables.
   */
  private static final String VISIBLE_WORDS =
      """
      var out = [];
      var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      var node;
      while ((node = walker.nextNode())) {
        var el = node.parentElement;
        if (!el || el.closest('script, style, pre.code')) { continue; }
        var text = node.textContent.trim();
        if (text) { out.push(text); }
      }
      return out;
      """;

  /** Latin words allowed in the Chinese report: abbreviations, model and parameter names. */
  private static final List<String> ALLOWED_LATIN =
      List.of("alive", "alpha", "beta", "csv", "manifest", "Pareto", "Gamma-Gamma", "k");

  /**
   * Selenium warns that it has no CDP bindings for this Chromium; the test only uses raw CDP
   * commands.
   */
  private static final java.util.logging.Logger[] QUIET = {
    java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
    java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver")
  };

  private static ChromeDriver driver;
  private static String skipReason;
  private static Path profile;

  @BeforeAll
  static void startBrowser() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      String message =
          "SKIPPED HtmlReportBrowserIntegrationTest: Chromium ("
              + CHROMIUM
              + ") or chromedriver ("
              + CHROMEDRIVER
              + ") is not installed; run .ci/install-browser.sh as root to enable the browser test.";
      System.out.println(message);
      System.err.println(message);
      skipReason = message;
      return;
    }
    for (java.util.logging.Logger logger : QUIET) {
      logger.setLevel(Level.SEVERE);
    }
    Files.createDirectories(OUT);
    profile = Files.createTempDirectory("report-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2400",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--lang=en-US",
        "--hide-scrollbars",
        "--force-device-scale-factor=1");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_HOOK));
  }

  /** Each test reports itself as skipped (not silently absent) when there is no browser. */
  @BeforeEach
  void needsBrowser() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /**
   * The pipeline's report after two consecutive runs on the sample data (2025-12-30, then
   * 2025-12-31, so migration, churn, the stage flow and the action lists have a previous run), in
   * English; then the second run forced again with {@code segmentation.report.language: zh-CN}.
   */
  @Test
  void thePipelinesReportsAfterTwoRunsRenderEverySectionInBothLanguages() throws Exception {
    SparkTestBase.spark();
    Path output = OUT.resolve("pipeline");
    FileSystemUtils.deleteRecursively(output);
    Path en = config("en");
    Path zh = config("zh-CN");
    assertThat(run(output, en, "2025-12-30")).isZero();
    assertThat(run(output, en, "2025-12-31")).isZero();
    Path html = output.resolve("reports/run_date=2025-12-31/report.html");
    Path english = Files.copy(html, OUT.resolve("report-en.html"), REPLACE);
    assertThat(run(output, zh, "2025-12-31", "--force")).isZero();
    Path chinese = Files.copy(html, OUT.resolve("report-zh-CN.html"), REPLACE);

    open(english);
    checkEverySection();
    assertThat(text()).contains("Net spend, trailing 365 days").contains("2025-12-30");
    screenshot(OUT.resolve("report-en.png"));

    open(chinese);
    checkEverySection();
    assertNoEnglishWords();
    assertThat(text()).contains("客户价值金字塔").contains("生命周期阶段").contains("流失与保留");
    String family =
        (String)
            js().executeScript(
                    "return getComputedStyle(document.querySelector('#section-pyramid h2')).fontFamily;");
    assertThat(family).contains("Noto Sans CJK SC");
    screenshot(OUT.resolve("report-zh-CN.png"));
  }

  @Test
  void fixtureReportRendersEverySectionAndPrintsInBothLanguages() throws IOException {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN"))) {
      String name = "fixture-" + locale.toLanguageTag();
      open(ReportFixtures.full(), locale, name);
      checkEverySection();
      if (locale.getLanguage().equals("zh")) {
        assertNoEnglishWords();
      }
      Object overflow =
          js().executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(((Number) overflow).longValue())
          .as("horizontal overflow at 1280 px")
          .isLessThanOrEqualTo(0L);
      screenshot(OUT.resolve(name + ".png"));
      printToPdf(OUT.resolve(name + ".pdf"));
      printLayout(OUT.resolve(name + "-print.png"));
      assertNoErrorsAndNoRequests();
    }
  }

  /**
   * The page built from ten million customers' summaries: the time from the start of the navigation
   * to the last chart drawn is printed and written to {@code render-time.txt} (no assertion on it:
   * the machine running the tests is shared).
   */
  @Test
  void tenMillionCustomersSummariesRenderInOnePage() throws IOException {
    ReportModel model = ReportFixtures.tenMillion();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      open(model, Locale.ENGLISH, "report-10m");
      times.add(
          ((Number)
                  js().executeScript(
                          "return Number(document.documentElement.getAttribute('data-render-ms'));"))
              .longValue());
    }
    checkEverySection();
    long size = Files.size(OUT.resolve("report-10m.html"));
    List<Long> sorted = times.stream().sorted().toList();
    String line =
        String.format(
            Locale.ROOT,
            "report of 10,000,000 customers' summaries: %,d bytes; navigation to last chart drawn"
                + " %s ms over 5 loads (median %d ms)%n",
            size,
            times,
            sorted.get(2));
    System.out.print(line);
    Files.writeString(OUT.resolve("render-time.txt"), line, StandardCharsets.UTF_8);
    screenshot(OUT.resolve("report-10m.png"));
  }

  @Test
  void hostileLabelsDoNotRunScript() throws IOException {
    open(ReportFixtures.hostile(), Locale.ENGLISH, "report-hostile");

    assertThat(js().executeScript("return typeof window.__pwned;")).isEqualTo("undefined");
    assertThat(js().executeScript("return document.querySelectorAll('script').length;"))
        .isEqualTo(3L);
    assertNoErrorsAndNoRequests();
  }

  @Test
  void sparseReportRendersEveryChartWithoutErrors() throws IOException {
    open(ReportFixtures.sparse(), Locale.forLanguageTag("zh-CN"), "report-sparse");

    assertNoErrorsAndNoRequests();
    assertThat(js().executeScript("return document.querySelectorAll('[data-error]').length;"))
        .isEqualTo(0L);
    screenshot(OUT.resolve("report-sparse.png"));
  }

  @Test
  void minimalReportShowsNotesAndNoCharts() throws IOException {
    open(ReportFixtures.minimal(), Locale.ENGLISH, "report-minimal");

    assertThat(
            js().executeScript("return document.querySelectorAll('[data-not-available]').length;"))
        .isEqualTo((long) ReportPage.SECTIONS.size());
    assertThat(js().executeScript("return document.querySelectorAll('svg, canvas').length;"))
        .isEqualTo(0L);
    assertNoErrorsAndNoRequests();
  }

  private static final java.nio.file.CopyOption REPLACE =
      java.nio.file.StandardCopyOption.REPLACE_EXISTING;

  /**
   * A configuration for the run: the sample's example configuration when there is one (its
   * reporting currency and rates), then the report's language, as a later YAML document.
   */
  private static Path config(String language) throws IOException {
    Path sample = Paths.get("conf/examples/sample.yml");
    String base = Files.exists(sample) ? Files.readString(sample) + "\n---\n" : "";
    return Files.writeString(
        OUT.resolve("pipeline-" + language + ".yml"),
        base + "segmentation:\n  report:\n    language: " + language + "\n");
  }

  private static int run(Path output, Path config, String runDate, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                "sample-data",
                "--output",
                output.toString(),
                "--run-date",
                runDate,
                "--config",
                config.toString()));
    args.addAll(List.of(more));
    return SegmentationApplication.run(args.toArray(String[]::new));
  }

  /** Every section draws at least one chart, no chart failed, no error, no request. */
  private static void checkEverySection() {
    for (Section s : ReportPage.SECTIONS) {
      Object shapes =
          js().executeScript(
                  "var sec = document.getElementById('section-' + arguments[0]);"
                      + "if (!sec) { return -1; }"
                      + "var best = 0;"
                      + "sec.querySelectorAll('.chart').forEach(function (el) {"
                      + "  var svg = el.querySelector('svg');"
                      + "  var n = svg ? svg.querySelectorAll('path, text, rect, circle').length"
                      + "      : (el.querySelector('canvas') ? 4 : 0);"
                      + "  best = Math.max(best, n); });"
                      + "return best;",
                  s.id());
      assertThat(((Number) shapes).longValue())
          .as("drawn shapes in the charts of #section-" + s.id())
          .isGreaterThan(3L);
    }
    assertThat(js().executeScript("return document.querySelectorAll('[data-error]').length;"))
        .as("charts that failed")
        .isEqualTo(0L);
    assertNoErrorsAndNoRequests();
  }

  /**
   * No English word in the visible text: Latin words are allowed only when they are codes (with an
   * underscore or a digit, or all capitals: RFM, CLV, VIP, EUR, BG/NBD), single letters (R, F, T,
   * N, M, parameter names) or on {@link #ALLOWED_LATIN}.
   */
  @SuppressWarnings("unchecked")
  private static void assertNoEnglishWords() {
    List<String> texts = (List<String>) js().executeScript(VISIBLE_WORDS);
    List<String> english = new ArrayList<>();
    java.util.regex.Pattern word =
        java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:[-'][A-Za-z0-9_]+)*");
    for (String text : texts) {
      java.util.regex.Matcher m = word.matcher(text);
      while (m.find()) {
        String w = m.group();
        boolean code =
            w.contains("_") || w.matches(".*\\d.*") || w.equals(w.toUpperCase(Locale.ROOT));
        if (!code && w.length() > 1 && !ALLOWED_LATIN.contains(w)) {
          english.add(w + " in \"" + text + "\"");
        }
      }
    }
    assertThat(english).as("English words in the Chinese report").isEmpty();
  }

  private static String text() {
    return (String) js().executeScript("return document.body.innerText;");
  }

  /**
   * The print layout as a picture: print media at the printable width of A4 (186 mm = 703 px),
   * after the page's beforeprint handler; nothing may stick out sideways.
   */
  private static void printLayout(Path target) throws IOException {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 703, "height", 2400, "deviceScaleFactor", 1, "mobile", false));
    try {
      js().executeScript("window.dispatchEvent(new Event('beforeprint'));");
      Object overflow =
          js().executeScript(
                  "var w = document.documentElement.clientWidth, worst = 0;"
                      + "document.querySelectorAll('.chart, table').forEach(function (el) {"
                      + "  worst = Math.max(worst, el.getBoundingClientRect().right - w,"
                      + "    el.scrollWidth - el.clientWidth); });"
                      + "return worst;");
      assertThat(((Number) overflow).doubleValue())
          .as("content wider than the printed page")
          .isLessThanOrEqualTo(1.0);
      screenshot(target);
    } finally {
      js().executeScript("window.dispatchEvent(new Event('afterprint'));");
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  private static void open(ReportModel model, Locale locale, String name) throws IOException {
    open(HtmlReportRenderer.write(model, locale, OUT.resolve(name + ".html")));
  }

  private static void open(Path html) {
    driver.get(html.toAbsolutePath().toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                "complete"
                        .equals(
                            ((JavascriptExecutor) d).executeScript("return document.readyState;"))
                    && ((JavascriptExecutor) d)
                            .executeScript(
                                "return document.documentElement.getAttribute('data-charts-rendered');")
                        != null);
  }

  private static void assertNoErrorsAndNoRequests() {
    @SuppressWarnings("unchecked")
    List<Object> errors =
        (List<Object>)
            js().executeScript("return window.__reportErrors || ['error hook missing'];");
    assertThat(errors).as("script errors, console errors and CSP violations").isEmpty();

    List<String> severe = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        severe.add(entry.getLevel() + " " + entry.getMessage());
      }
    }
    assertThat(severe).as("browser console warnings and errors").isEmpty();

    @SuppressWarnings("unchecked")
    List<Object> requests =
        (List<Object>)
            js().executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
    assertThat(requests).as("network requests besides the page itself").isEmpty();
    Object navigation =
        js().executeScript(
                "return performance.getEntriesByType('navigation').map(function (e) { return e.name; }).join(' ');");
    assertThat((String) navigation).startsWith("file:");
  }

  /** A full-page PNG through the DevTools protocol (ChromeDriver has no full-page screenshot). */
  private static void screenshot(Path target) throws IOException {
    Number height = (Number) js().executeScript("return document.documentElement.scrollHeight;");
    Number width = (Number) js().executeScript("return document.documentElement.scrollWidth;");
    Map<String, Object> result =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Files.write(target, Base64.getDecoder().decode((String) result.get("data")));
    System.out.println("Report screenshot: " + target.toAbsolutePath());
  }

  private static void printToPdf(Path target) throws IOException {
    Map<String, Object> result =
        driver.executeCdpCommand(
            "Page.printToPDF", Map.of("printBackground", true, "preferCSSPageSize", true));
    byte[] pdf = Base64.getDecoder().decode((String) result.get("data"));
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Files.write(target, pdf);
  }

  private static JavascriptExecutor js() {
    return driver;
  }
}
