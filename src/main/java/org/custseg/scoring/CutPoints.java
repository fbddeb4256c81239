package org.custseg.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.IntegralType;

/**
 * Exact quantiles by the nearest-rank rule: the p-quantile of n values is the value at rank {@code
 * max(1, ceil(p * n))} in ascending order. Exact, so the same data gives the same cut points
 * however Spark partitions it (local or cluster, full or incremental run).
 *
 * <p>Only the cut points and bounded summaries reach the driver, and no pass sorts the data:
 *
 * <ul>
 *   <li>integer columns (days, counts), and columns of at most {@link #WHOLE_HISTOGRAM_VALUES}
 *       values: one aggregation to the histogram of distinct values (bounded by days or orders, or
 *       by that constant, not by customers);
 *   <li>other columns: Spark's approximate quantiles (Greenwald-Khanna, relative error {@code eps})
 *       bracket each wanted rank between two values {@code lo <= hi}; one aggregation counts the
 *       values below each {@code lo}, and the histogram of the values inside the brackets (at most
 *       about {@code 4 eps n} distinct values each, {@code eps n} kept under {@link
 *       #BRACKET_VALUES}) gives the exact value at the rank. A bracket that misses its rank (the
 *       sketch's bound is probabilistic in no case, but ties and rounding are guarded against) is
 *       widened to the whole range, which is the histogram method.
 * </ul>
 */
public final class CutPoints {

  /** About how many values a bracket holds: the relative error is this over n. */
  static final int BRACKET_VALUES = 2_000;

  private static final double MAX_EPS = 0.01;

  /**
   * Up to this many values, a column's cut points come from the histogram of all its values (at
   * most this many rows reach the driver), in one pass instead of the brackets' three: on small
   * inputs each pass costs more in planning than in data.
   */
  static final int WHOLE_HISTOGRAM_VALUES = 10 * BRACKET_VALUES;

  private CutPoints() {}

  /** Quantiles wanted of one column. */
  public record Request(String column, double... probs) {}

  /** Quantiles of the non-null values of {@code column}; empty when there is none. */
  public static List<Object> nearestRank(Dataset<Row> data, String column, double... probs) {
    return nearestRank(data, List.of(new Request(column, probs))).get(0);
  }

