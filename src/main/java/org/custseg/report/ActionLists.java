package org.custseg.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.custseg.report.ColumnSpec.Kind.INTEGER;
import static org.custseg.report.ColumnSpec.Kind.NUMBER;
import static org.custseg.report.ColumnSpec.Kind.TEXT;
import static org.custseg.report.ColumnSpec.of;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.custseg.config.ActionSettings;
import org.custseg.report.html.Actions;
import org.custseg.report.html.ReportLabels;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;
import org.custseg.segmentation.RelationshipLevels;

/**
 * {@code action_lists.csv}: per {@link ActionList}, the customers to act on now, highest priority
 * first, with the reason in words and the action the relationship-marketing theory recommends for
 * their tier or quadrant. Computed in Spark; each list is cut to {@code segmentation.actions.top-n}
 * rows by a window rank (Spark limits each list before its shuffle), and only those rows are
 * written. The P(alive) of the previous completed run comes from its customer table.
 */
public final class ActionLists {

  public static final String FILE = "action_lists.csv";

  private static final ReportLabels ENGLISH = ReportLabels.forLanguageTag("en");
  private static final String LIST_INDEX = "_list_index";

  /** The figures of the reason's words, for the report (not written to the file). */
  private static final String REASON_ARGS = "_reason_args";

  public static final List<ColumnSpec> COLUMNS =
      List.of(
          of(
              "list",
              TEXT,
              "",
              "vip_key_slipping, rising_question_marks, at_risk_high_value or win_back "
                  + "(segmentation.actions; docs/report.md)."),
          of("priority", INTEGER, "rank", "1 = act first, within the list."),
          of(Columns.CUSTOMER_ID, TEXT, "", "Customer id as in the exports."),
          of(Columns.PYRAMID_TIER, TEXT, "", "The customer's tier at this run."),
          of(Columns.PORTFOLIO_QUADRANT, TEXT, "", "The customer's quadrant at this run."),
          of(Columns.LIFECYCLE_STAGE, TEXT, "", "The customer's lifecycle stage at this run."),
          of(Columns.RECENCY_DAYS, INTEGER, "days", "Days from the last purchase to the run date."),
          of(Columns.P_ALIVE, NUMBER, "0..1", "P(alive) at this run."),
          of(
              ActionList.P_ALIVE_PREVIOUS,
              NUMBER,
              "0..1",
              "P(alive) at the previous completed run; empty without one, or for a customer who "
                  + "was not in its table."),
          ColumnSpec.measure(Measure.HISTORICAL_VALUE, ""),
          ColumnSpec.measure(Measure.CUSTOMER_VALUE, ""),
          ColumnSpec.measure(Measure.CLV, ""),
          ColumnSpec.measure(Measure.PREDICTED_GROWTH, ""),
          of(
              "reason_code",
              TEXT,
              "",
              "Stable code of the reason: p_alive_fell, p_alive_low_no_previous, rising, decline, "
                  + "p_alive_low, lapsed."),
          of("reason", TEXT, "", "Why the customer is on the list, in words with the figures."),
          of(
              Columns.RELATIONSHIP_LEVEL,
              TEXT,
              "",
              "The relationship level of the customer's tier (vip_key_slipping, "
                  + "at_risk_high_value, win_back) or quadrant (rising_question_marks)."),
          of("marketing_depth", TEXT, "", "The relationship-marketing depth of that segment."),
          of(
              "recommended_action",
              TEXT,
              "",
              "What the level and depth recommend (domain.md section 7), e.g. Accountable: call "
                  + "after the sale to check; Social bonds: a customer club, personal contact."),
          of(
              "customers_in_list",
              INTEGER,
              "customers",
              "Customers who qualify for the list before the top-n cut."),
          MeasureColumns.CURRENCY);

  public static final DataDictionary.FileSpec FILE_SPEC =
      new DataDictionary.FileSpec(
          "reports/run_date=D/" + FILE,
          "Customers to act on now: one row per customer per list, ordered by list then priority, "
              + "at most segmentation.actions.top-n per list. vip_key_slipping compares with the "
              + "previous completed run when there is one.",
          COLUMNS);

  private ActionLists() {}

