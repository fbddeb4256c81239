package org.custseg.report;

import static org.custseg.report.ColumnSpec.Kind.BOOLEAN;
import static org.custseg.report.ColumnSpec.Kind.DATE;
import static org.custseg.report.ColumnSpec.Kind.INTEGER;
import static org.custseg.report.ColumnSpec.Kind.MONEY;
import static org.custseg.report.ColumnSpec.Kind.NUMBER;
import static org.custseg.report.ColumnSpec.Kind.TEXT;
import static org.custseg.report.ColumnSpec.of;

import java.util.ArrayList;
import java.util.List;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;
import org.custseg.schema.QuarantineReason;

/**
 * Every output file's columns with type, unit and meaning: the one place they are defined. The
 * writers take their column lists from here and {@code data_dictionary.csv} is generated from it,
 * so the documentation cannot drift from the files.
 */
public final class DataDictionary {

  public static final String CUSTOMERS_FILE = "customers.csv";

  /** The customer table (Parquet and customers.csv), in its stable column order. */
  public static final List<ColumnSpec> CUSTOMERS =
      List.of(
          of(Columns.CUSTOMER_ID, TEXT, "", "Customer id as in the exports."),
          of(
              Columns.RUN_DATE,
              DATE,
              "",
              "Business date of the run (as-of date); the Parquet partition."),
          of(Columns.FIRST_PURCHASE_DATE, DATE, "", "Date of the customer's first purchase order."),
          of(Columns.LAST_PURCHASE_DATE, DATE, "", "Date of the customer's latest purchase order."),
          of(Columns.RECENCY_DAYS, INTEGER, "days", "Days from the last purchase to the run date."),
          of(
              Columns.FREQUENCY,
              INTEGER,
              "orders",
              "Distinct purchase orders (net amount > 0); refunds never count."),
          ColumnSpec.measure(
              Measure.MONETARY_TOTAL,
              "All purchases minus refunds and cancellations, up to the run date."),
          of(Columns.MONETARY_AVG, MONEY, "currency", "monetary_total / frequency."),
          of(
              Columns.R_SCORE,
              INTEGER,
              "1-5",
              "Recency quintile score over active customers, 5 = most recent (ties share a score)."),
          of(Columns.F_SCORE, INTEGER, "1-5", "Frequency quintile score, 5 = most orders."),
          of(Columns.M_SCORE, INTEGER, "1-5", "Monetary (net spend) quintile score, 5 = highest."),
          of(
              Columns.RFM_SEGMENT,
              TEXT,
              "",
              "Named RFM segment of the R-F-M code (segmentation.rfm.segments)."),
          of(
              Columns.P_ALIVE,
              NUMBER,
              "0..1",
              "Probability that the customer is still active (the chosen transaction model: "
                  + "BG/NBD, MBG/NBD or Pareto/NBD; empirical fallback exp(-recency x historical "
                  + "rate) when no model is used)."),
          of(
              Columns.EXPECTED_PURCHASES,
              NUMBER,
              "purchases",
              "Expected purchase days in the next period (segmentation.value.period-days, default "
                  + "one month)."),
          of(
              Columns.EXPECTED_SPEND,
              MONEY,
              "currency",
              "Expected spend per purchase: Gamma-Gamma conditional mean of the net repeat spend "
                  + "(refunds netted; the population mean for one-time buyers and for repeat "
                  + "buyers whose net repeat spend is at or below 0); monetary_avg when the spend "
                  + "model is not used."),
          ColumnSpec.measure(
              Measure.HISTORICAL_VALUE,
              "Historical value: net spend to date (= monetary_total). The first part of "
                  + "customer_value."),
          ColumnSpec.measure(
              Measure.CURRENT_OPPORTUNITY,
              "Current opportunity: expected_purchases_next_period x expected_spend, the next "
                  + "period (segmentation.value.period-days, default one month), undiscounted. "
                  + "The second part of customer_value."),
          ColumnSpec.measure(
              Measure.FUTURE_VALUE,
              "Future value: the discounted expected spend over the rest of the horizon after "
                  + "the next period (default months 2 to 12): clv minus the next period's "
                  + "discounted part. The third part of customer_value."),
          ColumnSpec.measure(
              Measure.CLV,
              "Customer lifetime value: expected purchases month by month over the whole horizon "
                  + "(segmentation.value.horizon-months) x expected_spend, discounted monthly "
                  + "(monthly-discount-rate d). current_opportunity + future_value = clv + "
                  + "current_opportunity x (1 - 1 / (1 + d))."),
          ColumnSpec.measure(
              Measure.CUSTOMER_VALUE,
              "Net spend to date, the next period and the rest of the horizon, each month counted "
                  + "once; the pyramid's value axis by default (segmentation.value.pyramid-axis)."),
          of(
              Columns.VALUE_RANK,
              INTEGER,
              "rank",
              "1 = most valuable. Active customers first, by the pyramid's value axis (descending; "
                  + "customer_value, or trailing_value as configured or as the fallback), ties by "
                  + "customer id; inactive customers after them."),
          of(
              Columns.PYRAMID_TIER,
              TEXT,
              "",
              "Value-pyramid tier: vip (top 1% of active customers by value_rank), key (next 4%), "
                  + "medium (next 15%), small (the rest), inactive (no purchase in the activity "
                  + "window). Shares from segmentation.pyramid."),
          of(
              Columns.PORTFOLIO_QUADRANT,
              TEXT,
              "",
              "Active customers: star (high value, high growth), cash_cow (high value, low "
                  + "growth), question_mark (low value, high growth), dog (both low); inactive (no "
                  + "purchase in the activity window) for the others. Axes and thresholds in "
                  + "portfolio_matrix.csv."),
          of(
              Columns.LIFECYCLE_STAGE,
              TEXT,
              "",
              "exploration, formation, stability or decline (segmentation.lifecycle; first match "
                  + "wins). decline: a repeat buyer with recency_days > overdue-factor (2) x "
                  + "max(typical_gap_days, min-gap-days (30)), a one-time buyer whose purchase is "
                  + "exploration-days (90) old or older, or p_alive < decline-p-alive (0.3) when "
                  + "p_alive is present; exploration: frequency 1 or tenure_days < exploration-days; "
                  + "stability: frequency - 1 >= stability-min-repeats (3), tenure_days >= "
                  + "stability-min-tenure-days (180) and p_alive >= stability-min-p-alive (0.7) when "
                  + "present; formation: any other repeat buyer. See docs/segments.md."),
          of(
              Columns.CLUSTER_ID,
              INTEGER,
              "0..k-1",
              "Behavioural cluster: nearest k-means centre (Smile) of the standardised signed-log1p "
                  + "recency_days, frequency, monetary_total, tenure_days (plus p_alive and clv when "
                  + "present); 0 = largest cluster in the fitting sample. Profiles and labels in "
                  + "cluster_profiles.csv."),
          of(
              Columns.RELATIONSHIP_LEVEL,
              TEXT,
              "",
              "basic, reactive, accountable, proactive or partnership: the recommended level of the "
                  + "customer's pyramid tier, from the tier's size band and margin band "
                  + "(segmentation.relationship; see segment_summary.csv and docs/segments.md)."),
          of(Columns.TENURE_DAYS, INTEGER, "days", "Days from the first purchase to the run date."),
          of(
              Columns.REFUND_TOTAL,
              MONEY,
              "currency",
              "Sum of refund and cancellation orders (positive)."),
          ColumnSpec.measure(
              Measure.TRAILING_VALUE,
              "The trailing window (segmentation.portfolio.trailing-days) ends on the run date. "
                  + "The portfolio quadrant's value axis (segmentation.portfolio.value-axis), and "
                  + "the pyramid's when the value models are not used (portfolio_matrix.csv names "
                  + "the axes a run used)."),
          of(
              Columns.SPEND_RECENT_HALF,
              MONEY,
              "currency",
              "Net spend in the later half of the trailing window."),
          of(
              Columns.SPEND_PREVIOUS_HALF,
              MONEY,
              "currency",
              "Net spend in the earlier half of the trailing window."),
          ColumnSpec.measure(
              Measure.GROWTH_RATE,
              "(spend_recent_half - spend_previous_half) / (|spend_recent_half| + "
                  + "|spend_previous_half|); 0 when both are 0. The quadrant's growth axis without "
                  + "the value models."),
          of(
              Columns.IS_ACTIVE,
              BOOLEAN,
              "",
              "Whether the last purchase lies within the activity window (default 365 days)."),
          of(Columns.RFM_CODE, INTEGER, "", "r_score * 100 + f_score * 10 + m_score."),
          of(
              Columns.TYPICAL_GAP_DAYS,
              NUMBER,
              "days",
              "The customer's typical gap between purchases: (last_purchase_date - "
                  + "first_purchase_date) / (frequency - 1); empty for one-time buyers."),
          of(
              Columns.LIFETIME_PROFIT,
              MONEY,
              "currency",
              "margin rate x (historical_value + clv) - acquisition cost "
                  + "(segmentation.value.margin-rate, acquisition-cost; assumptions in the manifest)."),
          ColumnSpec.measure(
              Measure.PREDICTED_GROWTH,
              "(clv - trailing_value) / (|clv| + |trailing_value|); 0 when both are 0. The "
                  + "quadrant's growth axis by default (segmentation.value.growth-axis)."));

