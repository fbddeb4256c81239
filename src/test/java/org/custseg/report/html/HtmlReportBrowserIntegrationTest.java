package org.custseg.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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

/**
 * Opens the rendered report in headless Chromium and checks that it works offline: no script
 * errors, no network requests, every chart drawn. Saves full-page screenshots (and a PDF print) to
 * {@code target/report-screenshots/}. Skipped, with a message, when Chromium or chromedriver is not
 * installed ({@code .ci/install-browser.sh} installs them).
 */
class HtmlReportBrowserIntegrationTest {

  private static final Path CHROMIUM =
      Paths.get(System.getProperty("report.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Paths.get(System.getProperty("report.test.chromedriver", "/usr/bin/chromedriver"));
  private static final Path OUT = Paths.get("target", "report-screenshots");

  private static final List<String> CHARTS =
      List.of(
          "chart-pyramid",
          "chart-pyramid-shares",
          "chart-portfolio",
          "chart-rfm-heatmap",
          "chart-segments",
          "chart-migration",
          "chart-trends");

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
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
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

  @Test
  void englishReportRendersOfflineWithoutErrors() throws IOException {
    checkFullReport(Locale.ENGLISH, "report-en");
  }

  @Test
  void chineseReportRendersOfflineWithoutErrors() throws IOException {
    checkFullReport(Locale.forLanguageTag("zh-CN"), "report-zh-CN");
    // the CJK font is really used for the labels (not tofu boxes): a CJK-capable family renders
    // them
    String family =
        (String)
            js().executeScript(
                    "return getComputedStyle(document.querySelector('#section-pyramid h2')).fontFamily;");
    assertThat(family).contains("Noto Sans CJK SC");
  }

  @Test
  void hostileLabelsDoNotRunScript() throws IOException {
    open(ReportFixtures.hostile(), Locale.ENGLISH, "report-hostile");

    assertThat(js().executeScript("return typeof window.__pwned;")).isEqualTo("undefined");
    assertThat(js().executeScript("return document.querySelectorAll('script').length;"))
        .isEqualTo(3L);
    assertNoErrorsAndNoRequests();
    assertChartsRendered(CHARTS);
  }

  @Test
  void sparseReportRendersEveryChartWithoutErrors() throws IOException {
    open(ReportFixtures.sparse(), Locale.forLanguageTag("zh-CN"), "report-sparse");

    assertNoErrorsAndNoRequests();
    assertChartsRendered(CHARTS);
    screenshot(OUT.resolve("report-sparse.png"));
  }

  @Test
  void minimalReportShowsNotesAndNoCharts() throws IOException {
    open(ReportFixtures.minimal(), Locale.ENGLISH, "report-minimal");

    assertThat(
            js().executeScript("return document.querySelectorAll('[data-not-available]').length;"))
        .isEqualTo(7L);
    assertThat(js().executeScript("return document.querySelectorAll('svg, canvas').length;"))
        .isEqualTo(0L);
    assertNoErrorsAndNoRequests();
  }

  /** The report.html the pipeline itself writes, in both languages, on a small fixed input. */
  @Test
  void pipelineReportRendersOfflineWithoutErrors() throws Exception {
    org.custseg.support.SparkTestBase.spark();
    for (String language : List.of("en", "zh-CN")) {
      Path output = OUT.resolve("pipeline-" + language);
      org.springframework.util.FileSystemUtils.deleteRecursively(output);
      Path config =
          java.nio.file.Files.createDirectories(OUT).resolve("pipeline-" + language + ".yml");
      java.nio.file.Files.writeString(
          config, "segmentation:\n  report:\n    language: " + language + "\n");
      int code =
          org.custseg.SegmentationApplication.run(
              "--input",
              "src/test/resources/golden/input",
              "--output",
              output.toString(),
              "--run-date",
              "2024-12-31",
              "--config",
              config.toString());
      assertThat(code).isEqualTo(0);
      Path html = output.resolve("reports/run_date=2024-12-31/report.html");
      driver.get(html.toAbsolutePath().toUri().toString());
      new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(
              d ->
                  "complete"
                          .equals(
                              ((JavascriptExecutor) d).executeScript("return document.readyState;"))
                      && ((JavascriptExecutor) d)
                              .executeScript(
                                  "return document.documentElement.getAttribute('data-charts-rendered');")
                          != null);
      assertNoErrorsAndNoRequests();
      assertChartsRendered(
          List.of(
              "chart-pyramid",
              "chart-portfolio",
              "chart-rfm-heatmap",
              "chart-segments",
              "chart-trends"));
      screenshot(OUT.resolve("pipeline-" + language + ".png"));
    }
  }

  private void checkFullReport(Locale locale, String name) throws IOException {
    open(ReportFixtures.full(), locale, name);

    assertNoErrorsAndNoRequests();
    assertChartsRendered(CHARTS);
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
    Path html = HtmlReportRenderer.write(model, locale, OUT.resolve(name + ".html"));
    driver.get(html.toAbsolutePath().toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(15))
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

  private static void assertChartsRendered(List<String> ids) {
    for (String id : ids) {
      Object shapes =
          js().executeScript(
                  "var el = document.getElementById(arguments[0]);"
                      + "if (!el) { return -1; }"
                      + "var svg = el.querySelector('svg');"
                      + "if (svg) { return svg.querySelectorAll('path, text, rect, circle').length; }"
                      + "return el.querySelector('canvas') ? 1 : 0;",
                  id);
      assertThat(((Number) shapes).longValue()).as("drawn shapes in #" + id).isGreaterThan(3L);
      Object size =
          js().executeScript(
                  "var r = document.getElementById(arguments[0]).getBoundingClientRect(); return [r.width, r.height];",
                  id);
      @SuppressWarnings("unchecked")
      List<Number> wh = (List<Number>) size;
      assertThat(wh.get(0).doubleValue()).as("width of #" + id).isGreaterThan(300);
      assertThat(wh.get(1).doubleValue()).as("height of #" + id).isGreaterThan(250);
    }
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
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    Files.write(target, pdf);
  }

  private static JavascriptExecutor js() {
    return driver;
  }
}
