package org.custseg.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.custseg.schema.Money;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/**
 * {@link HalfUp} gives what Spark's {@code round} and its cast to a decimal give: against the
 * decimal-text definition on a million values (among them the halves, where the binary shortcut
 * must not decide), and against Spark's own expressions on a few thousand.
 */
class HalfUpTest extends SparkTestBase {

  /** Spark's round(double, scale): the double's decimal text, half-up. */
  private static double textRound(double v, int scale) {
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
  }

  /** Spark's cast(round(v, scale) as decimal): the rounded double's text, half-up again. */
  private static BigDecimal textDecimal(double v, int scale) {
    return BigDecimal.valueOf(textRound(v, scale)).setScale(scale, RoundingMode.HALF_UP);
  }

  /** Values of every magnitude the scores take, halves and near-halves among them. */
  private static List<Double> values(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double magnitude = Math.pow(10, random.nextInt(-9, 15));
      double v;
      switch (i % 4) {
        case 0 -> v = random.nextDouble() * magnitude;
        // a decimal half at 4 or 6 places, as written (its double is a little above or below)
        case 1 -> v = (random.nextLong(0, 10_000_000_000L) + 0.5) / (i % 8 == 1 ? 1e4 : 1e6);
        // money values: cents and tenths of cents
        case 2 -> v = random.nextLong(0, 100_000_000L) / 1000.0;
        // one ulp either side of a half
        default -> {
          double half = (random.nextLong(0, 1_000_000L) + 0.5) / 1e4;
          v = random.nextBoolean() ? Math.nextUp(half) : Math.nextDown(half);
        }
      }
      values.add(random.nextBoolean() ? v : -v);
    }
    values.addAll(List.of(0.0, -0.0, 0.5e-4, 0.5e-6, -0.5e-4, 1.00005, 2.675, 1e11, 9.0e13));
    return values;
  }

  @Test
  void roundsAsTheDecimalTextDoes() {
    int binary = 0;
    for (double v : values(1_000_000, 20)) {
      for (int scale : new int[] {4, 6}) {
        double expected = textRound(v, scale);
        assertThat(HalfUp.round(v, scale)).as("round(%s, %d)", v, scale).isEqualTo(expected);
        if (Math.abs(v) < 9.0e13) {
          assertThat(HalfUp.decimal(v, scale))
              .as("decimal(%s, %d)", v, scale)
              .isEqualTo(textDecimal(v, scale));
        }
      }
      binary += Math.abs(v) < 1e11 ? 1 : 0;
    }
    assertThat(binary).isGreaterThan(500_000);
    assertThat(HalfUp.round(-0.0, 6)).isEqualTo(0.0);
    assertThat(HalfUp.round(-1e-9, 6)).isEqualTo(textRound(-1e-9, 6)).isEqualTo(0.0);
  }

  @Test
  void agreesWithSparksRoundAndCast() {
    List<Double> values = values(4_000, 21);
    Dataset<Row> rounded =
        spark()
            .createDataset(values, Encoders.DOUBLE())
            .toDF("v")
            .select(
                col("v"),
                round(col("v"), 6).as("r6"),
                round(col("v"), 4).try_cast(Money.MONEY).as("m4"));
    for (Row r : rounded.collectAsList()) {
      double v = r.getDouble(0);
      assertThat(HalfUp.round(v, 6)).as("round(%s, 6)", v).isEqualTo(r.getDouble(1));
      if (Math.abs(v) < 9.0e13) {
        assertThat(HalfUp.decimal(v, 4)).as("decimal(%s, 4)", v).isEqualTo(r.getDecimal(2));
      }
    }
  }
}
