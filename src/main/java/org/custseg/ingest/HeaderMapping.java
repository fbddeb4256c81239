package org.custseg.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custseg.schema.Columns;
import org.custseg.schema.QuarantineReason;

/**
 * What the header of a file (the header line of a delimited file, a Parquet file's schema) says:
 * where each mapped column is, which are absent, and whether the file's rows can be read at all.
 *
 * <p>Required: the customer id, the order timestamp, and the amount, or, when the file lacks an
 * amount column, quantity and unit price (both mapped and present; the amount is then their
 * product). Every other mapped column the file lacks is absent: read as empty for that file. A
 * header that cannot be used gives every row of the file the same reason ({@link #problem}); no
 * data line is ever taken as a header.
 *
 * @param positions 0-based field of each logical column, in the order of the mapping (-1: absent)
 * @param fields how many fields the header has (every data line must have as many)
 * @param absent the logical names of the optional mapped columns the file lacks, in mapping order
 *     ({@code amount} among them when it is derived from quantity and unit price); empty when the
 *     file cannot be read
 * @param problem why the file's rows cannot be read, or {@code null}
 * @param detail the problem in words, e.g. {@code header lacks required column(s) amount}
 */
record HeaderMapping(
    int[] positions, int fields, List<String> absent, QuarantineReason problem, String detail) {

  /** A header whose positions are given (a file without a header line): nothing is absent. */
  static HeaderMapping fixed(int[] positions) {
    return new HeaderMapping(positions, -1, List.of(), null, null);
  }

  /** A header line that could not be decoded or split: nothing can be read. */
  static HeaderMapping unreadable(QuarantineReason problem, String detail) {
    return new HeaderMapping(new int[0], -1, List.of(), problem, detail);
  }

  /**
   * Maps {@code columns} (logical name to header name) onto the header's fields. A required column
   * the header lacks ({@code missing_column}) or a mapped name it holds twice ({@code
   * ambiguous_column}) makes the file unreadable; names that are not mapped may repeat.
   */
  static HeaderMapping of(List<String> header, Map<String, String> columns) {
    Map<String, List<Integer>> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.computeIfAbsent(header.get(i).trim(), k -> new ArrayList<>()).add(i);
    }
    int[] positions = new int[columns.size()];
    List<String> absent = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> c : columns.entrySet()) {
      List<Integer> at = index.getOrDefault(c.getValue(), List.of());
      positions[i++] = at.isEmpty() ? -1 : at.get(0);
      if (at.isEmpty()) {
        absent.add(c.getKey());
      } else if (at.size() > 1) {
        twice.add(
            c.getValue()
                + " (fields "
                + at.stream().map(p -> String.valueOf(p + 1)).collect(Collectors.joining(", "))
                + ")");
      }
    }
    List<String> missing = missingRequired(columns, absent);
    QuarantineReason problem =
        !missing.isEmpty()
            ? QuarantineReason.MISSING_COLUMN
            : !twice.isEmpty() ? QuarantineReason.AMBIGUOUS_COLUMN : null;
    String detail =
        !missing.isEmpty()
            ? "header lacks required column(s) " + String.join(", ", missing)
            : !twice.isEmpty()
                ? "header names a mapped column more than once: " + String.join("; ", twice)
                : null;
    return new HeaderMapping(
        positions,
        header.size(),
        problem == null ? List.copyOf(absent) : List.of(),
        problem,
        detail);
  }

  /** The header names of the required columns that are absent. */
  private static List<String> missingRequired(Map<String, String> columns, List<String> absent) {
    List<String> missing = new ArrayList<>();
    for (String required : List.of(Columns.CUSTOMER_ID, Columns.ORDER_TS)) {
      if (absent.contains(required)) {
        missing.add(columns.get(required));
      }
    }
    boolean amount = columns.containsKey(Columns.AMOUNT) && !absent.contains(Columns.AMOUNT);
    boolean product =
        columns.containsKey(Columns.QUANTITY)
            && columns.containsKey(Columns.UNIT_PRICE)
            && !absent.contains(Columns.QUANTITY)
            && !absent.contains(Columns.UNIT_PRICE);
    if (!amount && !product) {
      if (columns.containsKey(Columns.AMOUNT)) {
        missing.add(columns.get(Columns.AMOUNT));
      } else {
        for (String factor : List.of(Columns.QUANTITY, Columns.UNIT_PRICE)) {
          if (absent.contains(factor)) {
            missing.add(columns.get(factor));
          }
        }
      }
    }
    return missing;
  }

  /** The absent columns as the parsed rows carry them: comma-separated, or {@code null}. */
  String absentText() {
    return absent.isEmpty() ? null : String.join(",", absent);
  }
}
