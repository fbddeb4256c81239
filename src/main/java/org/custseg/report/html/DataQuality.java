package org.custseg.report.html;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this run's input rows went: input = clean + quarantined + duplicates + later rows.
 *
 * @param quarantinedByReason quarantined rows per reason code
 */
public record DataQuality(
    long inputRows,
    long cleanRows,
    long quarantinedRows,
    long duplicateRows,
    long laterRows,
    long refundRows,
    Map<String, Long> quarantinedByReason) {

  public DataQuality {
    quarantinedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(quarantinedByReason));
  }

  /** Whether input = clean + quarantined + duplicates + later rows. */
  public boolean reconciles() {
    return inputRows == cleanRows + quarantinedRows + duplicateRows + laterRows;
  }
}
