package org.custseg.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: ECharts is inlined from the webjar
 * on the classpath, the data is embedded as JSON, and the page loads nothing from anywhere (a
 * Content-Security-Policy in the page enforces that). Charts use the SVG renderer so they print
 * crisply.
 *
 * <p>Every text from the model is escaped: HTML text and attributes with entities, and the JSON
 * data block with JSON unicode escapes for {@code <}, {@code >}, {@code &}, {@code '} and the two
 * JS line separators, so no label can close the script element.
 */
public final class HtmlReportRenderer {

  static final String ECHARTS_RESOURCE =
      "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private static final String TEMPLATE = "report/report-template.html";
  private static final String CSS = "report/report.css";

  /** The page's own scripts, inlined in this order. */
  private static final java.util.List<String> APP =
      java.util.List.of("report/js/common.js", "report/js/charts.js", "report/js/main.js");

  private static final ObjectMapper JSON = htmlSafeMapper();

  private HtmlReportRenderer() {}

  /** Renders the page in the given language (English unless the locale is Chinese). */
  public static String render(ReportModel model, Locale locale) {
    ReportLabels labels = ReportLabels.forLocale(locale);
    ReportPage page = new ReportPage(model, labels);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("lang", escape(labels.languageTag()));
    values.put("title", escape(labels.text("page.title") + " · " + model.headline().runDate()));
    values.put("css", Resources.CSS);
    values.put("body", page.body());
    values.put("data", page.json());
    values.put("echarts", Resources.ECHARTS);
    values.put("app", Resources.APP);
    return fill(Resources.TEMPLATE, values);
  }

  /** Renders the page for a BCP 47 language tag such as {@code en} or {@code zh-CN}. */
  public static String render(ReportModel model, String languageTag) {
    return render(model, languageTag == null ? Locale.ENGLISH : Locale.forLanguageTag(languageTag));
  }

  /**
   * Renders the page and writes it to {@code target} (UTF-8), first to a temporary file beside it
   * and then moved into place, so a reader never sees half a page.
   *
   * @return {@code target}
   */
  public static Path write(ReportModel model, Locale locale, Path target) throws IOException {
    String html = render(model, locale);
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".report-", ".html.tmp");
    try {
      Files.writeString(tmp, html, StandardCharsets.UTF_8);
      readableByAll(tmp);
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /** Temporary files are created owner-only; a published report is readable like any output. */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
  }

  /** HTML-escapes text for element content and quoted attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Serialises data for a {@code <script type="application/json">} block. */
  static String toScriptJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the report data", e);
    }
  }

  /** Replaces {@code {{name}}} placeholders in one pass (inserted text is never re-scanned). */
  static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + 1_200_000);
    int pos = 0;
    while (true) {
      int start = template.indexOf("{{", pos);
      if (start < 0) {
        break;
      }
      int end = template.indexOf("}}", start);
      String name = template.substring(start + 2, end);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalStateException("No value for template placeholder " + name);
      }
      out.append(template, pos, start).append(value);
      pos = end + 2;
    }
    return out.append(template, pos, template.length()).toString();
  }

  private static ObjectMapper htmlSafeMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    return mapper;
  }

  /** Escapes the characters that could end a script element or a JS string early. */
  private static final class HtmlSafeEscapes extends CharacterEscapes {

    private final int[] asciiEscapes;

    HtmlSafeEscapes() {
      asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();
      asciiEscapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      asciiEscapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      asciiEscapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
      asciiEscapes['\''] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029) {
        return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }

  /** Classpath resources, read once. */
  private static final class Resources {

    static final String TEMPLATE = read(HtmlReportRenderer.TEMPLATE);
    static final String CSS = read(HtmlReportRenderer.CSS);
    static final String APP =
        scriptSafe(
            String.join("\n", HtmlReportRenderer.APP.stream().map(Resources::read).toList()));
    static final String ECHARTS = scriptSafe(read(ECHARTS_RESOURCE));

    private static String read(String name) {
      try (InputStream in = HtmlReportRenderer.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(
              "Missing classpath resource " + name + " (is the echarts webjar on the classpath?)");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read classpath resource " + name, e);
      }
    }

    /** Inline scripts must not contain a closing script tag or an HTML comment opener. */
    private static String scriptSafe(String js) {
      return js.replace("</script", "<\\/script")
          .replace("</SCRIPT", "<\\/SCRIPT")
          .replace("<!--", "<\\!--");
    }
  }
}