  /** The quarantine CSV: rows set aside, with where they came from and why. */
  public static final List<ColumnSpec> QUARANTINE =
      List.of(
          of(Columns.SOURCE_FILE, TEXT, "", "Export file the row came from."),
          of(
              Columns.LINE_NUMBER,
              INTEGER,
              "line",
              "1-based line number in that file (header = 1); "
                  + "for Parquet exports the 1-based row number."),
          of(
              Columns.REASON,
              TEXT,
              "",
              "Reason code: "
                  + java.util.Arrays.stream(QuarantineReason.values())
                      .map(QuarantineReason::code)
                      .collect(java.util.stream.Collectors.joining(", "))
                  + " (see docs/ingest.md); or "
                  + "duplicate (counted in duplicate_rows, not in quarantined_rows)."),
          of(Columns.DETAIL, TEXT, "", "What was wrong, e.g. the offending value."),
          of(Columns.RAW_LINE, TEXT, "", "The original line as decoded."));

  /** An output file and its columns. */
  public record FileSpec(String fileName, String description, List<ColumnSpec> columns) {}

  private DataDictionary() {}

  /** Every output file described by the dictionary, in the order the README lists them. */
  public static List<FileSpec> files() {
    List<FileSpec> files = new ArrayList<>();
    files.add(
        new FileSpec(
            "customers/run_date=D/*.parquet and reports/run_date=D/customers.csv",
            "One row per customer with a purchase up to the run date: features, scores, segments.",
            CUSTOMERS));
    files.addAll(SummaryReports.FILES);
    files.add(ClusterProfiles.FILE_SPEC);
    files.addAll(MigrationReports.FILES);
    files.add(ChurnSummary.FILE_SPEC);
    files.add(SegmentBreakdown.FILE_SPEC);
    files.add(ActionLists.FILE_SPEC);
    files.add(
        new FileSpec(
            "quarantine/run_date=D/quarantine.csv (and Parquet)",
            "Input rows set aside, and duplicates, with the reason.",
            QUARANTINE));
    files.add(new FileSpec("reports/run_date=D/" + FILE, "This dictionary.", DICTIONARY));
    return files;
  }

