package org.custseg.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Relationship level and marketing depth per pyramid tier and portfolio quadrant ({@code
 * segmentation.relationship}, domain.md section 7): size band x margin band to a level; segment to
 * a depth.
 */
public record RelationshipSettings(
    double manyMinShare,
    double mediumMinShare,
    double highMarginIndex,
    double mediumMarginIndex,
    Map<String, Map<String, String>> levels,
    Map<String, String> depth) {

  public static final List<String> SIZE_BANDS = List.of("many", "medium", "few");
  public static final List<String> MARGIN_BANDS = List.of("high", "medium", "low");
  public static final List<String> LEVELS =
      List.of("basic", "reactive", "accountable", "proactive", "partnership");
  public static final List<String> DEPTHS = List.of("financial", "social", "structural");
  public static final List<String> SEGMENTS =
      List.of(
          "vip", "key", "medium", "small", "inactive", "star", "question_mark", "cash_cow", "dog");

  public RelationshipSettings {
    String p = "segmentation.relationship.";
    Require.that(
        mediumMinShare > 0 && mediumMinShare < manyMinShare && manyMinShare <= 1,
        p
            + "shares must satisfy 0 < medium-min-share < many-min-share <= 1, got "
            + mediumMinShare
            + " and "
            + manyMinShare);
    Require.that(
        mediumMarginIndex > 0 && mediumMarginIndex < highMarginIndex,
        p
            + "margin indices must satisfy 0 < medium-margin-index < high-margin-index, got "
            + mediumMarginIndex
            + " and "
            + highMarginIndex);
    Require.that(levels != null && !levels.isEmpty(), p + "levels is empty");
    Require.that(depth != null && !depth.isEmpty(), p + "depth is empty");
    for (String size : SIZE_BANDS) {
      Map<String, String> row = levels.get(size);
      Require.that(
          row != null, p + "levels." + size + " is missing (size bands: " + SIZE_BANDS + ")");
      for (String margin : MARGIN_BANDS) {
        String level = row.get(margin);
        Require.that(level != null, p + "levels." + size + "." + margin + " is missing");
        Require.that(
            LEVELS.contains(level),
            p + "levels." + size + "." + margin + " is '" + level + "', expected one of " + LEVELS);
      }
      Require.that(
          MARGIN_BANDS.containsAll(row.keySet()),
          p
              + "levels."
              + size
              + " has an unknown margin band in "
              + row.keySet()
              + " (expected "
              + MARGIN_BANDS
              + ")");
    }
    Require.that(
        SIZE_BANDS.containsAll(levels.keySet()),
        p
            + "levels has an unknown size band in "
            + levels.keySet()
            + " (expected "
            + SIZE_BANDS
            + ")");
    depth = canonicalKeys(depth, SEGMENTS, p + "depth");
    for (String segment : SEGMENTS) {
      String d = depth.get(segment);
      Require.that(d != null, p + "depth." + segment + " is missing");
      Require.that(
          DEPTHS.contains(d),
          p + "depth." + segment + " is '" + d + "', expected one of " + DEPTHS);
    }
    Require.that(
        SEGMENTS.containsAll(depth.keySet()),
        p + "depth has an unknown segment in " + depth.keySet() + " (expected " + SEGMENTS + ")");
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    for (String size : SIZE_BANDS) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String m : MARGIN_BANDS) {
        row.put(m, levels.get(size).get(m));
      }
      copy.put(size, Collections.unmodifiableMap(row));
    }
    levels = Collections.unmodifiableMap(copy);
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String seg : SEGMENTS) {
      ordered.put(seg, depth.get(seg));
    }
    depth = Collections.unmodifiableMap(ordered);
  }

  /** Map keys as the canonical names (a YAML binder may drop the underscore of a key). */
  private static Map<String, String> canonicalKeys(
      Map<String, String> in, List<String> names, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : in.entrySet()) {
      String name =
          names.stream()
              .filter(n -> norm(n).equals(norm(e.getKey())))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          key
                              + " has an unknown segment '"
                              + e.getKey()
                              + "' (expected "
                              + names
                              + ")"));
      out.put(name, e.getValue() == null ? null : e.getValue().trim());
    }
    return out;
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
