package org.custseg.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;

/**
 * The customer table aggregated once by tier x quadrant x segment x R x F (a few thousand cells at
 * most, whatever the number of customers). Every summary report is rolled up from these cells on
 * the driver, so the reports cost one pass over the customer table.
 */
public final class SegmentCube {

  /** One cell: the customers sharing the five keys, with sums to roll up. */
  public record Cell(
      String tier,
      String quadrant,
      String segment,
      int r,
      int f,
      long customers,
      BigDecimal monetary,
      BigDecimal trailing,
      long recencyDays,
      long frequency,
      BigDecimal minTrailing,
      BigDecimal maxTrailing) {}

  /** Sums over a group of cells. */
  public record Totals(
      long customers,
      BigDecimal monetary,
      BigDecimal trailing,
      long recencyDays,
      long frequency,
      BigDecimal minTrailing,
      BigDecimal maxTrailing) {

    static final Totals EMPTY = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, null, null);

    Totals plus(Cell c) {
      return new Totals(
          customers + c.customers(),
          monetary.add(c.monetary()),
          trailing.add(c.trailing()),
          recencyDays + c.recencyDays(),
          frequency + c.frequency(),
          minTrailing == null || c.minTrailing().compareTo(minTrailing) < 0
              ? c.minTrailing()
              : minTrailing,
          maxTrailing == null || c.maxTrailing().compareTo(maxTrailing) > 0
              ? c.maxTrailing()
              : maxTrailing);
    }

    public Double mean(long sum) {
      return customers == 0 ? null : (double) sum / customers;
    }

    public BigDecimal meanMoney(BigDecimal sum) {
      return customers == 0
          ? null
          : sum.divide(BigDecimal.valueOf(customers), 4, java.math.RoundingMode.HALF_UP);
    }
  }

  private final List<Cell> cells;

  private SegmentCube(List<Cell> cells) {
    this.cells = List.copyOf(cells);
  }

  public static SegmentCube of(Dataset<Row> customers) {
    List<Row> rows =
        customers
            .groupBy(
                col(Columns.PYRAMID_TIER),
                col(Columns.PORTFOLIO_QUADRANT),
                col(Columns.RFM_SEGMENT),
                col(Columns.R_SCORE),
                col(Columns.F_SCORE))
            .agg(
                count(lit(1)),
                sum(col(Columns.MONETARY_TOTAL)),
                sum(col(Columns.TRAILING_VALUE)),
                sum(col(Columns.RECENCY_DAYS)),
                sum(col(Columns.FREQUENCY)),
                min(col(Columns.TRAILING_VALUE)),
                max(col(Columns.TRAILING_VALUE)))
            .collectAsList();
    List<Cell> cells = new ArrayList<>();
    for (Row r : rows) {
      cells.add(
          new Cell(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              ((Number) r.get(3)).intValue(),
              ((Number) r.get(4)).intValue(),
              r.getLong(5),
              r.getDecimal(6),
              r.getDecimal(7),
              r.getLong(8),
              r.getLong(9),
              r.getDecimal(10),
              r.getDecimal(11)));
    }
    return new SegmentCube(cells);
  }

  public static SegmentCube of(List<Cell> cells) {
    return new SegmentCube(cells);
  }

  public List<Cell> cells() {
    return cells;
  }

  /** Totals per key, keys in the given order first, then any others (sorted). */
  public Map<String, Totals> by(Function<Cell, String> key, List<String> order) {
    Map<String, Totals> out = new LinkedHashMap<>();
    for (String k : order) {
      out.put(k, Totals.EMPTY);
    }
    cells.stream()
        .map(key)
        .filter(k -> !out.containsKey(k))
        .sorted()
        .distinct()
        .forEach(k -> out.put(k, Totals.EMPTY));
    for (Cell c : cells) {
      out.merge(key.apply(c), Totals.EMPTY.plus(c), (a, b) -> a.plus(c));
    }
    return out;
  }

  public Totals total() {
    Totals t = Totals.EMPTY;
    for (Cell c : cells) {
      t = t.plus(c);
    }
    return t;
  }
}
