package org.custseg.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.custseg.report.ColumnSpec.Kind.INTEGER;
import static org.custseg.report.ColumnSpec.Kind.RATIO;
import static org.custseg.report.ColumnSpec.Kind.TEXT;
import static org.custseg.report.ColumnSpec.of;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.report.html.FlowMatrix;
import org.custseg.report.html.Migration;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;
import org.custseg.segmentation.LifecycleStage;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.segmentation.ValuePyramid;

/**
 * Movement of customers between the previous completed run and this one (domain.md section 5):
 * {@code tier_migration.csv} (pyramid tiers) and {@code quadrant_migration.csv} (portfolio
 * quadrants), both dense from x to matrices in long form. The previous run is the latest run date P
 * before this one whose {@code reports/run_date=P/_SUCCESS} exists; its customers are read from
 * {@code customers/run_date=P}. Rows ({@code from}) are the previous run's segments plus {@code
 * new} (not a customer at P); columns ({@code to}) are this run's segments plus {@code lost} (a
 * customer at P but absent now, which as-of semantics only allows when the input data changed).
 * Customers who went inactive are in the {@code inactive} tier.
 */
public final class MigrationReports {

  public static final String NEW = "new";
  public static final String LOST = "lost";
  public static final String TIER_FILE = "tier_migration.csv";
  public static final String QUADRANT_FILE = "quadrant_migration.csv";
  public static final String LIFECYCLE_FILE = "lifecycle_migration.csv";

  public static final List<ColumnSpec> COLUMNS =
      List.of(
          of("dimension", TEXT, "", "pyramid_tier, portfolio_quadrant or lifecycle_stage."),
          of("previous_run_date", TEXT, "yyyy-MM-dd", "The previous completed run compared with."),
          of(
              "from",
              TEXT,
              "",
              "Segment at the previous run, or new (not a customer at the previous run)."),
          of(
              "to",
              TEXT,
              "",
              "Segment at this run, or lost (in the previous run's table, absent from this one)."),
          of("customers", INTEGER, "customers", "Customers who moved from -> to."),
          of("share_of_from", RATIO, "0-1", "customers / customers of the from row."),
          ColumnSpec.measure(
              "value_previous",
              Measure.TRAILING_VALUE,
              "Their trailing_value at the previous run (0 for new)."),
          ColumnSpec.measure(
              "value_current",
              Measure.TRAILING_VALUE,
              "Their trailing_value at this run (0 for lost)."),
          MeasureColumns.wordsFor("value_measure", "value_previous and value_current"),
          MeasureColumns.CURRENCY);

  public static final List<DataDictionary.FileSpec> FILES =
      List.of(
          new DataDictionary.FileSpec(
              "reports/run_date=D/" + TIER_FILE,
              "Customers and value moving between pyramid tiers since the previous completed run "
                  + "(every from x to cell, zeros included); written only when there is a previous "
                  + "run (manifest: migration.previous_run_date). Rows of a from sum to the previous "
                  + "run's tier count (new: customers added); columns of a to sum to this run's.",
              COLUMNS),
          new DataDictionary.FileSpec(
              "reports/run_date=D/" + QUADRANT_FILE, "The same for portfolio quadrants.", COLUMNS),
          new DataDictionary.FileSpec(
              "reports/run_date=D/" + LIFECYCLE_FILE,
              "The same for lifecycle stages: the stage flow since the previous completed run.",
              COLUMNS));

  /**
   * One group of customers sharing their previous and current tier, quadrant and stage; {@code
   * lostValuePrevious} sums their {@link Flows#lostValueBasis()} column at the previous run.
   */
  public record Flow(
      String fromTier,
      String toTier,
      String fromQuadrant,
      String toQuadrant,
      String fromStage,
      String toStage,
      long customers,
      BigDecimal valuePrevious,
      BigDecimal valueCurrent,
      BigDecimal lostValuePrevious) {}

  /**
   * All flows between two runs.
   *
   * @param lostValueBasis the previous run's column summed in {@code lostValuePrevious}
   */
  public record Flows(
      LocalDate previousRunDate, LocalDate runDate, String lostValueBasis, List<Flow> flows) {}

  private MigrationReports() {}

