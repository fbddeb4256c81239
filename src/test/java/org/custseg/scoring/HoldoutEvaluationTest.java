package org.custseg.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.ValueSettings;
import org.custseg.scoring.HoldoutEvaluation.FrequencyRow;
import org.custseg.scoring.HoldoutEvaluation.Result;
import org.custseg.scoring.HoldoutEvaluation.TrackingRow;
import org.custseg.scoring.model.BetaGeometricModel;
import org.custseg.support.BgNbdFormulas;
import org.custseg.support.Customers;
import org.custseg.support.SparkTestBase;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The holdout evaluation on eight customers who mostly buy weekly, some of whom stop: calibration
 * to 2024-03-31, holdout to 2024-04-28 (four weeks). The actual figures are counted by hand from
 * the orders below; the predictions are checked against the BG/NBD conditional and unconditional
 * expectations (Fader, Hardie and Lee 2005, eq. 10 and 9) of the fitted parameters, written out
 * independently in {@link BgNbdFormulas}.
 */
class HoldoutEvaluationTest extends SparkTestBase {

  private static final LocalDate D1 = LocalDate.parse("2024-03-31");
  private static final LocalDate D2 = LocalDate.parse("2024-04-28");
  private static final double WEEK = 7.0;

  /**
   * Calibration (x, t_x, T) in days and holdout purchase days of each cohort customer, by hand:
   * days are counted from the first purchase; T runs to 2024-03-31.
   */
  private record Customer(String id, int x, int tx, int bigT, int holdout) {}

  private static final List<Customer> COHORT =
      List.of(
          new Customer("c1", 12, 84, 90, 4),
          new Customer("c2", 3, 21, 90, 0),
          new Customer("c3", 2, 14, 90, 1),
          new Customer("c4", 4, 28, 89, 0),
          new Customer("c5", 1, 7, 88, 0),
          new Customer("c6", 10, 70, 80, 3),
          new Customer("c7", 0, 0, 90, 1),
          new Customer("c8", 7, 49, 88, 1));

  private static Result result;
  private static BetaGeometricModel.Parameters p;

  /** Adds one purchase of 10.00 a week on {@code weeks} days from {@code first}. */
  private static Customers.OrderBuilder weekly(
      Customers.OrderBuilder orders, String customer, String first, int weeks) {
    LocalDate day = LocalDate.parse(first);
    for (int i = 0; i < weeks; i++) {
      orders.order(customer, customer + "-w" + i, day.plusWeeks(i).toString(), "10.00");
    }
    return orders;
  }

  @BeforeAll
  static void evaluate() {
    Customers.OrderBuilder orders = Customers.orders();
    // c1: weekly 01-01 .. 03-25 (13 days); in the holdout 04-01, 04-08 (two orders), 04-15, 04-22.
    weekly(orders, "c1", "2024-01-01", 13)
        .order("c1", "a1", "2024-04-01", "10.00")
        .order("c1", "a2", "2024-04-08", "10.00")
        .order("c1", "a3", "2024-04-08", "5.00")
        .order("c1", "a4", "2024-04-15", "10.00")
        .order("c1", "a5", "2024-04-22", "10.00");
    // c2: 01-01, 01-08 (two orders), 01-15, 01-22; nothing after.
    weekly(orders, "c2", "2024-01-01", 4).order("c2", "b1", "2024-01-08", "3.00");
    // c3: 01-01, 01-08, 01-15; back on 04-10.
    weekly(orders, "c3", "2024-01-01", 3).order("c3", "c1", "2024-04-10", "10.00");
    // c4: 01-02 .. 01-30 (5 days); in the holdout only a refund, which is no purchase day.
    weekly(orders, "c4", "2024-01-02", 5).order("c4", "d1", "2024-04-10", "-5.00");
    // c5: 01-03, 01-10.
    weekly(orders, "c5", "2024-01-03", 2);
    // c6: 01-11 .. 03-21 (11 days); holdout 04-04, 04-18 and 04-28 (the last day, included);
    // 04-29 is after the holdout.
    weekly(orders, "c6", "2024-01-11", 11)
        .order("c6", "f1", "2024-04-04", "10.00")
        .order("c6", "f2", "2024-04-18", "10.00")
        .order("c6", "f3", "2024-04-28", "10.00")
        .order("c6", "f4", "2024-04-29", "10.00");
    // c7: one purchase 01-01; back on 04-20.
    orders.order("c7", "g1", "2024-01-01", "10.00").order("c7", "g2", "2024-04-20", "10.00");
    // c8: 01-03 .. 02-21 (8 days, x = 7: the "7+" row with c1 and c6); holdout 04-03.
    weekly(orders, "c8", "2024-01-03", 8).order("c8", "h1", "2024-04-03", "10.00");
    // late: first purchase after the calibration end, so not in the cohort.
    orders.order("late", "z1", "2024-04-02", "70.00").order("late", "z2", "2024-04-09", "70.00");
    Dataset<Row> clean = orders.build();
    ValueSettings defaults = TestSettings.defaults().value();
    ValueSettings bgnbd =
        new ValueSettings(
            "bgnbd",
            "weeks",
            defaults.periodDays(),
            defaults.horizonMonths(),
            defaults.monthlyDiscountRate(),
            defaults.marginRate(),
            defaults.acquisitionCost(),
            defaults.spendFitSample(),
            defaults.minRepeatBuyers(),
            defaults.pyramidAxis(),
            defaults.growthAxis());
    result = HoldoutEvaluation.evaluate(clean, bgnbd, D1, D2);
    p = (BetaGeometricModel.Parameters) result.fit().transactionFit().paramsOrThrow();
  }

