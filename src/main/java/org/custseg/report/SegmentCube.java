package org.custseg.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;

/**
 * The customer table aggregated once by tier x quadrant x segment x R x F x lifecycle stage (a few
 * thousand cells at most, whatever the number of customers). Every summary report is rolled up from
 * these cells on the driver, so the reports cost one pass over the customer table.
 */
public final class SegmentCube {

  /** Sums of money: wide enough for any table (decimal(18,4) summed over many customers). */
  private static final String SUM = "decimal(38,4)";

  /**
   * One cell: the customers sharing the six keys, with sums to roll up.
   *
   * @param stage the lifecycle stage ({@code null} when the table has none)
   * @param clv summed clv (zero when the table has none)
   */
  public record Cell(
      String tier,
      String quadrant,
      String segment,
      int r,
      int f,
      String stage,
      long customers,
      BigDecimal monetary,
      BigDecimal trailing,
      BigDecimal clv,
      long recencyDays,
      long frequency,
      BigDecimal minTrailing,
      BigDecimal maxTrailing) {}

  /** Sums over a group of cells. */
  public record Totals(
      long customers,
      BigDecimal monetary,
      BigDecimal trailing,
      BigDecimal clv,
      long recencyDays,
      long frequency,
      BigDecimal minTrailing,
      BigDecimal maxTrailing) {

    static final Totals EMPTY =
        new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, null, null);

    Totals plus(Cell c) {
      return new Totals(
          customers + c.customers(),
          monetary.add(c.monetary()),
          trailing.add(c.trailing()),
          clv.add(c.clv()),
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
  private final boolean hasClv;

  private SegmentCube(List<Cell> cells, boolean hasClv) {
    this.cells = List.copyOf(cells);
    this.hasClv = hasClv;
  }

  public static SegmentCube of(Dataset<Row> customers) {
    List<String> present = Arrays.asList(customers.columns());
    boolean hasClv = present.contains(Columns.CLV);
    Column stage =
        present.contains(Columns.LIFECYCLE_STAGE)
            ? col(Columns.LIFECYCLE_STAGE)
            : lit(null).cast("string");
    Column clv = hasClv ? col(Columns.CLV) : lit(BigDecimal.ZERO);
    List<Row> rows =
        customers
            .groupBy(
                col(Columns.PYRAMID_TIER),
                col(Columns.PORTFOLIO_QUADRANT),
                col(Columns.RFM_SEGMENT),
                col(Columns.R_SCORE),
                col(Columns.F_SCORE),
                stage)
            .agg(
                count(lit(1)),
                sum(col(Columns.MONETARY_TOTAL)).cast(SUM),
                sum(col(Columns.TRAILING_VALUE)).cast(SUM),
                coalesce(sum(clv), lit(BigDecimal.ZERO)).cast(SUM),
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
              r.getString(5),
              r.getLong(6),
              r.getDecimal(7),
              r.getDecimal(8),
              r.getDecimal(9),
              r.getLong(10),
              r.getLong(11),
              r.getDecimal(12),
              r.getDecimal(13)));
    }
    return new SegmentCube(cells, hasClv);
  }

  /** A cube of given cells (tests), with clv sums when {@code hasClv}. */
  public static SegmentCube of(List<Cell> cells, boolean hasClv) {
    return new SegmentCube(cells, hasClv);
  }

  /** Whether the customer table had clv (else the cells' clv sums are zero). */
  public boolean hasClv() {
    return hasClv;
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
