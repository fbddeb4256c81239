package org.custseg.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

class CutPointsTest extends SparkTestBase {

  @Test
  void nearestRankRanksAreCeilOfPTimesN() {
    // n = 10: 20% -> rank 2, 40% -> 4, 60% -> 6, 80% -> 8 (1-based), 0-based one less.
    assertThat(CutPoints.ranks(10, RfmScores.QUINTILES)).containsExactly(1, 3, 5, 7);
    // n = 5: 0.6 * 5 = 3.0000000000000004 in floating point must still be rank 3.
    assertThat(CutPoints.ranks(5, RfmScores.QUINTILES)).containsExactly(0, 1, 2, 3);
    // n = 1: every quantile is the only value.
    assertThat(CutPoints.ranks(1, RfmScores.QUINTILES)).containsExactly(0, 0, 0, 0);
    // n = 7: ceil(1.4)=2, ceil(2.8)=3, ceil(4.2)=5, ceil(5.6)=6.
    assertThat(CutPoints.ranks(7, RfmScores.QUINTILES)).containsExactly(1, 2, 4, 5);
  }

  @Test
  void integerAndDecimalColumnsGiveTheSameExactQuantiles() {
    Customers.FeatureBuilder b = Customers.features();
    int[] values = {7, 3, 9, 1, 5, 5, 2, 8, 6, 4};
    for (int i = 0; i < values.length; i++) {
      b.add("c" + i, values[i], values[i], values[i] + ".00");
    }
    Dataset<Row> data = b.build();

    List<Object> fromHistogram = CutPoints.nearestRank(data, Columns.FREQUENCY, 0.2, 0.4, 0.6, 0.8);
    List<Object> fromSort = CutPoints.nearestRank(data, Columns.MONETARY_TOTAL, 0.2, 0.4, 0.6, 0.8);

    // Sorted: 1 2 3 4 5 5 6 7 8 9 -> ranks 2, 4, 6, 8 -> 2, 4, 5, 7.
    assertThat(fromHistogram).containsExactly(2, 4, 5, 7);
    assertThat(fromSort).extracting(v -> ((BigDecimal) v).intValue()).containsExactly(2, 4, 5, 7);
  }

  @Test
  void bracketsGiveTheExactNearestRankValueOnManyValuesWithTies() {
    // 30,000 values: the approximate sketch brackets each rank (eps = 0.01 here) and the exact
    // value comes from the bracket's histogram. Expected values from a plain sort in Java.
    assertExactOnRandomValues(30_000);
  }

  @Test
  void aColumnOfFewValuesTakesItsWholeHistogramAndIsExact() {
    assertExactOnRandomValues(CutPoints.WHOLE_HISTOGRAM_VALUES);
  }

  private void assertExactOnRandomValues(int size) {
    java.util.Random random = new java.util.Random(11);
    List<Row> rows = new java.util.ArrayList<>();
    List<BigDecimal> sorted = new java.util.ArrayList<>();
    for (int i = 0; i < size; i++) {
      // a third of the values tied on a few amounts, the rest spread with 4 decimals
      BigDecimal v =
          i % 3 == 0
              ? BigDecimal.valueOf(10 * (random.nextInt(4) + 1), 0)
              : BigDecimal.valueOf(random.nextInt(5_000_000) - 100_000, 4);
      v = v.setScale(4);
      sorted.add(v);
      rows.add(org.apache.spark.sql.RowFactory.create(v));
    }
    java.util.Collections.sort(sorted);
    Dataset<Row> data =
        spark()
            .createDataFrame(
                rows,
                new org.apache.spark.sql.types.StructType()
                    .add("v", new org.apache.spark.sql.types.DecimalType(18, 4)));
    double[] probs = {0.001, 0.2, 0.333, 0.5, 0.8, 0.999, 1.0};

    List<Object> cuts = CutPoints.nearestRank(data, "v", probs);

    long[] ranks = CutPoints.ranks(sorted.size(), probs);
    for (int i = 0; i < probs.length; i++) {
      assertThat(cuts.get(i)).as("p = %s", probs[i]).isEqualTo(sorted.get((int) ranks[i]));
    }
  }

  @Test
  void emptyDataGivesNoCutPoints() {
    Dataset<Row> empty = Customers.features().build();
    assertThat(CutPoints.nearestRank(empty, Columns.FREQUENCY, 0.5)).isEmpty();
    assertThat(CutPoints.nearestRank(empty, Columns.MONETARY_TOTAL, 0.5)).isEmpty();
  }
}
