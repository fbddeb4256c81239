package org.custseg.report;

import static org.custseg.report.ColumnSpec.Kind.BOOLEAN;
import static org.custseg.report.ColumnSpec.Kind.INTEGER;
import static org.custseg.report.ColumnSpec.Kind.MONEY;
import static org.custseg.report.ColumnSpec.Kind.NUMBER;
import static org.custseg.report.ColumnSpec.Kind.RATIO;
import static org.custseg.report.ColumnSpec.Kind.TEXT;
import static org.custseg.report.ColumnSpec.of;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custseg.report.html.Churn;
import org.custseg.report.html.Units;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.segmentation.ValuePyramid;

/**
 * Churn and retention between the previous completed run and this one (domain.md section 7), per
 * pyramid tier and per portfolio quadrant of the previous run, plus all active customers.
 *
 * <p>The group is the previous run's <em>active</em> customers of a tier or quadrant (the inactive
 * tier is already lost, so it has no row). A customer is lost when they are {@code inactive} now
 * (or absent now). With N = customers at the previous run, M = lost: retention = (N - M) / N; lost
 * per year = M x 365.25 / days between the runs; the group's expected life T = N / lost per year
 * (years; empty when nobody was lost). The value lost is the lost customers' expected value at the
 * previous run over the CLV horizon ({@code clv}, when the table has it), otherwise their trailing
 * value at the previous run; {@code value_lost_basis} names the column.
 */
public final class ChurnSummary {

  public static final String FILE = "churn_summary.csv";
  public static final String ALL_ACTIVE = "all_active";

  public static final List<ColumnSpec> COLUMNS =
      List.of(
          of(
              "dimension",
              TEXT,
              "",
              "pyramid_tier, portfolio_quadrant, or all (every customer "
                  + "active at the previous run)."),
          of("segment", TEXT, "", "Tier or quadrant at the previous run; all_active for all."),
          of("previous_run_date", TEXT, "yyyy-MM-dd", "The previous completed run."),
          of(
              "days_between",
              INTEGER,
              "days",
              "Days from the previous run date to this one (the same as window_days)."),
          of(
              "customers_previous",
              INTEGER,
              "customers",
              "N: active customers of the segment at the previous run."),
          of(
              "customers_lost",
              INTEGER,
              "customers",
              "M: of those, customers inactive (or absent) at this run."),
          of("retention_rate", RATIO, "0-1", "(N - M) / N."),
          of("churn_rate", RATIO, "0-1", "M / N over the period between the runs."),
          of(
              "lost_per_year",
              NUMBER,
              "customers/year",
              "M x 365.25 / days_between; empty when the window is not annualised."),
          of(
              "expected_life_years",
              NUMBER,
              "years",
              "T = N / lost_per_year: the group's expected life; empty when M = 0 or when the "
                  + "window is not annualised (expected_life_note says why)."),
          of(
              "value_lost",
              MONEY,
              "currency",
              "Sum over the lost customers of value_lost_basis at the previous run."),
          of(
              "value_lost_basis",
              TEXT,
              "",
              "clv when the previous table had it, else trailing_value."),
          of(
              "window_days",
              INTEGER,
              "days",
              "The window the rates are measured on: days between the two runs."),
          of(
              "annualised",
              BOOLEAN,
              "",
              "Whether lost_per_year and expected_life_years are given: false when window_days is "
                  + "below segmentation.report.min-churn-window-days (default 28), since a few "
                  + "days' movement says little about a year. The raw counts and rates stand."),
          of(
              "expected_life_note",
              TEXT,
              "",
              "Why expected_life_years is empty: not annualised: window of N day(s) is too short;"
                  + " or no customer lost in the window."),
          MeasureColumns.wordsFor("value_lost_measure", "value_lost"),
          MeasureColumns.CURRENCY);

  public static final DataDictionary.FileSpec FILE_SPEC =
      new DataDictionary.FileSpec(
          "reports/run_date=D/" + FILE,
          "Customers lost (gone inactive) since the previous completed run, retention, value lost "
              + "and expected life, per previous tier and quadrant; written only when there is a "
              + "previous run.",
          COLUMNS);

  private ChurnSummary() {}

