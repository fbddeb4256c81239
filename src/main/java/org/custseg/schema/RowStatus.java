package org.custseg.schema;

/**
 * Where an ingested line ends up; every physical line of every export gets exactly one. The data
 * lines (the input rows) are clean, later, duplicate or quarantined; a header line and a blank line
 * are no input rows, but are accounted for all the same.
 */
public enum RowStatus {
  /** Used by the run. */
  CLEAN,
  /** Well-formed but dated after the run date: neither used nor an error. */
  LATER,
  /** A re-sent copy of a row already counted. */
  DUPLICATE,
  /** Set aside with a reason code. */
  QUARANTINED,
  /** Line 1 of a delimited file read with a header, whatever its bytes. */
  HEADER,
  /** A whitespace-only line. */
  BLANK;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
