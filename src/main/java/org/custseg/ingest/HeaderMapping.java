package org.custseg.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custseg.schema.QuarantineReason;

/**
 * What the header line of a delimited file says: where each mapped column is, and whether the
 * file's data lines can be read at all. A header that cannot be used gives every data line of the
 * file the same reason ({@link #problem}); no data line is ever taken as a header.
 *
 * @param positions 0-based field of each logical column, in the order of the mapping (-1: absent)
 * @param fields how many fields the header has (every data line must have as many)
 * @param problem why the file's lines cannot be read, or {@code null}
 * @param detail the problem in words, e.g. {@code header lacks column(s) amount}
 */
record HeaderMapping(int[] positions, int fields, QuarantineReason problem, String detail) {

  /** A header line that could not be decoded or split: nothing can be read. */
  static HeaderMapping unreadable(QuarantineReason problem, String detail) {
    return new HeaderMapping(new int[0], -1, problem, detail);
  }

  /**
   * Maps {@code columns} (logical name to header name) onto the header's fields. A mapped name that
   * the header lacks, or names twice, makes the file unreadable ({@code missing_column}, {@code
   * ambiguous_column}); names that are not mapped may repeat.
   */
  static HeaderMapping of(List<String> header, Map<String, String> columns) {
    Map<String, List<Integer>> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.computeIfAbsent(header.get(i).trim(), k -> new ArrayList<>()).add(i);
    }
    int[] positions = new int[columns.size()];
    List<String> missing = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    int i = 0;
    for (String name : columns.values()) {
      List<Integer> at = index.getOrDefault(name, List.of());
      positions[i++] = at.isEmpty() ? -1 : at.get(0);
      if (at.isEmpty()) {
        missing.add(name);
      } else if (at.size() > 1) {
        twice.add(
            name
                + " (fields "
                + at.stream().map(p -> String.valueOf(p + 1)).collect(Collectors.joining(", "))
                + ")");
      }
    }
    if (!missing.isEmpty()) {
      return new HeaderMapping(
          positions,
          header.size(),
          QuarantineReason.MISSING_COLUMN,
          "header lacks column(s) " + String.join(", ", missing));
    }
    if (!twice.isEmpty()) {
      return new HeaderMapping(
          positions,
          header.size(),
          QuarantineReason.AMBIGUOUS_COLUMN,
          "header names a mapped column more than once: " + String.join("; ", twice));
    }
    return new HeaderMapping(positions, header.size(), null, null);
  }
}
