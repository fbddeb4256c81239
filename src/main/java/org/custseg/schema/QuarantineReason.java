package org.custseg.schema;

/** Why an input row was set aside. The codes are stable: reports and scripts use them. */
public enum QuarantineReason {
  /** The line could not be split into the export's columns (wrong field count, bad quoting). */
  MALFORMED_ROW,
  /** The bytes do not decode in the configured encoding. */
  ENCODING_ERROR,
  /** The file's header lacks a required column (customer id, order timestamp, amount). */
  MISSING_COLUMN,
  /** The file's header names a mapped column twice: which field is meant is unknown. */
  AMBIGUOUS_COLUMN,
  MISSING_CUSTOMER_ID,
  UNPARSEABLE_TIMESTAMP,
  /** Dated before segmentation.quality.min-date (a placeholder such as 1900-01-01). */
  IMPLAUSIBLE_DATE,
  /** Dated implausibly far after the export's own date. */
  FUTURE_TIMESTAMP,
  /** Missing or non-numeric amount. */
  INVALID_AMOUNT,
  ZERO_AMOUNT,
  /** The amount's absolute value exceeds segmentation.input.amount-outlier. */
  AMOUNT_OUTLIER,
  /** The currency is missing or not in segmentation.input.currencies (when that is set). */
  UNKNOWN_CURRENCY;

  /** The code written in the quarantine output, e.g. {@code missing_customer_id}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
