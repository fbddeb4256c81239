package org.custseg.report.html;

/**
 * One section of the report: its HTML (title, words, tables, chart containers) and the data its
 * charts read. Sections are stateless; the page carries the model, labels and formats.
 */
interface Section {

  /** The id: {@code section-<id>} in the page, and the key of its chart data. */
  String id();

  /** Writes the section into the page. */
  void write(Page page);

  /** The data its charts read, or {@code null} when it draws nothing for this run. */
  Object data(Page page);
}
