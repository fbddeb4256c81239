package org.custseg.report.html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One completed run in the overview's trend chart.
 *
 * @param customersByTier customers per tier key
 * @param netSpendTrailing the run's net spend over its trailing window
 */
public record TrendPoint(
    LocalDate runDate, Map<String, Long> customersByTier, BigDecimal netSpendTrailing) {

  public TrendPoint {
    Objects.requireNonNull(runDate, "runDate");
    Objects.requireNonNull(netSpendTrailing, "netSpendTrailing");
    customersByTier = Collections.unmodifiableMap(new LinkedHashMap<>(customersByTier));
  }
}
