package org.custseg.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.PyramidSettings;
import org.custseg.config.Settings;
import org.custseg.features.PurchaseHistory;
import org.custseg.features.RfmFeatures;
import org.custseg.schema.Columns;
import org.custseg.schema.CustomerTableColumns;
import org.custseg.schema.ModelTimeUnit;
import org.custseg.scoring.CustomerValuation;
import org.custseg.scoring.ScoringParameters;
import org.custseg.scoring.ValueScores;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * Seven customers through the whole segmentation, every figure worked out by hand: five active
 * (trailing values 500, 400, 300, 200, 50) and two inactive (last purchase more than 365 days
 * before 2024-12-31), on the model-free axes (trailing_value for the pyramid and the quadrant's
 * value, growth_rate for its growth) and tier shares 10 / 20 / 30 %.
 */
class CustomerSegmentationTest extends SparkTestBase {

  private static final LocalDate RUN = LocalDate.parse("2024-12-31");

  private static CustomerSegmentation.Result segment() {
    Dataset<Row> clean =
        Customers.orders()
            // growth halves split at 2024-07-02: a (100 then 400) grows 0.6
            .order("a", "a1", "2024-03-01", "100.00")
            .order("a", "a2", "2024-10-01", "400.00")
            .order("b", "b1", "2024-02-01", "300.00") // all in the earlier half: -1
            .order("b", "b2", "2024-03-01", "100.00")
            .order("c", "c1", "2024-11-01", "300.00") // all in the later half: +1
            .order("d", "d1", "2024-05-01", "100.00") // 100 and 100: 0
            .order("d", "d2", "2024-12-01", "100.00")
            .order("e", "e1", "2024-04-01", "50.00") // -1
            .order("f", "f1", "2023-06-01", "1000.00") // lapsed, 2,000 spent
            .order("f", "f2", "2023-07-01", "1000.00")
            .order("g", "g1", "2023-01-10", "20.00") // lapsed one-time buyer
            .build();
    Dataset<Row> features = PurchaseHistory.attach(RfmFeatures.compute(clean, RUN, 365, 365), RUN);
    Dataset<Row> scored =
        ValueScores.apply(
            features,
            new ScoringParameters(
                null, null, null, ModelTimeUnit.WEEKS, 30.4375, 12, 0.01, 0.3, 0.0));
    Settings s = TestSettings.defaults();
    return CustomerSegmentation.segment(
        scored.cache(),
        RUN,
        new CustomerSegmentation.Rules(
            new PyramidSettings(0.1, 0.2, 0.3),
            s.portfolio(),
            s.lifecycle(),
            s.clusters(),
            s.relationship()),
        TestSettings.segmentTable(),
        new CustomerValuation.Axes(
            Columns.TRAILING_VALUE, Columns.TRAILING_VALUE, Columns.GROWTH_RATE, "test"));
  }

  private static Map<String, List<Object>> byCustomer(Dataset<Row> table, String... columns) {
    Map<String, List<Object>> out = new HashMap<>();
    for (Row r : table.collectAsList()) {
      List<Object> values = new java.util.ArrayList<>();
      for (String c : columns) {
        values.add(r.getAs(c));
      }
      out.put(r.getAs(Columns.CUSTOMER_ID), values);
    }
    return out;
  }

  @Test
  void sevenCustomersGetTheirTiersQuadrantsAndSegments() {
    CustomerSegmentation.Result r = segment();

    assertThat(r.customerCount()).isEqualTo(7);
    assertThat(r.activeCustomers()).isEqualTo(5);
    assertThat(r.customers().columns()).containsExactlyElementsOf(CustomerTableColumns.NAMES);
    // 5 active customers: vip up to ceil(0.5) = 1, key up to ceil(1.5) = 2, medium up to 3
    assertThat(r.pyramidBounds()).isEqualTo(new ValuePyramid.Bounds(1, 2, 3));
    // nearest-rank medians of the active customers: values 50 200 300 400 500 -> 300,
    // growth -1 -1 0 0.6 1 -> 0 (the inactive customers do not count)
    assertThat(r.quadrantThresholds()).isEqualTo(new PortfolioQuadrant.Thresholds(300, 0));

    // R: recency 30 60 91 274 305 days, cuts 30 60 91 274; F: 1 1 2 2 2, cuts 1 1 2 2;
    // M: 50 200 300 400 500, cuts 50 200 300 400 (all over the active customers).
    assertThat(
            byCustomer(
                r.customers(),
                Columns.VALUE_RANK,
                Columns.PYRAMID_TIER,
                Columns.PORTFOLIO_QUADRANT,
                Columns.RFM_CODE,
                Columns.RFM_SEGMENT))
        .containsEntry("a", List.of(1L, "vip", "star", 335, "loyal"))
        .containsEntry("b", List.of(2L, "key", "cash_cow", 134, "at_risk"))
        .containsEntry("c", List.of(3L, "medium", "star", 413, "promising")) // 300: at the median
        .containsEntry("d", List.of(4L, "small", "question_mark", 532, "potential_loyalist"))
        .containsEntry("e", List.of(5L, "small", "dog", 211, "hibernating"))
        // inactive: ranked after the active ones (trailing 0, ties by id), in no quadrant
        .containsEntry("f", List.of(6L, "inactive", "inactive", 135, "at_risk"))
        .containsEntry("g", List.of(7L, "inactive", "inactive", 111, "lost"));

    Map<String, List<Object>> rest =
        byCustomer(
            r.customers(),
            Columns.LIFECYCLE_STAGE,
            Columns.RELATIONSHIP_LEVEL,
            Columns.CLUSTER_ID,
            Columns.RUN_DATE);
    // f bought twice 30 days apart and not for 549 days: overdue; g's one purchase is old
    assertThat(rest.get("f").get(0)).isEqualTo("decline");
    assertThat(rest.get("g").get(0)).isEqualTo("decline");
    for (List<Object> v : rest.values()) {
      assertThat(v).doesNotContainNull();
      assertThat(v.get(3)).hasToString(RUN.toString());
    }
  }
}
