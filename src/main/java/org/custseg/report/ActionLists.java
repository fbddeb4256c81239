package org.custseg.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
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
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.custseg.config.ActionSettings;
import org.custseg.report.html.Actions;
import org.custseg.report.html.ReportLabels;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.segmentation.ValuePyramid;

/**
 * {@code action_lists.csv}: per {@link ActionList}, the customers to act on now, highest priority
 * first, with the reason in words and the action the relationship-marketing theory recommends for
 * their tier or quadrant. Computed in Spark; each list is cut to {@code segmentation.actions.top-n}
 * rows in Spark (a bounded heap per list, or a window rank above {@link #MAX_BY_K}), and only those
 * rows are written. The P(alive) of the previous completed run comes from its customer table.
 */
public final class ActionLists {

  public static final String FILE = "action_lists.csv";

  private static final ReportLabels ENGLISH = ReportLabels.forLanguageTag("en");
  static final String LIST_INDEX = "_list_index";

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
   * <p>One pass over this run's customer table finds the lists each customer qualifies for (a
   * customer row becomes one row per list it is on, with only the columns the lists read); one
   * aggregation gives each list's size and its top-n rows ({@link #cutByAggregate}). With a
   * previous run, only the customers who could be slipping (vip or key, below the threshold now)
   * are joined with the previous table for {@code vip_key_slipping}, and the rows left after the
   * cut get their previous P(alive) from it by a semi-join on their ids: the two customer tables
   * are never joined in full. The reason's words and the recommendation are computed on the rows
   * left after the cut. With a previous run, the rows left after the cut (at most four times top-n)
   * are persisted, for the caller's cache clearing to drop.
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
    Dataset<Row> previousPAlive =
        previous == null || !Arrays.asList(previous.columns()).contains(Columns.P_ALIVE)
            ? null
            : previous.select(
                col(Columns.CUSTOMER_ID).as(PREVIOUS_ID),
                col(Columns.P_ALIVE).cast("double").as(ActionList.P_ALIVE_PREVIOUS));
    Dataset<Row> base =
        current
            .select(READ.stream().map(functions::col).toArray(Column[]::new))
            .withColumn(ActionList.P_ALIVE_PREVIOUS, lit(null).cast("double"));

    // The lists that read only this run's table, from one pass over it.
    List<ActionList> single = new ArrayList<>();
    for (ActionList list : ActionList.values()) {
      if (!(list == ActionList.VIP_KEY_SLIPPING && rules.hasPrevious())) {
        single.add(list);
      }
    }
    Column[] memberships =
        single.stream().map(l -> when(l.qualifies(rules), lit(l.ordinal()))).toArray(Column[]::new);
    Dataset<Row> candidates =
        tagged(
            base.withColumn(LIST_INDEX, explode(array_compact(array(memberships)))), single, rules);
    if (rules.hasPrevious()) {
      // vip_key_slipping: the few who could be slipping now, joined with the previous P(alive).
      ActionList slipping = ActionList.VIP_KEY_SLIPPING;
      Dataset<Row> now =
          base.drop(ActionList.P_ALIVE_PREVIOUS)
              .where(
                  col(Columns.PYRAMID_TIER)
                      .isin(ValuePyramid.VIP, ValuePyramid.KEY)
                      .and(rules.belowThreshold()));
      Dataset<Row> joined;
      if (previousPAlive == null) {
        joined = now.withColumn(ActionList.P_ALIVE_PREVIOUS, lit(null).cast("double"));
      } else {
        // The previous table is read in a stream against the ids of those few (broadcast).
        Dataset<Row> was =
            previousPAlive
                .where(col(ActionList.P_ALIVE_PREVIOUS).geq(settings.pAliveThreshold()))
                .join(
                    broadcast(now.select(col(Columns.CUSTOMER_ID).as(PREVIOUS_ID))),
                    PREVIOUS_ID,
                    "left_semi");
        joined =
            now.join(was, now.col(Columns.CUSTOMER_ID).equalTo(was.col(PREVIOUS_ID)))
                .drop(PREVIOUS_ID);
      }
      Dataset<Row> vks =
          tagged(
              joined
                  .where(slipping.qualifies(rules))
                  .withColumn(LIST_INDEX, lit(slipping.ordinal())),
              List.of(slipping),
              rules);
      candidates = vks.unionByName(candidates);
    }
    Dataset<Row> top =
        settings.topN() <= MAX_BY_K
            ? cutByAggregate(candidates, settings.topN())
            : cutByWindow(candidates, settings.topN());
    if (previousPAlive != null) {
      // Read twice below (its ids and its rows): kept, at most four times top-n rows.
      top = top.persist(StorageLevel.MEMORY_AND_DISK());
      // The previous P(alive) of the rows left (at most four times top-n customers).
      Dataset<Row> ids = top.select(col(Columns.CUSTOMER_ID).as(PREVIOUS_ID)).distinct();
      Dataset<Row> known =
          previousPAlive
              .join(broadcast(ids), PREVIOUS_ID, "left_semi")
              .withColumnRenamed(ActionList.P_ALIVE_PREVIOUS, "_p_alive_known");
      top =
          top.join(
                  broadcast(known),
                  top.col(Columns.CUSTOMER_ID).equalTo(known.col(PREVIOUS_ID)),
                  "left")
              .withColumn(
                  ActionList.P_ALIVE_PREVIOUS,
                  coalesce(col(ActionList.P_ALIVE_PREVIOUS), col("_p_alive_known")))
              .drop(PREVIOUS_ID, "_p_alive_known");
    }
    List<Column> out = new ArrayList<>();
    for (ColumnSpec c : COLUMNS) {
      out.add(
          switch (c.name()) {
            case "reason" -> words(rules).as("reason");
            case Columns.RELATIONSHIP_LEVEL ->
                byList(l -> recommendation(l, recommendations, Part.LEVEL), all())
                    .as(Columns.RELATIONSHIP_LEVEL);
            case "marketing_depth" ->
                byList(l -> recommendation(l, recommendations, Part.DEPTH), all())
                    .as("marketing_depth");
            case "recommended_action" ->
                byList(l -> recommendation(l, recommendations, Part.ACTION), all())
                    .as("recommended_action");
            case "currency" -> lit(MeasureColumns.currency(units)).as("currency");
            default -> col(c.name());
          });
    }
    out.add(arguments(rules).as(REASON_ARGS));
    return top.orderBy(col(LIST_INDEX), col("priority")).select(out.toArray(Column[]::new));
  }

  /** The largest k of {@code min_by(x, ord, k)}. */
  static final int MAX_BY_K = 100_000;

  /**
   * Each list's size and its first {@code topN} rows by priority, from one aggregation: a bounded
   * heap per list and partition ({@code min_by} with k), no sort of the candidates.
   */
  static Dataset<Row> cutByAggregate(Dataset<Row> candidates, int topN) {
    List<Column> fields = new ArrayList<>();
    for (String c : candidates.columns()) {
      if (!List.of(LIST_INDEX, "_p1", "_p2").contains(c)) {
        fields.add(col(c));
      }
    }
    // Ascending: _p1 then _p2 highest first (NaN above every number, null last), then the id.
    Column order =
        struct(
            col("_p1").isNull(),
            not(isnan(col("_p1"))),
            negate(col("_p1")),
            col("_p2").isNull(),
            not(isnan(col("_p2"))),
            negate(col("_p2")),
            col(Columns.CUSTOMER_ID));
    return candidates
        .groupBy(col(LIST_INDEX))
        .agg(
            count(lit(1)).as("customers_in_list"),
            min_by(struct(fields.toArray(Column[]::new)), order, topN).as("_top"))
        .select(col(LIST_INDEX), col("customers_in_list"), posexplode(col("_top")))
        .select(
            col(LIST_INDEX),
            col("customers_in_list"),
            col("pos").plus(1).as("priority"),
            col("col.*"));
  }

  /** The same by a window rank (any top-n; Spark limits each list before its shuffle). */
  static Dataset<Row> cutByWindow(Dataset<Row> candidates, int topN) {
    Dataset<Row> sizes =
        candidates.groupBy(col(LIST_INDEX)).agg(count(lit(1)).as("customers_in_list"));
    Column rank =
        row_number()
            .over(
                Window.partitionBy(col(LIST_INDEX))
                    .orderBy(
                        col("_p1").desc_nulls_last(),
                        col("_p2").desc_nulls_last(),
                        col(Columns.CUSTOMER_ID)));
    return candidates
        .withColumn("priority", rank)
        .where(col("priority").leq(topN))
        .join(sizes, LIST_INDEX);
  }

  /** The columns of the customer table the lists read. */
  private static final List<String> READ =
      List.of(
          Columns.CUSTOMER_ID,
          Columns.PYRAMID_TIER,
          Columns.PORTFOLIO_QUADRANT,
          Columns.LIFECYCLE_STAGE,
          Columns.RECENCY_DAYS,
          Columns.P_ALIVE,
          Columns.HISTORICAL_VALUE,
          Columns.CUSTOMER_VALUE,
          Columns.CLV,
          Columns.PREDICTED_GROWTH,
          Columns.TRAILING_VALUE);

  private static final String PREVIOUS_ID = "_previous_id";

  /** The list's code, reason code and priority keys of rows tagged with {@link #LIST_INDEX}. */
  private static Dataset<Row> tagged(
      Dataset<Row> rows, List<ActionList> lists, ActionList.Rules rules) {
    return rows.withColumn("list", byList(l -> lit(l.code()), lists))
        .withColumn("reason_code", byList(l -> l.reason(rules), lists))
        .withColumn("_p1", byList(l -> l.priority().get(0).cast("double"), lists))
        .withColumn("_p2", byList(l -> l.priority().get(1).cast("double"), lists));
  }

  /** The column of each row's list (by {@link #LIST_INDEX}), among {@code lists}. */
  private static Column byList(Function<ActionList, Column> perList, List<ActionList> lists) {
    Column out = null;
    for (ActionList l : lists) {
      Column v = perList.apply(l);
      out =
          out == null
              ? when(col(LIST_INDEX).equalTo(l.ordinal()), v)
              : out.when(col(LIST_INDEX).equalTo(l.ordinal()), v);
    }
    return out;
  }

  private static List<ActionList> all() {
    return List.of(ActionList.values());
  }

  private enum Part {
    LEVEL,
    DEPTH,
    ACTION
  }

  /** The relationship level, depth or action of the row's segment for the list. */
  private static Column recommendation(
      ActionList list,
      Map<String, Map<String, RelationshipLevels.Recommendation>> recommendations,
      Part part) {
    Column segment = col(list.segmentColumn());
    Column out = lit(null).cast("string");
    for (RelationshipLevels.Recommendation r : recommendations.get(list.segmentColumn()).values()) {
      String v =
          switch (part) {
            case LEVEL -> r.level();
            case DEPTH -> r.depth();
            case ACTION -> ENGLISH.recommendedAction(r.level(), r.depth());
          };
      out = when(segment.equalTo(r.segment()), lit(v)).otherwise(out);
    }
    return out;
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