  /** The latest completed run before {@code runDate} under {@code reportsRoot}, if any. */
  public static Optional<LocalDate> previousRun(
      Path reportsRoot, LocalDate runDate, Configuration conf) {
    NavigableSet<LocalDate> runs = completedRunsBefore(reportsRoot, runDate, conf);
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.last());
  }

  /**
   * The completed runs before {@code runDate} under {@code reportsRoot} (those whose {@code
   * run_date=D/_SUCCESS} exists), oldest first: the one listing the migration and the trend read.
   */
  static NavigableSet<LocalDate> completedRunsBefore(
      Path reportsRoot, LocalDate runDate, Configuration conf) {
    try {
      FileSystem fs = reportsRoot.getFileSystem(conf);
      FileStatus[] done = fs.globStatus(new Path(reportsRoot, "run_date=*/_SUCCESS"));
      NavigableSet<LocalDate> out = new TreeSet<>();
      for (FileStatus s : done == null ? new FileStatus[0] : done) {
        String name = s.getPath().getParent().getName();
        try {
          LocalDate d = LocalDate.parse(name.substring("run_date=".length()));
          if (d.isBefore(runDate)) {
            out.add(d);
          }
        } catch (java.time.DateTimeException e) {
          // not a run directory
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list earlier runs under " + reportsRoot, e);
    }
  }

  /**
   * The value lost with a customer: their CLV over the whole horizon when the table has it (the
   * next period included: a customer lost is lost for all of it), else trailing spend.
   */
  static String lostValueBasis(Dataset<Row> previous) {
    List<String> cols = Arrays.asList(previous.columns());
    for (String c : List.of("clv", "future_value")) {
      if (cols.contains(c)) {
        return c;
      }
    }
    return Columns.TRAILING_VALUE;
  }

  /**
   * One run's side of the migration join: customer_id and, named with {@code prefix}, its tier,
   * quadrant, lifecycle stage and trailing value, then {@code more}.
   */
  private static Dataset<Row> side(Dataset<Row> table, String prefix, Column... more) {
    List<Column> cols =
        new ArrayList<>(
            List.of(
                col(Columns.CUSTOMER_ID),
                col(Columns.PYRAMID_TIER).as(prefix + "tier"),
                col(Columns.PORTFOLIO_QUADRANT).as(prefix + "quad"),
                stage(table).as(prefix + "stage"),
                col(Columns.TRAILING_VALUE).cast("decimal(18,4)").as(prefix + "value")));
    cols.addAll(Arrays.asList(more));
    return table.select(cols.toArray(Column[]::new));
  }

  /** One aggregation of the two customer tables joined on customer_id (full outer). */
  public static Flows flows(
      Dataset<Row> previous, LocalDate previousRunDate, Dataset<Row> current, LocalDate runDate) {
    String basis = lostValueBasis(previous);
    Dataset<Row> p = side(previous, "p_", col(basis).cast("decimal(18,4)").as("p_future"));
    Dataset<Row> c = side(current, "c_");
    Column zero = lit(BigDecimal.ZERO).cast("decimal(18,4)");
    List<Row> rows =
        p.join(c, p.col(Columns.CUSTOMER_ID).equalTo(c.col(Columns.CUSTOMER_ID)), "full_outer")
            .groupBy(
                coalesce(col("p_tier"), lit(NEW)),
                coalesce(col("c_tier"), lit(LOST)),
                coalesce(col("p_quad"), lit(NEW)),
                coalesce(col("c_quad"), lit(LOST)),
                coalesce(col("p_stage"), lit(NEW)),
                coalesce(col("c_stage"), lit(LOST)))
            .agg(
                count(lit(1)),
                sum(coalesce(col("p_value"), zero)),
                sum(coalesce(col("c_value"), zero)),
                sum(coalesce(col("p_future"), zero)))
            .collectAsList();
    List<Flow> flows = new ArrayList<>();
    for (Row r : rows) {
      flows.add(
          new Flow(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              r.getString(5),
              r.getLong(6),
              r.getDecimal(7),
              r.getDecimal(8),
              r.getDecimal(9)));
    }
    return new Flows(previousRunDate, runDate, basis, flows);
  }

  /**
   * A customer's lifecycle stage; a table from before the stages existed has none (its customers
   * then count as new to the stage flow).
   */
  private static Column stage(Dataset<Row> customers) {
    return Arrays.asList(customers.columns()).contains(Columns.LIFECYCLE_STAGE)
        ? col(Columns.LIFECYCLE_STAGE)
        : lit(null).cast("string");
  }

  /** One of the three matrices: which segment of a flow is its from and its to. */
  public enum Dimension {
    TIER("pyramid_tier", TIER_FILE, Flow::fromTier, Flow::toTier, ValuePyramid.TIERS),
    QUADRANT(
        "portfolio_quadrant",
        QUADRANT_FILE,
        Flow::fromQuadrant,
        Flow::toQuadrant,
        PortfolioQuadrant.VALUES),
    LIFECYCLE(
        Columns.LIFECYCLE_STAGE,
        LIFECYCLE_FILE,
        Flow::fromStage,
        Flow::toStage,
        LifecycleStage.STAGES);

    private final String column;
    private final String file;
    private final Function<Flow, String> from;
    private final Function<Flow, String> to;
    private final List<String> order;

    Dimension(
        String column,
        String file,
        Function<Flow, String> from,
        Function<Flow, String> to,
        List<String> order) {
      this.column = column;
      this.file = file;
      this.from = from;
      this.to = to;
      this.order = order;
    }

    public String column() {
      return column;
    }

    public String file() {
      return file;
    }

    /** The segments in their display order (without new and lost). */
    public List<String> order() {
      return order;
    }
  }

  public static ReportTable tierMatrix(Flows f, Units units) {
    return matrix(f, Dimension.TIER, units);
  }

  public static ReportTable quadrantMatrix(Flows f, Units units) {
    return matrix(f, Dimension.QUADRANT, units);
  }

  public static ReportTable lifecycleMatrix(Flows f, Units units) {
    return matrix(f, Dimension.LIFECYCLE, units);
  }

  /** The dense matrix of one dimension in long form: every from x to cell, zeros included. */
  public static ReportTable matrix(Flows f, Dimension d, Units units) {
    String dimension = d.column;
    String file = d.file;
    Function<Flow, String> from = d.from;
    Function<Flow, String> to = d.to;
    List<String> order = d.order;
    Set<String> froms = new LinkedHashSet<>();
    froms.add(NEW);
    froms.addAll(order);
    Set<String> tos = new LinkedHashSet<>(order);
    f.flows().forEach(x -> froms.add(from.apply(x)));
    f.flows().forEach(x -> tos.add(to.apply(x)));
    tos.remove(LOST);
    tos.add(LOST);
    Map<String, Cell> cells = new LinkedHashMap<>();
    Map<String, Long> rowTotals = new LinkedHashMap<>();
    for (Flow x : f.flows()) {
      cells.merge(from.apply(x) + "\u0000" + to.apply(x), Cell.of(x), Cell::plus);
      rowTotals.merge(from.apply(x), x.customers(), Long::sum);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (String a : froms) {
      for (String b : tos) {
        Cell x = cells.getOrDefault(a + "\u0000" + b, Cell.EMPTY);
        rows.add(
            Arrays.asList(
                dimension,
                f.previousRunDate().toString(),
                a,
                b,
                x.customers(),
                SummaryReports.share(x.customers(), rowTotals.getOrDefault(a, 0L)),
                x.valuePrevious(),
                x.valueCurrent(),
                Measure.TRAILING_VALUE.label(units),
                MeasureColumns.currency(units)));
      }
    }
    return new ReportTable(
        file, "Migration of " + dimension + " since " + f.previousRunDate(), COLUMNS, rows);
  }

  /** Customers and their value in one from x to cell. */
  private record Cell(long customers, BigDecimal valuePrevious, BigDecimal valueCurrent) {

    static final Cell EMPTY = new Cell(0, BigDecimal.ZERO, BigDecimal.ZERO);

    static Cell of(Flow x) {
      return new Cell(x.customers(), x.valuePrevious(), x.valueCurrent());
    }

    Cell plus(Cell o) {
      return new Cell(
          customers + o.customers,
          valuePrevious.add(o.valuePrevious),
          valueCurrent.add(o.valueCurrent));
    }
  }

  /** The report's movement section: the tier and quadrant matrices (non-zero cells). */
  public static Migration html(Flows f) {
    return new Migration(
        f.previousRunDate(), flowMatrix(f, Dimension.TIER), flowMatrix(f, Dimension.QUADRANT));
  }

  /** One dimension's non-zero from x to cells, for the report. */
  public static FlowMatrix flowMatrix(Flows f, Dimension d) {
    Map<String, Long> cells = new LinkedHashMap<>();
    for (Flow x : f.flows()) {
      cells.merge(d.from.apply(x) + "\u0000" + d.to.apply(x), x.customers(), Long::sum);
    }
    List<FlowMatrix.Cell> out = new ArrayList<>();
    cells.forEach(
        (k, n) -> {
          String[] parts = k.split("\u0000");
          if (n > 0) {
            out.add(new FlowMatrix.Cell(parts[0], parts[1], n));
          }
        });
    return new FlowMatrix(out);
  }
}
