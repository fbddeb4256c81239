package org.custseg.schema;

/** Where an ingested row ends up; every input row gets exactly one. */
public enum RowStatus {
  /** Used by the run. */
  CLEAN,
  /** Well-formed but dated after the run date: neither used nor an error. */
  LATER,
  /** A re-sent copy of a row already counted. */
  DUPLICATE,
  /** Set aside with a reason code. */
  QUARANTINED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
