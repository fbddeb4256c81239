package org.custseg.config.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custseg.config.ConfigurationException;

/**
 * The settings keys the bundled application.yml defines: a key under {@code segmentation.} that is
 * not one of them is a misspelling. Keys are compared the way Spring binds them (case, dashes and
 * underscores aside; list indexes dropped). Under map-valued sections the keys are user data, and
 * {@code segmentation.testing.*} is for tests.
 */
final class KnownKeys {

  static final String PREFIX = "segmentation.";

  /** Sections whose keys are names the user chooses (segments, size bands, tiers). */
  static final List<String> OPEN_SECTIONS =
      List.of(
          "segmentation.rfm.segments.",
          "segmentation.relationship.levels.",
          "segmentation.relationship.depth.",
          "segmentation.testing.");

  private final List<String> keys;
  private final Set<String> normalized = new LinkedHashSet<>();
  private final Set<String> normalizedPrefixes = new LinkedHashSet<>();

  KnownKeys(Collection<String> bundledKeys) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String k : bundledKeys) {
      if (k.startsWith(PREFIX)) {
        String key = withoutIndexes(k);
        distinct.add(key);
        String n = normalize(key);
        normalized.add(n);
        for (int i = n.indexOf('.'); i > 0; i = n.indexOf('.', i + 1)) {
          normalizedPrefixes.add(n.substring(0, i));
        }
      }
    }
    this.keys = new ArrayList<>(distinct);
  }

  /** Throws for the first key under {@code segmentation.} that is not a known setting. */
  void check(Collection<String> keysOfLayer, String source) {
    for (String raw : keysOfLayer) {
      if (!raw.startsWith(PREFIX)) {
        continue;
      }
      String key = withoutIndexes(raw);
      String n = normalize(key);
      if (normalized.contains(n) || normalizedPrefixes.contains(n) || inOpenSection(n)) {
        continue;
      }
      throw new ConfigurationException(
          "unknown setting " + key + " in " + source + "; did you mean " + nearest(key) + "?");
    }
  }

  /** The known key with the smallest edit distance. */
  String nearest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : keys) {
      int d = levenshtein(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  private static boolean inOpenSection(String normalizedKey) {
    for (String section : OPEN_SECTIONS) {
      if (normalizedKey.startsWith(normalize(section))) {
        return true;
      }
    }
    return false;
  }

  private static String withoutIndexes(String key) {
    return key.replaceAll("\\[\\d+]", "");
  }

  private static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