  /** Columns of data_dictionary.csv itself. */
  /** The dictionary's own file name in the reports directory. */
  public static final String FILE = "data_dictionary.csv";

  public static final List<ColumnSpec> DICTIONARY =
      List.of(
          of("file", TEXT, "", "Output file."),
          of("column", TEXT, "", "Column name."),
          of("type", TEXT, "", "Type as written."),
          of("unit", TEXT, "", "Unit or range."),
          of("description", TEXT, "", "Meaning."));

  /**
   * The dictionary as a report table ({@code data_dictionary.csv}): amounts in the run's reporting
   * currency, measures with the run's windows.
   */
  public static ReportTable table(Units units) {
    List<List<Object>> rows = new ArrayList<>();
    for (FileSpec f : files()) {
      for (ColumnSpec c : f.columns()) {
        rows.add(
            List.of(
                f.fileName(), c.name(), c.kind().typeName(), c.unit(units), c.description(units)));
      }
    }
    return new ReportTable(FILE, "The data dictionary.", DICTIONARY, rows);
  }

  /**
   * The dictionary as Markdown, for {@code docs/data-dictionary.md}: the windows of {@code units}
   * (the defaults) and any reporting currency.
   */
  public static String markdown(Units units) {
    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary\n\n")
        .append("Generated from `org.custseg.report.DataDictionary` (the single source of the ")
        .append("output columns); a test fails when this page and the code disagree. Each run ")
        .append("also writes it as `reports/run_date=D/data_dictionary.csv`.\n\n")
        .append("Types as written: money is a decimal written with exactly two places; ratios ")
        .append("with four, other measures with six; never scientific notation. Dates are ")
        .append("ISO-8601 (`yyyy-MM-dd`). In Parquet, money is `decimal(18,4)`, dates `DATE`, ")
        .append("counts and scores `INT`/`BIGINT`, ratios and measures `DOUBLE`.\n\n")
        .append("Amounts are in the run's reporting currency: each run's `data_dictionary.csv` ")
        .append("names it in the unit column, and the summary files carry it in a `currency` ")
        .append("column. The windows below (trailing days, CLV horizon) are the defaults; a run ")
        .append("writes its own.\n");
    for (FileSpec f : files()) {
      md.append("\n## ")
          .append(f.fileName())
          .append("\n\n")
          .append(f.description())
          .append("\n\n| column | type | unit | meaning |\n|---|---|---|---|\n");
      for (ColumnSpec c : f.columns()) {
        md.append("| `")
            .append(c.name())
            .append("` | ")
            .append(c.kind().typeName())
            .append(" | ")
            .append(c.unit(units))
            .append(" | ")
            .append(c.description(units).replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  public static List<String> customerColumnNames() {
    return CUSTOMERS.stream().map(ColumnSpec::name).toList();
  }
}
