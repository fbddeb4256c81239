package org.custseg.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The named RFM segment of every R-F-M code (R, F, M each 1..5): 125 codes, each mapped to exactly
 * one segment. Built from {@code segmentation.rfm.segments}; a code that is unmapped, mapped twice
 * or malformed is a configuration error.
 */
public final class RfmSegmentTable {

  private static final Pattern SEGMENT_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern CODE = Pattern.compile("[1-5]{3}");

  private final Map<Integer, String> segmentByCode;

  private RfmSegmentTable(Map<Integer, String> segmentByCode) {
    this.segmentByCode = segmentByCode;
  }

  /** Parses {@code segment name -> space-separated codes}; throws on any gap or overlap. */
  public static RfmSegmentTable parse(Map<String, String> codesBySegment) {
    Map<Integer, String> byCode = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(codesBySegment).entrySet()) {
      String segment = e.getKey();
      if (!SEGMENT_NAME.matcher(segment).matches()) {
        problems.add("segment name '" + segment + "' is not snake_case");
      }
      String codes = e.getValue() == null ? "" : e.getValue().trim();
      if (codes.isEmpty()) {
        problems.add("segment '" + segment + "' has no codes");
        continue;
      }
      for (String token : codes.split("[\\s,]+")) {
        if (!CODE.matcher(token).matches()) {
          problems.add(
              "segment '" + segment + "' has code '" + token + "', which is not three digits 1-5");
          continue;
        }
        String previous = byCode.put(Integer.parseInt(token), segment);
        if (previous != null) {
          problems.add(
              "code " + token + " is mapped twice: to '" + previous + "' and '" + segment + "'");
        }
      }
    }
    List<String> unmapped = new ArrayList<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          if (!byCode.containsKey(r * 100 + f * 10 + m)) {
            unmapped.add("" + r + f + m);
          }
        }
      }
    }
    if (!unmapped.isEmpty()) {
      problems.add("codes not mapped to any segment: " + String.join(" ", unmapped));
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(
          "segmentation.rfm.segments is invalid: " + String.join("; ", problems));
    }
    return new RfmSegmentTable(java.util.Collections.unmodifiableMap(new TreeMap<>(byCode)));
  }

  /** The segment of an R-F-M code such as 545. */
  public String segmentOf(int r, int f, int m) {
    return segmentByCode.get(r * 100 + f * 10 + m);
  }

  /** Code (e.g. 545) to segment, all 125 codes, in ascending code order. */
  public Map<Integer, String> asMap() {
    return segmentByCode;
  }

  /** Segment names in a stable (sorted) order. */
  public List<String> segmentNames() {
    return segmentByCode.values().stream().distinct().sorted().toList();
  }
}
