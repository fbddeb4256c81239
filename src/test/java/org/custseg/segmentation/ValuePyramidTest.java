package org.custseg.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.PyramidSettings;
import org.custseg.schema.Columns;
import org.custseg.scoring.ValueRanking;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

class ValuePyramidTest extends SparkTestBase {

  private static final PyramidSettings DEFAULT = new PyramidSettings(0.01, 0.04, 0.15);

  @Test
  void boundsAreCeilOfTheCumulativeShares() {
    // 100 customers: top 1 vip, next 4 key (ranks 2-5), next 15 medium (6-20), 80 small.
    assertThat(ValuePyramid.Bounds.of(100, DEFAULT)).isEqualTo(new ValuePyramid.Bounds(1, 5, 20));
    // 1000: 10, 50, 200. (0.01 + 0.04) * 1000 = 50.00000000000001 must not round up to 51.
    assertThat(ValuePyramid.Bounds.of(1000, DEFAULT))
        .isEqualTo(new ValuePyramid.Bounds(10, 50, 200));
    // 3: ceil(0.03) = 1, ceil(0.15) = 1, ceil(0.6) = 1: one vip, no key or medium, two small.
    assertThat(ValuePyramid.Bounds.of(3, DEFAULT)).isEqualTo(new ValuePyramid.Bounds(1, 1, 1));
    // 250: ceil(2.5) = 3, ceil(12.5) = 13, ceil(50) = 50.
    assertThat(ValuePyramid.Bounds.of(250, DEFAULT)).isEqualTo(new ValuePyramid.Bounds(3, 13, 50));
    assertThat(ValuePyramid.Bounds.of(0, DEFAULT)).isEqualTo(new ValuePyramid.Bounds(0, 0, 0));
  }

  @Test
  void tiersFollowTheValueRankAndInactiveCustomersFormTheirOwnTier() {
    Customers.FeatureBuilder b = Customers.features();
    for (int i = 1; i <= 20; i++) {
      // c1 is worth 20, c20 is worth 1; c05 and c06 tie at 16 and 15 -> no tie; c10/c11 tie.
      int value = i == 11 ? 10 : 21 - i;
      b.add(String.format("c%02d", i), 5, 1, value + ".00", value + ".00", 0, true);
    }
    b.add("gone", 500, 9, "900.00", "0.00", 0, false);
    Dataset<Row> ranked = ValueRanking.rank(b.build(), Columns.TRAILING_VALUE, 1);
    // 20 active: vip ceil(0.2) = 1, key ceil(1.0) = 1, medium ceil(4.0) = 4.
    ValuePyramid.Bounds bounds = ValuePyramid.Bounds.of(20, DEFAULT);
    Map<String, Object[]> out = new HashMap<>();
    for (Row r :
        ValuePyramid.apply(ranked, bounds)
            .select(Columns.CUSTOMER_ID, Columns.VALUE_RANK, Columns.PYRAMID_TIER)
            .collectAsList()) {
      out.put(r.getString(0), new Object[] {r.getLong(1), r.getString(2)});
    }

    assertThat(out.get("c01")).containsExactly(1L, "vip");
    assertThat(out.get("c02")).containsExactly(2L, "medium");
    assertThat(out.get("c04")).containsExactly(4L, "medium");
    assertThat(out.get("c05")).containsExactly(5L, "small");
    // c10 and c11 are both worth 10: the tie is broken by customer id.
    assertThat(out.get("c10")).containsExactly(10L, "small");
    assertThat(out.get("c11")).containsExactly(11L, "small");
    assertThat(out.get("c20")).containsExactly(20L, "small");
    // Inactive customers rank after every active one, whatever their history.
    assertThat(out.get("gone")).containsExactly(21L, "inactive");
  }
}