  /**
   * @param minWindowDays a shorter window is not annualised ({@code
   *     segmentation.report.min-churn-window-days})
   */
  public static ReportTable table(MigrationReports.Flows f, Units units, int minWindowDays) {
    Window w = window(f, minWindowDays);
    List<List<Object>> rows = new ArrayList<>();
    for (Churn.Row r : groups(f, w)) {
      rows.add(
          Arrays.asList(
              r.dimension(),
              r.segment(),
              f.previousRunDate().toString(),
              w.days(),
              r.customersPrevious(),
              r.customersLost(),
              r.retention(),
              r.customersPrevious() == 0
                  ? null
                  : (double) r.customersLost() / r.customersPrevious(),
              r.lostPerYear(),
              r.lifeYears(),
              r.valueLost(),
              f.lostValueBasis(),
              w.days(),
              w.annualised(),
              w.annualised()
                  ? (r.customersLost() == 0 ? "no customer lost in the window" : null)
                  : w.note(),
              Measure.labelOf(f.lostValueBasis(), units),
              MeasureColumns.currency(units)));
    }
    return new ReportTable(FILE, "Churn since " + f.previousRunDate(), COLUMNS, rows);
  }

  /** The report's churn section: the same groups and figures as the file. */
  public static Churn html(MigrationReports.Flows f, int minWindowDays) {
    Window w = window(f, minWindowDays);
    return new Churn(
        f.previousRunDate(), w.days(), w.annualised(), f.lostValueBasis(), groups(f, w));
  }

  private static Window window(MigrationReports.Flows f, int minWindowDays) {
    return new Window(ChronoUnit.DAYS.between(f.previousRunDate(), f.runDate()), minWindowDays);
  }

  /** Per previous tier, quadrant, and all: N, M, retention, lost per year, T, value lost. */
  static List<Churn.Row> groups(MigrationReports.Flows f, Window w) {
    List<MigrationReports.Flow> active =
        f.flows().stream()
            .filter(
                x ->
                    !x.fromTier().equals(MigrationReports.NEW)
                        && !x.fromTier().equals(ValuePyramid.INACTIVE))
            .toList();
    List<Churn.Row> rows = new ArrayList<>();
    add(
        rows,
        "pyramid_tier",
        active,
        MigrationReports.Flow::fromTier,
        ValuePyramid.TIERS.subList(0, 4),
        w);
    add(
        rows,
        "portfolio_quadrant",
        active,
        MigrationReports.Flow::fromQuadrant,
        PortfolioQuadrant.QUADRANTS,
        w);
    add(rows, "all", active, x -> ALL_ACTIVE, List.of(ALL_ACTIVE), w);
    return rows;
  }

  private static boolean lost(MigrationReports.Flow x) {
    return x.toTier().equals(ValuePyramid.INACTIVE) || x.toTier().equals(MigrationReports.LOST);
  }

  private static void add(
      List<Churn.Row> rows,
      String dimension,
      List<MigrationReports.Flow> flows,
      Function<MigrationReports.Flow, String> key,
      List<String> order,
      Window w) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, BigDecimal> value = new LinkedHashMap<>();
    order.forEach(k -> counts.put(k, new long[2]));
    for (MigrationReports.Flow x : flows) {
      long[] c = counts.computeIfAbsent(key.apply(x), k -> new long[2]);
      c[0] += x.customers();
      if (lost(x)) {
        c[1] += x.customers();
        value.merge(key.apply(x), x.lostValuePrevious(), BigDecimal::add);
      }
    }
    counts.forEach(
        (segment, c) -> {
          long n = c[0];
          long m = c[1];
          Double perYear = w.annualised() ? m * 365.25 / w.days() : null;
          Double life = perYear == null || m == 0 ? null : n / perYear;
          rows.add(
              new Churn.Row(
                  dimension,
                  segment,
                  n,
                  m,
                  n == 0 ? null : (double) (n - m) / n,
                  perYear,
                  life,
                  value.getOrDefault(segment, BigDecimal.ZERO)));
        });
  }

  /**
   * The period the churn is measured on, and whether it is long enough to annualise.
   *
   * @param days days between the two runs
   * @param minDays the shortest window that is annualised
   */
  public record Window(long days, int minDays) {

    public boolean annualised() {
      return days >= minDays && days > 0;
    }

    /** Why the life is not annualised, in the words the CSV and the report use. */
    public String note() {
      return "not annualised: window of " + days + " day(s) is too short";
    }
  }
}
