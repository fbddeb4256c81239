package org.custseg.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/** Orders the contract's keys (tiers, quadrants, ...) canonically; unknown keys follow. */
final class Keys {

  private Keys() {}

  /** Rows in canonical key order; unknown keys follow in their given order. */
  static <T> List<T> rows(List<T> rows, Function<T, String> key, List<String> canonical) {
    List<T> out = new ArrayList<>(rows);
    out.sort(Comparator.comparingInt(row -> rank(key.apply(row), canonical)));
    return out;
  }

  /** Distinct keys in canonical order; unknown keys follow in order of first appearance. */
  static List<String> ordered(List<String> keys, List<String> canonical) {
    return rows(new ArrayList<>(new LinkedHashSet<>(keys)), k -> k, canonical);
  }

  private static int rank(String key, List<String> canonical) {
    int i = canonical.indexOf(key);
    return i < 0 ? canonical.size() : i;
  }
}
