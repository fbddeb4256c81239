package org.custseg.report.html;

import static org.custseg.report.html.HtmlReportRenderer.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * A data table: header cells and rows of plain text (escaped here). The first column and the
 * columns marked as text are left-aligned; numbers are right-aligned.
 */
final class HtmlTable {

  private final String id;
  private final List<String> headers = new ArrayList<>();
  private final List<Boolean> text = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();
  private List<String> footer;

  HtmlTable(String id) {
    this.id = id;
  }

  /** A right-aligned (number) column. */
  HtmlTable number(String header) {
    headers.add(header);
    text.add(false);
    return this;
  }

  /** A left-aligned (words) column. */
  HtmlTable words(String header) {
    headers.add(header);
    text.add(true);
    return this;
  }

  /** One row of plain-text cells, as many as columns. */
  HtmlTable row(String... cells) {
    return row(List.of(cells));
  }

  HtmlTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(
          id + ": a row has " + cells.size() + " cells for " + headers.size() + " columns");
    }
    rows.add(cells);
    return this;
  }

  HtmlTable footer(String... cells) {
    footer = List.of(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void writeTo(StringBuilder b) {
    b.append("<table class=\"data\" id=\"").append(escape(id)).append("\"><thead><tr>");
    for (int i = 0; i < headers.size(); i++) {
      b.append(text.get(i) ? "<th class=\"text\">" : "<th>")
          .append(escape(headers.get(i)))
          .append("</th>");
    }
    b.append("</tr></thead><tbody>\n");
    for (List<String> row : rows) {
      cells(b, row);
    }
    b.append("</tbody>");
    if (footer != null) {
      b.append("<tfoot>");
      cells(b, footer);
      b.append("</tfoot>");
    }
    b.append("</table>\n");
  }

  private void cells(StringBuilder b, List<String> row) {
    b.append("<tr>");
    for (int i = 0; i < row.size(); i++) {
      b.append(text.get(i) ? "<td class=\"text\">" : "<td>")
          .append(escape(row.get(i) == null ? "" : row.get(i)))
          .append("</td>");
    }
    b.append("</tr>\n");
  }
}
