package org.custseg.report.html;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object for the chart data, built in insertion order; non-finite numbers become null. */
final class JsonData {

  private final Map<String, Object> map = new LinkedHashMap<>();

  JsonData put(String key, Object value) {
    map.put(key, value instanceof Double d && !Double.isFinite(d) ? null : value);
    return this;
  }

  Map<String, Object> map() {
    return map;
  }

  /** A number for the charts: finite or null. */
  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** A money amount for the charts. */
  static Double finite(java.math.BigDecimal value) {
    return value == null ? null : finite(value.doubleValue());
  }
}
