package org.custseg.report.html;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this run's input rows went.
 *
 * @param rowsByOutcome rows per outcome in the reconciliation's order: clean, quarantined,
 *     duplicates, later (dated after the run date)
 * @param refundRows refund rows among the clean rows
 * @param quarantinedByReason quarantined rows per reason code
 */
public record DataQuality(
    long inputRows,
    Map<String, Long> rowsByOutcome,
    long refundRows,
    Map<String, Long> quarantinedByReason) {

  public DataQuality {
    rowsByOutcome = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByOutcome));
    quarantinedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(quarantinedByReason));
  }

  /** The outcomes of a run, in the reconciliation's order. */
  public static Map<String, Long> outcomes(
      long clean, long quarantined, long duplicates, long later) {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("clean", clean);
    out.put("quarantined", quarantined);
    out.put("duplicates", duplicates);
    out.put("later", later);
    return out;
  }

  /** Whether input = clean + quarantined + duplicates + later rows. */
  public boolean reconciles() {
    return inputRows == rowsByOutcome.values().stream().mapToLong(Long::longValue).sum();
  }
}