  @Test
  void cohortAndActualFiguresAreCountedFromTheOrders() {
    assertThat(result.fit().transactionModel()).isEqualTo("bgnbd");
    assertThat(result.fit().modelsUsed()).isTrue();
    assertThat(result.holdoutLength()).isEqualTo(4.0);
    assertThat(result.cohortCustomers()).isEqualTo(8);
    assertThat(result.cohortFirstPurchaseFrom()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(result.fit().repeatPurchases()).as("sum of calibration x").isEqualTo(39);
    assertThat(result.holdoutPurchasesActual()).isEqualTo(10);
    assertThat(result.frequencyTable())
        .extracting(FrequencyRow::calibrationFrequency)
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7+");
    assertThat(result.frequencyTable())
        .extracting(FrequencyRow::customers)
        .containsExactly(1L, 1L, 1L, 1L, 1L, 0L, 0L, 3L);
    // x = 0: c7 1; x = 1: c5 0; x = 2: c3 1; x = 3: c2 0; x = 4: c4 0; 7+: c1 4, c6 3, c8 1.
    assertThat(result.frequencyTable())
        .extracting(FrequencyRow::actualMean)
        .containsExactly(1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 8.0 / 3);
  }

  @Test
  void predictionsAreTheConditionalExpectationOfEachCustomer() {
    assertThat(p.a()).as("a away from 1, where eq. 10 is 0/0").isNotCloseTo(1.0, within(0.01));
    double[] predictedByBucket = new double[HoldoutEvaluation.TOP_FREQUENCY + 1];
    double total = 0;
    double absoluteError = 0;
    for (Customer c : COHORT) {
      double e =
          BgNbdFormulas.conditionalExpectation(
              p.r(), p.alpha(), p.a(), p.b(), 4.0, c.x, c.tx / WEEK, c.bigT / WEEK);
      predictedByBucket[Math.min(c.x, HoldoutEvaluation.TOP_FREQUENCY)] += e;
      total += e;
      absoluteError += Math.abs(c.holdout - e);
    }
    int[] customers = {1, 1, 1, 1, 1, 0, 0, 3};
    List<FrequencyRow> table = result.frequencyTable();
    for (int k = 0; k < customers.length; k++) {
      double mean = customers[k] == 0 ? 0 : predictedByBucket[k] / customers[k];
      assertThat(table.get(k).predictedMean())
          .as("predicted mean of row %s", table.get(k).calibrationFrequency())
          .isCloseTo(mean, within(1e-9));
    }
    assertThat(result.holdoutPurchasesPredicted()).isCloseTo(total, within(1e-9));
    assertThat(result.absoluteError()).isCloseTo(absoluteError, within(1e-9));
    assertThat(result.maePerCustomer()).isCloseTo(absoluteError / 8, within(1e-9));
  }

  @Test
  void trackingCountsRepeatPurchaseDaysWeekByWeek() {
    // Week w covers days 7(w-1) .. 7w-1 after 2024-01-01; the repeat purchase days (every
    // purchase day after a customer's first) falling in each, by hand from the orders above.
    long[] cumulative = {0, 6, 12, 17, 21, 24, 27, 30, 32, 34, 36, 38, 39, 42, 44, 47, 49};
    List<TrackingRow> tracking = result.tracking();

    assertThat(tracking)
        .extracting(TrackingRow::week)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 17).boxed().toList());
    assertThat(tracking)
        .extracting(TrackingRow::actualCumulative)
        .containsExactlyElementsOf(Arrays.stream(cumulative).boxed().toList());
    assertThat(tracking.get(12).weekEnd()).isEqualTo(D1);
    assertThat(tracking.get(12).period()).isEqualTo("calibration");
    assertThat(tracking.get(12).actualCumulative()).as("calibration repeats").isEqualTo(39);
    assertThat(tracking.get(13).period()).isEqualTo("holdout");
    assertThat(tracking.get(16).weekEnd()).isEqualTo(D2);
  }

  @Test
  void trackingPredictionIsTheUnconditionalExpectationOfEachFirstPurchaseCohort() {
    // First purchase days: 01-01 (c1, c2, c3, c7), 01-02 (c4), 01-03 (c5, c8), 01-11 (c6); as
    // days after 2024-01-01.
    int[] firstDay = {0, 0, 0, 0, 1, 2, 2, 10};
    for (TrackingRow row : result.tracking()) {
      long lastDay = ChronoUnit.DAYS.between(LocalDate.parse("2024-01-01"), row.weekEnd());
      double expected = 0;
      for (int first : firstDay) {
        if (lastDay > first) {
          expected +=
              BgNbdFormulas.expectedRepeats(
                  p.r(), p.alpha(), p.a(), p.b(), (lastDay - first) / WEEK);
        }
      }
      assertThat(row.predictedCumulative())
          .as("week %d", row.week())
          .isCloseTo(expected, within(1e-9));
    }
  }
}
