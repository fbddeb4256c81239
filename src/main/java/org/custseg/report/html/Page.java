package org.custseg.report.html;

import static org.custseg.report.html.HtmlReportRenderer.escape;

/**
 * The page being written, with what every section needs: the labels and number formats of its
 * language, the run's units, and small HTML pieces (section frame, chart container, note). Every
 * text is escaped here or in {@link HtmlTable}.
 */
final class Page {

  final ReportModel model;
  final ReportLabels labels;
  final Units units;
  final Formats fmt;
  private final StringBuilder html = new StringBuilder(64_000);

  Page(ReportModel model, ReportLabels labels) {
    this.model = model;
    this.labels = labels;
    this.units = model.units();
    this.fmt = new Formats(labels.locale());
  }

  /** A label of the catalogue (plain text). */
  String text(String key) {
    return labels.text(key);
  }

  /** A label with its {@code {n}} arguments filled in (plain text). */
  String format(String key, Object... args) {
    return labels.format(key, args);
  }

  /** A measure's words with the run's window (plain text). */
  String measure(String column) {
    return labels.measure(column, units);
  }

  /** A money measure's words with the currency, e.g. "Net spend, all time (EUR)". */
  String money(String column) {
    return labels.inCurrency(labels.measure(column, units), units);
  }

  /** Opens a section: its frame, its title and a description. */
  void open(String id, String title, String description) {
    html.append("<section class=\"panel\" id=\"section-")
        .append(escape(id))
        .append("\"><h2>")
        .append(escape(title))
        .append("</h2>");
    if (description != null) {
      html.append("<p class=\"desc\">").append(escape(description)).append("</p>");
    }
    html.append('\n');
  }

  void close() {
    html.append("</section>\n");
  }

  /**
   * A section with nothing to show for this run: its frame, its title and the note saying so
   * ({@code why}, or the general "not available").
   */
  void unavailable(String id, String title, String why) {
    open(id, title, null);
    notAvailable(id, why);
    close();
  }

  /** The note of a section (or part) that has nothing to show for this run, with why. */
  void notAvailable(String id, String why) {
    html.append("<p class=\"na\" data-not-available=\"")
        .append(escape(id))
        .append("\">")
        .append(escape(why == null ? text("page.notAvailable") : why))
        .append("</p>\n");
  }

  /** A chart container: the script draws into it. */
  void chart(String id, String cssClass) {
    html.append("<div id=\"")
        .append(escape(id))
        .append("\" class=\"chart ")
        .append(escape(cssClass))
        .append("\"></div>\n");
  }

  /** A small explanatory paragraph. */
  void note(String text) {
    html.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
  }

  /** A paragraph in the body text size. */
  void paragraph(String text) {
    html.append("<p class=\"text\">").append(escape(text)).append("</p>\n");
  }

  /** A sub-heading inside a section. */
  void heading(String text) {
    html.append("<h3>").append(escape(text)).append("</h3>\n");
  }

  /** A figure card: a label, the value, and an optional detail line. */
  void card(String id, String label, String value, String detail) {
    html.append("<div class=\"card\" id=\"card-")
        .append(escape(id))
        .append("\"><div class=\"label\">")
        .append(escape(label))
        .append("</div><div class=\"value\">")
        .append(escape(value))
        .append("</div>");
    if (detail != null) {
      html.append("<div class=\"detail\">").append(escape(detail)).append("</div>");
    }
    html.append("</div>\n");
  }

  void table(HtmlTable table) {
    table.writeTo(html);
  }

  /** Raw markup for layout only (never text from the model). */
  void markup(String fixedMarkup) {
    html.append(fixedMarkup);
  }

  /** Command text a user types, kept as it is in every language. */
  void code(String text) {
    html.append("<pre class=\"code\"><code>").append(escape(text)).append("</code></pre>\n");
  }

  String html() {
    return html.toString();
  }
}