  /**
   * The rows of the file, ordered by list then priority (columns as {@link #COLUMNS}).
   *
   * @param current this run's customer table
   * @param previous the previous completed run's customer table, or {@code null}
   * @param previousRunDate its run date, or {@code null}
   * @param recommendations per segmentation column (pyramid_tier, portfolio_quadrant), the
   *     recommendation of each segment
   */
  public static Dataset<Row> rows(
      Dataset<Row> current,
      Dataset<Row> previous,
      LocalDate previousRunDate,
      ActionSettings settings,
      int activityWindowDays,
      Map<String, Map<String, RelationshipLevels.Recommendation>> recommendations,
      Units units) {
    ActionList.Rules rules =
        new ActionList.Rules(
            settings, activityWindowDays, previous == null ? null : previousRunDate);
    Dataset<Row> base = withPreviousPAlive(current, previous);
    Dataset<Row> candidates = null;
    for (ActionList list : ActionList.values()) {
      Dataset<Row> one = candidates(base, list, rules, recommendations.get(list.segmentColumn()));
      candidates = candidates == null ? one : candidates.unionByName(one);
    }
    Dataset<Row> sizes = candidates.groupBy(col("list")).agg(count(lit(1)).as("customers_in_list"));
    Column rank =
        row_number()
            .over(
                Window.partitionBy(col("list"))
                    .orderBy(
                        col("_p1").desc_nulls_last(),
                        col("_p2").desc_nulls_last(),
                        col(Columns.CUSTOMER_ID)));
    Dataset<Row> top =
        candidates
            .withColumn("priority", rank)
            .where(col("priority").leq(settings.topN()))
            .join(sizes, "list")
            .withColumn("currency", lit(MeasureColumns.currency(units)))
            .orderBy(col(LIST_INDEX), col("priority"));
    List<Column> out = new ArrayList<>(COLUMNS.stream().map(c -> col(c.name())).toList());
    out.add(col(REASON_ARGS));
    return top.select(out.toArray(Column[]::new));
  }

  /** The customer table with the previous run's P(alive) (null without a previous run). */
  private static Dataset<Row> withPreviousPAlive(Dataset<Row> current, Dataset<Row> previous) {
    if (previous == null || !Arrays.asList(previous.columns()).contains(Columns.P_ALIVE)) {
      return current.withColumn(ActionList.P_ALIVE_PREVIOUS, lit(null).cast("double"));
    }
    Dataset<Row> p =
        previous.select(
            col(Columns.CUSTOMER_ID).as("_prev_id"),
            col(Columns.P_ALIVE).cast("double").as(ActionList.P_ALIVE_PREVIOUS));
    return current
        .join(p, current.col(Columns.CUSTOMER_ID).equalTo(p.col("_prev_id")), "left")
        .drop("_prev_id");
  }

  /** The customers on one list, with its reason, recommendation and priority keys. */
  private static Dataset<Row> candidates(
      Dataset<Row> base,
      ActionList list,
      ActionList.Rules rules,
      Map<String, RelationshipLevels.Recommendation> recommendations) {
    Column segment = col(list.segmentColumn());
    Column level = lit(null).cast("string");
    Column depth = lit(null).cast("string");
    Column action = lit(null).cast("string");
    for (RelationshipLevels.Recommendation r : recommendations.values()) {
      Column mine = segment.equalTo(r.segment());
      level = when(mine, lit(r.level())).otherwise(level);
      depth = when(mine, lit(r.depth())).otherwise(depth);
      action = when(mine, lit(ENGLISH.recommendedAction(r.level(), r.depth()))).otherwise(action);
    }
    List<Column> priority = list.priority();
    return base.where(list.qualifies(rules))
        .withColumn("reason_code", list.reason(rules))
        .select(
            lit(list.code()).as("list"),
            lit(list.ordinal()).as(LIST_INDEX),
            col(Columns.CUSTOMER_ID),
            col(Columns.PYRAMID_TIER),
            col(Columns.PORTFOLIO_QUADRANT),
            col(Columns.LIFECYCLE_STAGE),
            col(Columns.RECENCY_DAYS),
            col(Columns.P_ALIVE),
            col(ActionList.P_ALIVE_PREVIOUS),
            col(Columns.HISTORICAL_VALUE),
            col(Columns.CUSTOMER_VALUE),
            col(Columns.CLV),
            col(Columns.PREDICTED_GROWTH),
            col("reason_code"),
            words(rules).as("reason"),
            arguments(rules).as(REASON_ARGS),
            level.as(Columns.RELATIONSHIP_LEVEL),
            depth.as("marketing_depth"),
            action.as("recommended_action"),
            priority.get(0).cast("double").as("_p1"),
            priority.get(1).cast("double").as("_p2"));
  }

