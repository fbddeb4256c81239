package org.custseg.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.custseg.support.BgNbdFormulas;
import org.junit.jupiter.api.Test;

class TransactionSimulatorTest {

  private static final LocalDate END = LocalDate.of(2025, 12, 31);

  @Test
  void sameSeedGivesSameHistoriesAndOtherSeedDiffers() {
    TransactionSimulator a =
        new TransactionSimulator(SimulationParameters.defaults(), 300, END, 365, 7);
    TransactionSimulator b =
        new TransactionSimulator(SimulationParameters.defaults(), 300, END, 365, 7);
    TransactionSimulator c =
        new TransactionSimulator(SimulationParameters.defaults(), 300, END, 365, 8);
    List<SimulatedOrder> first = a.ordersByCustomer().toList();
    assertThat(b.ordersByCustomer().toList()).isEqualTo(first);
    assertThat(c.ordersByCustomer().toList()).isNotEqualTo(first);
    assertThat(a.profile(17)).isEqualTo(b.profile(17));
  }

  @Test
  void timeOrderedStreamHasExactlyThePerCustomerOrders() {
    TransactionSimulator sim =
        new TransactionSimulator(SimulationParameters.defaults(), 2000, END, 200, 11);
    List<SimulatedOrder> byTime = sim.orders().toList();
    List<SimulatedOrder> byCustomer = sim.ordersByCustomer().toList();
    assertThat(byTime).hasSameSizeAs(byCustomer);
    assertThat(new HashSet<>(byTime)).isEqualTo(new HashSet<>(byCustomer));
    for (int i = 1; i < byTime.size(); i++) {
      assertThat(byTime.get(i).orderTs()).isAfterOrEqualTo(byTime.get(i - 1).orderTs());
    }
    Set<String> ids =
        byTime.stream().map(SimulatedOrder::transactionId).collect(Collectors.toSet());
    assertThat(ids).hasSize(byTime.size());
  }

  @Test
  void ordersAreWellFormed() {
    TransactionSimulator sim =
        new TransactionSimulator(SimulationParameters.defaults(), 1000, END, 365, 3);
    sim.ordersByCustomer()
        .forEach(
            o -> {
              assertThat(o.amount())
                  .isEqualByComparingTo(o.unitPrice().multiply(BigDecimal.valueOf(o.quantity())));
              assertThat(o.amount().scale()).isEqualTo(2);
              assertThat(o.amount().signum()).isPositive();
              assertThat(o.orderTs().toLocalDate()).isBetween(sim.startDate(), sim.endDate());
              assertThat(o.channel()).isIn(TransactionSimulator.CHANNELS);
              assertThat(o.transactionId()).matches("T[0-9A-F]{16}");
              assertThat(o.customerId()).matches("C\\d{8}");
              if (o.refund() != null) {
                SimulatedRefund r = o.refund();
                assertThat(r.transactionId()).isEqualTo("R" + o.transactionId().substring(1));
                assertThat(r.refundTs().toLocalDate())
                    .isAfter(o.orderTs().toLocalDate())
                    .isBeforeOrEqualTo(sim.endDate());
                assertThat(r.amount().signum()).isNegative();
                assertThat(r.amount().negate()).isLessThanOrEqualTo(o.amount());
                assertThat(r.amount())
                    .isEqualByComparingTo(r.unitPrice().multiply(BigDecimal.valueOf(r.quantity())));
                if (o.channel().equals("store")) {
                  assertThat(r.refundTs().getHour()).isBetween(8, 20);
                }
              }
              if (o.channel().equals("store")) {
                assertThat(o.orderTs().getHour()).isBetween(8, 20);
              }
            });
  }

  @Test
  void acquisitionIsSpreadWithMoreInTheFirstPart() {
    TransactionSimulator sim =
        new TransactionSimulator(SimulationParameters.defaults(), 20_000, END, 730, 5);
    int firstHalf = IntStream.range(0, 365).map(sim::customersAcquiredOn).sum();
    int secondHalf = IntStream.range(365, 730).map(sim::customersAcquiredOn).sum();
    assertThat(firstHalf + secondHalf).isEqualTo(20_000);
    // Density 3 - 2x on [0, 1): halves in the ratio 1.25 : 0.75.
    assertThat((double) firstHalf / secondHalf).isCloseTo(1.25 / 0.75, within(0.1));
    assertThat(sim.acquisitionDay(0)).isZero();
    assertThat(sim.acquisitionDay(19_999)).isLessThan(730);
    for (int i : new int[] {0, 1234, 19_999}) {
      assertThat((int) Math.floor(sim.profile(i).acquisitionTime()))
          .isEqualTo(sim.acquisitionDay(i));
      assertThat(sim.ordersOf(i).get(0).orderTs().toLocalDate())
          .isEqualTo(sim.startDate().plusDays(sim.acquisitionDay(i)));
    }
  }

