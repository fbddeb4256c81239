package org.custseg.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

class RfmScoresTest extends SparkTestBase {

  private static Map<String, int[]> scores(Dataset<Row> features) {
    RfmScores.Cuts cuts = RfmScores.cuts(features);
    List<Row> rows =
        RfmScores.apply(features, cuts)
            .select(Columns.CUSTOMER_ID, Columns.R_SCORE, Columns.F_SCORE, Columns.M_SCORE)
            .collectAsList();
    Map<String, int[]> out = new HashMap<>();
    for (Row r : rows) {
      out.put(r.getString(0), new int[] {r.getInt(1), r.getInt(2), r.getInt(3)});
    }
    return out;
  }

  @Test
  void tenDistinctCustomersFillEachQuintileWithTwo() {
    Customers.FeatureBuilder b = Customers.features();
    // Customer i: recency i days, i orders, 10*i spent (i = 1..10).
    for (int i = 1; i <= 10; i++) {
      b.add("c" + i, i, i, (10 * i) + ".00");
    }
    Map<String, int[]> s = scores(b.build());

    // Cut points (nearest rank, n = 10): values at ranks 2, 4, 6, 8 -> 2, 4, 6, 8.
    // F, M: 1 + #{c < value}; c1,c2 -> 1; c3,c4 -> 2; ... c9,c10 -> 5.
    // R: 5 - #{c < recency}; recency 1,2 -> 5; 3,4 -> 4; ... 9,10 -> 1.
    int[][] expected = {
      {5, 1, 1}, {5, 1, 1}, {4, 2, 2}, {4, 2, 2}, {3, 3, 3}, {3, 3, 3}, {2, 4, 4}, {2, 4, 4},
      {1, 5, 5}, {1, 5, 5}
    };
    for (int i = 1; i <= 10; i++) {
      assertThat(s.get("c" + i)).as("c" + i).containsExactly(expected[i - 1]);
    }
  }

  @Test
  void tiesAlwaysShareAScoreAndSitInTheLowerQuintile() {
    Customers.FeatureBuilder b = Customers.features();
    // Six one-time buyers and four with more orders; recency and spend tie in blocks too.
    String[][] data = {
      {"a", "30", "1", "50"},
      {"b", "30", "1", "50"},
      {"c", "30", "1", "50"},
      {"d", "30", "1", "50"},
      {"e", "30", "1", "50"},
      {"f", "30", "1", "50"},
      {"g", "5", "2", "80"},
      {"h", "5", "3", "80"},
      {"i", "1", "4", "200"},
      {"j", "1", "9", "300"}
    };
    for (String[] d : data) {
      b.add(d[0], Integer.parseInt(d[1]), Integer.parseInt(d[2]), d[3] + ".00");
    }
    Map<String, int[]> s = scores(b.build());

    // Frequency sorted: 1 1 1 1 1 1 2 3 4 9 -> cut points (ranks 2,4,6,8) = 1, 1, 1, 3.
    // Every one-time buyer gets F = 1; 2 -> 1 + 3 = 4; 3 -> 4; 4 -> 5; 9 -> 5.
    for (String id : List.of("a", "b", "c", "d", "e", "f")) {
      assertThat(s.get(id)[1]).as("F of " + id).isEqualTo(1);
      // Recency sorted: 1 1 5 5 30 30 30 30 30 30 -> cuts 1, 5, 30, 30. R(30) = 5 - 2 = 3.
      assertThat(s.get(id)[0]).as("R of " + id).isEqualTo(3);
      // Monetary sorted: 50 x6, 80, 80, 200, 300 -> cuts 50, 50, 50, 80. M(50) = 1.
      assertThat(s.get(id)[2]).as("M of " + id).isEqualTo(1);
    }
    assertThat(s.get("g")).containsExactly(4, 4, 4);
    assertThat(s.get("h")).containsExactly(4, 4, 4);
    assertThat(s.get("i")).containsExactly(5, 5, 5);
    assertThat(s.get("j")).containsExactly(5, 5, 5);
  }

  @Test
  void aSingleCustomerIsMostRecentButLowestInFrequencyAndMonetary() {
    Map<String, int[]> s = scores(Customers.features().add("only", 12, 3, "99.00").build());

    // All cut points equal the one value: R = 5 - 0, F = M = 1 + 0.
    assertThat(s.get("only")).containsExactly(5, 1, 1);
  }

  @Test
  void inactiveCustomersAreScoredAgainstTheActiveCustomersCutPoints() {
    Dataset<Row> f =
        Customers.features()
            .add("a1", 10, 1, "10.00", "10.00", 0, true)
            .add("a2", 20, 2, "20.00", "20.00", 0, true)
            .add("old", 400, 50, "5000.00", "0.00", 0, false)
            .build();
    RfmScores.Cuts cuts = RfmScores.cuts(f);

    // Only a1 and a2 define the cut points: frequency 1 2 -> ranks 1, 1, 2, 2 -> 1, 1, 2, 2.
    assertThat(cuts.frequency()).containsExactly(1, 1, 2, 2);
    Map<String, int[]> s = scores(f);
    assertThat(s.get("old")).containsExactly(1, 5, 5);
  }
}
