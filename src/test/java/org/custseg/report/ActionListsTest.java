package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.config.ActionSettings;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;
import org.custseg.schema.Money;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/**
 * The four action-list rules on tiny hand-made customer tables (threshold 0.5, activity window 365
 * days, win-back 180 days beyond it).
 */
class ActionListsTest extends SparkTestBase {

  private static final LocalDate PREVIOUS = LocalDate.of(2025, 12, 30);
  private static final Units UNITS = new Units("EUR", 365, 12, 30.4375, 365);
  private static final ActionSettings SETTINGS = new ActionSettings(0.5, 10, 180);

  private static final StructType SCHEMA =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType)
          .add(Columns.PYRAMID_TIER, DataTypes.StringType)
          .add(Columns.PORTFOLIO_QUADRANT, DataTypes.StringType)
          .add(Columns.LIFECYCLE_STAGE, DataTypes.StringType)
          .add(Columns.RECENCY_DAYS, DataTypes.IntegerType)
          .add(Columns.P_ALIVE, DataTypes.DoubleType)
          .add(Columns.HISTORICAL_VALUE, Money.MONEY)
          .add(Columns.CUSTOMER_VALUE, Money.MONEY)
          .add(Columns.CLV, Money.MONEY)
          .add(Columns.PREDICTED_GROWTH, DataTypes.DoubleType)
          .add(Columns.TRAILING_VALUE, Money.MONEY);

  /** Customers: id, tier, quadrant, stage, recency, p_alive, value (historical = value / 2). */
  private static final class Table {
    private final List<Row> rows = new ArrayList<>();

    Table add(
        String id,
        String tier,
        String quadrant,
        String stage,
        int recency,
        double pAlive,
        double value,
        double growth) {
      rows.add(
          RowFactory.create(
              id,
              tier,
              quadrant,
              stage,
              recency,
              pAlive,
              BigDecimal.valueOf(value / 2),
              BigDecimal.valueOf(value),
              BigDecimal.valueOf(value / 4),
              growth,
              BigDecimal.valueOf(value / 8)));
      return this;
    }

    Table add(String id, String tier, double pAlive, double value) {
      return add(id, tier, "cash_cow", "stability", 10, pAlive, value, 0.0);
    }

    Dataset<Row> build() {
      return spark().createDataFrame(rows, SCHEMA);
    }
  }

  private static Table table() {
    return new Table();
  }

  private static List<Row> rows(Dataset<Row> current, Dataset<Row> previous, ActionSettings s) {
    return ActionLists.rows(current, previous, PREVIOUS, s, 365, recommendations(), UNITS)
        .collectAsList();
  }

  private static List<String> list(List<Row> rows, String list) {
    return rows.stream()
        .filter(r -> r.getAs("list").equals(list))
        .map(r -> (String) r.getAs(Columns.CUSTOMER_ID))
        .toList();
  }

  private static Row row(List<Row> rows, String list, String id) {
    return rows.stream()
        .filter(r -> r.getAs("list").equals(list) && r.getAs(Columns.CUSTOMER_ID).equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Map<String, RelationshipLevels.Recommendation>> recommendations() {
    return Map.of(
        Columns.PYRAMID_TIER,
        Map.of(
            "vip", recommendation("vip", "partnership", "structural"),
            "key", recommendation("key", "proactive", "social"),
            "medium", recommendation("medium", "accountable", "social"),
            "inactive", recommendation("inactive", "basic", "financial")),
        Columns.PORTFOLIO_QUADRANT,
        Map.of("question_mark", recommendation("question_mark", "reactive", "social")));
  }

  private static RelationshipLevels.Recommendation recommendation(
      String segment, String level, String depth) {
    return new RelationshipLevels.Recommendation(segment, 1, 0.1, 1, "few", "high", level, depth);
  }

  @Test
  void vipAndKeyCustomersSlippingBelowTheThresholdSinceThePreviousRun() {
    Dataset<Row> previous =
        table()
            .add("c1", "vip", 0.70, 900)
            .add("c2", "key", 0.45, 500)
            .add("c3", "vip", 0.90, 800)
            .add("c4", "medium", 0.80, 300)
            .add("c6", "key", 0.90, 400)
            .add("c7", "vip", 0.50, 700)
            .build();
    Dataset<Row> current =
        table()
            .add("c1", "vip", 0.40, 1000) // fell below: on the list
            .add("c2", "key", 0.30, 600) // was below already
            .add("c3", "vip", 0.60, 900) // still above
            .add("c4", "medium", 0.20, 350) // not vip or key
            .add("c5", "key", 0.49, 450) // not in the previous table: nothing to compare
            .add("c6", "key", 0.50, 420) // at the threshold is not below
            .add("c7", "vip", 0.10, 800) // from exactly the threshold: fell
            .build();

    List<Row> rows = rows(current, previous, SETTINGS);

    assertThat(list(rows, "vip_key_slipping")).containsExactly("c1", "c7");
    Row c1 = row(rows, "vip_key_slipping", "c1");
    assertThat((String) c1.getAs("reason"))
        .isEqualTo("P(alive) fell from 0.70 to 0.40 (threshold 0.50) since the run of 2025-12-30");
    assertThat((String) c1.getAs("reason_code")).isEqualTo("p_alive_fell");
    assertThat((Double) c1.getAs("p_alive_previous")).isEqualTo(0.70);
    assertThat((Integer) c1.getAs("priority")).isEqualTo(1);
    assertThat((String) c1.getAs("recommended_action"))
        .isEqualTo(
            "Partnership: work continuously with the customer on their success; Structural bonds:"
                + " services the customer cannot get elsewhere, integration");
    assertThat((String) c1.getAs("currency")).isEqualTo("EUR");
  }

  @Test
  void withoutAPreviousRunEveryVipOrKeyCustomerBelowTheThresholdSaysSo() {
    Dataset<Row> current =
        table()
            .add("c1", "vip", 0.40, 1000)
            .add("c2", "key", 0.30, 600)
            .add("c3", "vip", 0.60, 900)
            .add("c4", "medium", 0.20, 350)
            .build();

    List<Row> rows = rows(current, null, SETTINGS);

    assertThat(list(rows, "vip_key_slipping")).containsExactly("c1", "c2");
    Row c2 = row(rows, "vip_key_slipping", "c2");
    assertThat((String) c2.getAs("reason"))
        .isEqualTo("P(alive) 0.30 is below 0.50; no previous run to compare");
    assertThat((Object) c2.getAs("p_alive_previous")).isNull();
  }

  @Test
  void risingQuestionMarksAreActiveWithTrailingSpendAndOrderedByPredictedGrowthThenCut() {
    Dataset<Row> current =
        table()
            .add("q1", "small", "question_mark", "formation", 20, 0.9, 100, 0.30)
            .add("q2", "small", "question_mark", "formation", 20, 0.9, 200, 0.80)
            .add("q3", "medium", "question_mark", "formation", 20, 0.9, 300, 0.55)
            .add("q4", "inactive", "question_mark", "decline", 400, 0.9, 50, 1.00)
            .add("q5", "small", "question_mark", "formation", 20, 0.9, 0, 1.00) // no trailing spend
            .add("s1", "small", "star", "formation", 20, 0.9, 500, 0.95)
            .build();

    List<Row> rows = rows(current, null, new ActionSettings(0.5, 2, 180));

    assertThat(list(rows, "rising_question_marks")).containsExactly("q2", "q3");
    Row q2 = row(rows, "rising_question_marks", "q2");
    assertThat((Long) q2.getAs("customers_in_list")).isEqualTo(3L);
    assertThat((String) q2.getAs("reason"))
        .isEqualTo("Predicted growth index 0.80: CLV 50.00 against a trailing net spend of 25.00");
    assertThat((String) q2.getAs("relationship_level")).isEqualTo("reactive");
    assertThat((String) q2.getAs("marketing_depth")).isEqualTo("social");
  }

  @Test
  void highValueCustomersInDeclineOrBelowTheThresholdAreAtRisk() {
    Dataset<Row> current =
        table()
            .add("v1", "vip", "star", "decline", 90, 0.8, 900, 0)
            .add("k1", "key", "cash_cow", "stability", 10, 0.2, 700, 0)
            .add("m1", "medium", "dog", "formation", 10, 0.6, 300, 0)
            .add("m2", "medium", "dog", "decline", 200, 0.4, 250, 0)
            .add("s1", "small", "dog", "decline", 300, 0.1, 100, 0)
            .build();

    List<Row> rows = rows(current, null, SETTINGS);

    assertThat(list(rows, "at_risk_high_value")).containsExactly("v1", "k1", "m2");
    assertThat((String) row(rows, "at_risk_high_value", "v1").getAs("reason"))
        .isEqualTo("In lifecycle decline (overdue against their own buying rhythm); P(alive) 0.80");
    assertThat((String) row(rows, "at_risk_high_value", "k1").getAs("reason"))
        .isEqualTo("P(alive) 0.20 is below 0.50");
    assertThat((String) row(rows, "at_risk_high_value", "m2").getAs("reason_code"))
        .isEqualTo("decline");
  }

  @Test
  void winBackTakesTheRecentlyInactiveWithTheHighestHistoricalValueFirst() {
    Dataset<Row> current =
        table()
            .add("i1", "inactive", "dog", "decline", 366, 0.2, 100, 0)
            .add("i2", "inactive", "dog", "decline", 545, 0.1, 800, 0)
            .add("i3", "inactive", "dog", "decline", 546, 0.1, 2000, 0)
            .add("a1", "small", "dog", "decline", 300, 0.1, 900, 0)
            .build();

    List<Row> rows = rows(current, null, SETTINGS);

    assertThat(list(rows, "win_back")).containsExactly("i2", "i1");
    assertThat((String) row(rows, "win_back", "i2").getAs("reason"))
        .isEqualTo(
            "Last purchase 545 days ago, 180 days after the activity window closed; net spend all"
                + " time 400.00");
    assertThat((String) row(rows, "win_back", "i2").getAs("recommended_action"))
        .isEqualTo(
            "Basic: sell and leave; Financial bonds: price incentives, frequent-buyer rewards");
  }

  @Test
  void rowsComeInListOrderThenPriorityWithTheDictionarysColumns() {
    Dataset<Row> current =
        table()
            .add("i1", "inactive", "dog", "decline", 400, 0.2, 100, 0)
            .add("q1", "small", "question_mark", "formation", 20, 0.9, 100, 0.3)
            .add("v1", "vip", "star", "decline", 90, 0.3, 900, 0)
            .build();

    Dataset<Row> out =
        ActionLists.rows(current, null, null, SETTINGS, 365, recommendations(), UNITS);

    assertThat(out.columns())
        .startsWith(ActionLists.COLUMNS.stream().map(ColumnSpec::name).toArray(String[]::new));
    assertThat(
            out.collectAsList().stream().map(r -> r.getAs("list") + ":" + r.getAs("customer_id")))
        .containsExactly(
            "vip_key_slipping:v1",
            "rising_question_marks:q1",
            "at_risk_high_value:v1",
            "win_back:i1");
  }

  @Test
  void theHeapCutAndTheWindowCutRankAlikeWithTiesNullsAndNaN() {
    StructType schema =
        new StructType()
            .add(ActionLists.LIST_INDEX, DataTypes.IntegerType)
            .add(Columns.CUSTOMER_ID, DataTypes.StringType)
            .add("_p1", DataTypes.DoubleType)
            .add("_p2", DataTypes.DoubleType)
            .add("list", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    Object[][] list0 = {
      {"b", 1.0, 2.0},
      {"a", 1.0, 2.0},
      {"c", Double.NaN, 0.0},
      {"d", null, 5.0},
      {"e", 2.0, null},
      {"f", 2.0, 1.0},
      {"h", 0.0, 1.0},
      {"g", -0.0, 1.0},
      {"i", null, null}
    };
    for (Object[] r : list0) {
      rows.add(RowFactory.create(0, r[0], r[1], r[2], "zero"));
    }
    rows.add(RowFactory.create(3, "z", 1.0, 1.0, "three"));
    rows.add(RowFactory.create(3, "y", 1.0, 1.0, "three"));
    Dataset<Row> candidates = spark().createDataFrame(rows, schema).repartition(3);

    for (int topN : new int[] {1, 5, 100}) {
      List<String> heap = ranked(ActionLists.cutByAggregate(candidates, topN));
      assertThat(heap).isEqualTo(ranked(ActionLists.cutByWindow(candidates, topN)));
      if (topN == 100) {
        assertThat(heap)
            .containsExactly(
                "0:1:c:9", "0:2:f:9", "0:3:e:9", "0:4:a:9", "0:5:b:9", "0:6:g:9", "0:7:h:9",
                "0:8:d:9", "0:9:i:9", "3:1:y:2", "3:2:z:2");
      }
    }
  }

  private static List<String> ranked(Dataset<Row> top) {
    return top.orderBy(ActionLists.LIST_INDEX, "priority").collectAsList().stream()
        .map(
            r ->
                r.getAs(ActionLists.LIST_INDEX)
                    + ":"
                    + r.getAs("priority")
                    + ":"
                    + r.getAs(Columns.CUSTOMER_ID)
                    + ":"
                    + r.getAs("customers_in_list"))
        .toList();
  }

  @Test
  void catalogueSentencesBecomeFormatStringPatterns() {
    assertThat(ActionLists.formatPattern("P(alive) {1} of {0}: 5% ''x''"))
        .isEqualTo("P(alive) %2$s of %1$s: 5%% 'x'");
  }
}