  @Test
  void customerDrawsMatchTheConfiguredPopulation() {
    SimulationParameters params = SimulationParameters.defaults();
    TransactionSimulator sim = new TransactionSimulator(params, 40_000, END, 730, 9);
    double lambda = 0;
    double dropout = 0;
    double inverseNu = 0;
    for (int i = 0; i < sim.customers(); i++) {
      CustomerProfile c = sim.profile(i);
      lambda += c.lambda();
      dropout += c.dropout();
      inverseNu += 1.0 / c.nu();
    }
    int n = sim.customers();
    assertThat(lambda / n)
        .isCloseTo(params.meanPurchaseRate(), within(0.05 * params.meanPurchaseRate()));
    assertThat(dropout / n).isCloseTo(params.meanDropout(), within(0.01));
    assertThat(params.p() * inverseNu / n).isCloseTo(params.meanOrderValue(), within(3.0));
  }

  @Test
  void purchaseRateWithoutDropoutIsRecovered() {
    // Dropout ~ Beta(1, 1e6) is practically 0: repeat purchases / exposure estimates E[lambda] = r
    // / alpha.
    SimulationParameters params =
        SimulationParameters.defaults().withPurchaseProcess(0.5, 10.0, 1.0, 1e6);
    TransactionSimulator sim = new TransactionSimulator(params, 20_000, END, 365, 21);
    long repeats = sim.ordersByCustomer().filter(SimulatedOrder::isRepeat).count();
    double exposure = 0;
    for (int i = 0; i < sim.customers(); i++) {
      exposure += sim.days() - sim.profile(i).acquisitionTime();
    }
    assertThat(repeats / exposure).isCloseTo(0.05, within(0.05 * 0.1));
  }

  @Test
  void repeatCountsMatchTheBgNbdExpectation() {
    SimulationParameters params = SimulationParameters.defaults();
    TransactionSimulator sim = new TransactionSimulator(params, 20_000, END, 730, 33);
    long repeats = sim.ordersByCustomer().filter(SimulatedOrder::isRepeat).count();
    double expected = 0;
    for (int i = 0; i < sim.customers(); i++) {
      expected += expectedRepeats(params, sim.days() - sim.profile(i).acquisitionTime());
    }
    assertThat((double) repeats).isCloseTo(expected, within(0.1 * expected));
  }

  @Test
  void orderValuesFollowTheGammaGammaMean() {
    SimulationParameters params = SimulationParameters.defaults();
    TransactionSimulator sim = new TransactionSimulator(params, 20_000, END, 365, 44);
    // The mean over customers of (p / nu) is p v / (q - 1); check the customers' mean z instead,
    // with
    // each customer weighted once (mean over that customer's orders).
    double sum = 0;
    int n = 0;
    for (int i = 0; i < sim.customers(); i++) {
      List<SimulatedOrder> orders = sim.ordersOf(i);
      sum += orders.stream().mapToDouble(SimulatedOrder::valueEur).average().orElseThrow();
      n++;
    }
    assertThat(sum / n).isCloseTo(params.meanOrderValue(), within(0.05 * params.meanOrderValue()));
  }

  @Test
  void secondOfDayIsMonotoneAndQuietAtNight() {
    int previous = -1;
    int night = 0;
    for (int i = 0; i < 100_000; i++) {
      int s = DiurnalProfile.secondOfDay(i / 100_000.0);
      assertThat(s).isGreaterThanOrEqualTo(previous).isBetween(0, 86_399);
      previous = s;
      if (s < 6 * 3600) {
        night++;
      }
    }
    assertThat(night).isLessThan(5_000);
  }

  /** BG/NBD E[X(t)] (Fader, Hardie and Lee 2005, eq. 9). */
  static double expectedRepeats(SimulationParameters p, double t) {
    return BgNbdFormulas.expectedRepeats(p.r(), p.alpha(), p.a(), p.b(), t);
  }
}
