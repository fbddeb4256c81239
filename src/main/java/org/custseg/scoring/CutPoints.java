package org.custseg.scoring;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.IntegralType;
import scala.Tuple2;

/**
 * Exact quantiles by the nearest-rank rule: the p-quantile of n values is the value at rank
 * {@code max(1, ceil(p * n))} in ascending order. Exact, so the same data gives the same cut points
 * however Spark partitions it (local or cluster, full or incremental run).
 *
 * <p>Only the cut points reach the driver: integer columns go through a histogram of distinct
 * values (bounded by days or orders, not by customers); other columns are sorted by Spark and the
 * values at the wanted ranks are picked with {@code zipWithIndex}.
 */
public final class CutPoints {

  private CutPoints() {}

  /** Quantiles of the non-null values of {@code column}; empty when there is none. */
  public static List<Object> nearestRank(Dataset<Row> data, String column, double... probs) {
    Dataset<Row> values = data.select(col(column)).where(col(column).isNotNull());
    boolean integral = values.schema().fields()[0].dataType() instanceof IntegralType;
    return integral ? fromHistogram(values, probs) : fromSort(values, probs);
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
      long seen = 0;
      for (Row r : histogram) {
        seen += r.getLong(1);
        if (rank < seen) {
          out.add(r.get(0));
          break;
        }
      }
    }
    return out;
  }

  private static List<Object> fromSort(Dataset<Row> values, double[] probs) {
    String c = values.columns()[0];
    Dataset<Row> sorted = values.sort(col(c));
    long n = sorted.count();
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    long[] ranks = ranks(n, probs);
    Set<Long> wanted = new HashSet<>();
    for (long r : ranks) {
      wanted.add(r);
    }
    List<Tuple2<Row, Long>> hits = sorted.javaRDD().zipWithIndex()
        .filter(t -> wanted.contains(t._2()))
        .collect();
    for (long rank : ranks) {
      for (Tuple2<Row, Long> hit : hits) {
        if (hit._2() == rank) {
          out.add(hit._1().get(0));
          break;
        }
      }
    }
    return out;
  }
}