  /** The reason in English words: the catalogue's sentence for the row's reason code. */
  private static Column words(ActionList.Rules rules) {
    Column out = lit(null).cast("string");
    for (ActionList.Reason reason : ActionList.Reason.values()) {
      out =
          when(
                  col("reason_code").equalTo(reason.code()),
                  format_string(
                      formatPattern(ENGLISH.text(reason.key())),
                      reason.arguments(rules).toArray(Column[]::new)))
              .otherwise(out);
    }
    return out;
  }

  /** The figures of the row's reason, as text. */
  private static Column arguments(ActionList.Rules rules) {
    Column out = array().cast("array<string>");
    for (ActionList.Reason reason : ActionList.Reason.values()) {
      out =
          when(
                  col("reason_code").equalTo(reason.code()),
                  array(reason.arguments(rules).toArray(Column[]::new)))
              .otherwise(out);
    }
    return out;
  }

  /**
   * A message-catalogue pattern ({@code {0}} placeholders, {@code ''} for a quote) as a {@code
   * format_string} pattern ({@code %1$s}, a literal {@code %} doubled).
   */
  static String formatPattern(String messagePattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < messagePattern.length(); i++) {
      char c = messagePattern.charAt(i);
      if (c == '{') {
        int end = messagePattern.indexOf('}', i);
        out.append('%').append(Integer.parseInt(messagePattern.substring(i + 1, end)) + 1);
        out.append("$s");
        i = end;
      } else if (c == '%') {
        out.append("%%");
      } else if (c == '\''
          && i + 1 < messagePattern.length()
          && messagePattern.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The report's section: every list with the customers who qualify, and its first {@code perList}
   * rows (collected: at most four lists x {@code perList} rows).
   *
   * @param rows the rows of the file ({@link #rows})
   */
  public static Actions html(Dataset<Row> rows, ActionSettings settings, int perList) {
    List<Row> top =
        rows.where(col("priority").leq(perList))
            .orderBy(col("list"), col("priority"))
            .collectAsList();
    List<Actions.Row> out = new ArrayList<>();
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (ActionList list : ActionList.values()) {
      sizes.put(list.code(), 0L);
    }
    for (Row r : top) {
      sizes.put(r.getAs("list"), r.<Long>getAs("customers_in_list"));
      out.add(
          new Actions.Row(
              r.getAs("list"),
              r.<Integer>getAs("priority"),
              r.getAs(Columns.CUSTOMER_ID),
              r.getAs(Columns.PYRAMID_TIER),
              r.getAs(Columns.PORTFOLIO_QUADRANT),
              r.getAs(Columns.LIFECYCLE_STAGE),
              r.getAs(Columns.P_ALIVE),
              r.getAs(ActionList.P_ALIVE_PREVIOUS),
              r.getAs(Columns.CUSTOMER_VALUE),
              r.getAs(Columns.CLV),
              r.getAs("reason_code"),
              r.isNullAt(r.fieldIndex(REASON_ARGS))
                  ? List.of()
                  : r.<String>getList(r.fieldIndex(REASON_ARGS)),
              r.getAs(Columns.RELATIONSHIP_LEVEL),
              r.getAs("marketing_depth")));
    }
    out.sort(
        java.util.Comparator.comparingInt((Actions.Row x) -> order(x.list()))
            .thenComparingInt(Actions.Row::priority));
    List<Actions.ListSize> lists = new ArrayList<>();
    sizes.forEach((list, n) -> lists.add(new Actions.ListSize(list, n)));
    return new Actions(settings.pAliveThreshold(), settings.topN(), perList, lists, out);
  }

  private static int order(String list) {
    for (ActionList l : ActionList.values()) {
      if (l.code().equals(list)) {
        return l.ordinal();
      }
    }
    return ActionList.values().length;
  }
}