  /**
   * The quantiles of several requests over the same rows, in few passes whatever their number: one
   * count of every column, one histogram per integer column, and for the other columns one
   * approximate-quantile pass, one count below the brackets and one histogram per column inside
   * them. Each request's list is empty when its column has no value.
   */
  public static List<List<Object>> nearestRank(Dataset<Row> data, List<Request> requests) {
    List<List<Object>> out = new ArrayList<>();
    if (requests.isEmpty()) {
      return out;
    }
    Column[] counts = requests.stream().map(r -> count(col(r.column()))).toArray(Column[]::new);
    Row n = data.agg(counts[0], java.util.Arrays.copyOfRange(counts, 1, counts.length)).first();
    List<Integer> bracketed = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      Dataset<Row> values = data.select(col(r.column())).where(col(r.column()).isNotNull());
      boolean integral = values.schema().fields()[0].dataType() instanceof IntegralType;
      if (n.getLong(i) == 0) {
        out.add(new ArrayList<>());
      } else if (integral || n.getLong(i) <= WHOLE_HISTOGRAM_VALUES) {
        out.add(fromHistogram(values, r.probs()));
      } else {
        out.add(null);
        bracketed.add(i);
      }
    }
    if (!bracketed.isEmpty()) {
      fromBrackets(data, requests, bracketed, n, out);
    }
    return out;
  }

  /** The 0-based ranks wanted for {@code probs} among {@code n} values. */
  static long[] ranks(long n, double[] probs) {
    long[] ranks = new long[probs.length];
    for (int i = 0; i < probs.length; i++) {
      // The epsilon keeps e.g. 0.6 * 5 = 3.0000000000000004 from rounding up to 4.
      ranks[i] = Math.max(1, (long) Math.ceil(probs[i] * n - 1e-9)) - 1;
    }
    return ranks;
  }

  private static List<Object> fromHistogram(Dataset<Row> values, double[] probs) {
    String c = values.columns()[0];
    List<Row> histogram = values.groupBy(col(c)).count().orderBy(col(c)).collectAsList();
    long n = histogram.stream().mapToLong(r -> r.getLong(1)).sum();
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    for (long rank : ranks(n, probs)) {
      out.add(atRank(histogram, 0, rank));
    }
    return out;
  }

  /**
   * The value at 0-based {@code rank} of a sorted histogram whose first value has rank {@code
   * below}.
   */
  private static Object atRank(List<Row> histogram, long below, long rank) {
    long seen = below;
    for (Row r : histogram) {
      seen += r.getLong(1);
      if (rank < seen) {
        return r.get(0);
      }
    }
    return null;
  }

  /** Fills {@code out} at the positions {@code bracketed} (columns that are not integers). */
  private static void fromBrackets(
      Dataset<Row> data,
      List<Request> requests,
      List<Integer> bracketed,
      Row counts,
      List<List<Object>> out) {
    long largest = bracketed.stream().mapToLong(counts::getLong).max().orElse(1);
    double eps = Math.min(MAX_EPS, Math.max(1e-6, (double) BRACKET_VALUES / largest));
    String[] columns =
        bracketed.stream().map(i -> requests.get(i).column()).distinct().toArray(String[]::new);
    List<Double> wanted = new ArrayList<>();
    for (int i : bracketed) {
      for (double p : requests.get(i).probs()) {
        wanted.add(Math.max(0.0, p - 2 * eps));
        wanted.add(Math.min(1.0, p + 2 * eps));
      }
    }
    double[] bounds =
        wanted.stream().distinct().sorted().mapToDouble(Double::doubleValue).toArray();
    Column[] asDouble =
        java.util.Arrays.stream(columns)
            .map(c -> col(c).cast("double").as(c))
            .toArray(Column[]::new);
    // approxQuantile skips nulls (and NaN) column by column
    double[][] q = data.select(asDouble).stat().approxQuantile(columns, bounds, eps);

    // the bracket [lo, hi] of every wanted quantile, and one pass counting the values below each
    List<double[]> brackets = new ArrayList<>();
    List<Column> below = new ArrayList<>();
    java.util.Map<String, Column> inside = new java.util.LinkedHashMap<>();
    for (int i : bracketed) {
      Request r = requests.get(i);
      int c = java.util.Arrays.asList(columns).indexOf(r.column());
      Column v = col(r.column()).cast("double");
      for (double p : r.probs()) {
        double lo = q[c][java.util.Arrays.binarySearch(bounds, Math.max(0.0, p - 2 * eps))];
        double hi = q[c][java.util.Arrays.binarySearch(bounds, Math.min(1.0, p + 2 * eps))];
        brackets.add(new double[] {lo, hi});
        below.add(count(when(v.lt(lo), lit(1))));
        inside.merge(r.column(), v.geq(lo).and(v.leq(hi)), Column::or);
      }
    }
    Row belowCounts =
        data.agg(below.get(0), below.subList(1, below.size()).toArray(Column[]::new)).first();
    java.util.Map<String, List<Row>> histograms = new java.util.HashMap<>();
    inside.forEach(
        (column, where) ->
            histograms.put(
                column,
                data.where(where)
                    .groupBy(col(column))
                    .count()
                    .orderBy(col(column))
                    .collectAsList()));

    int k = 0;
    for (int i : bracketed) {
      Request r = requests.get(i);
      long[] ranks = ranks(counts.getLong(i), r.probs());
      List<Object> values = new ArrayList<>();
      for (int j = 0; j < ranks.length; j++, k++) {
        double lo = brackets.get(k)[0];
        double hi = brackets.get(k)[1];
        List<Row> bracket =
            histograms.get(r.column()).stream()
                .filter(
                    h -> {
                      double x = ((Number) h.get(0)).doubleValue();
                      return x >= lo && x <= hi;
                    })
                .toList();
        long inBracket = bracket.stream().mapToLong(h -> h.getLong(1)).sum();
        long first = belowCounts.getLong(k);
        if (ranks[j] >= first && ranks[j] < first + inBracket) {
          values.add(atRank(bracket, first, ranks[j]));
        } else {
          // not expected (the sketch's error bound holds); exact by the full histogram
          Dataset<Row> all = data.select(col(r.column())).where(col(r.column()).isNotNull());
          values.add(fromHistogram(all, new double[] {r.probs()[j]}).get(0));
        }
      }
      out.set(i, values);
    }
  }
}
