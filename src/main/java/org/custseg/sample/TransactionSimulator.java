package org.custseg.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Pure, seeded, deterministic simulator of a customer base that follows the BG/NBD purchase story
 * and Gamma-Gamma spend with known parameters (see {@link SimulationParameters}).
 *
 * <p>The window is {@code days} calendar days ending on {@code endDate} (inclusive). Customers are
 * numbered in acquisition order; each is acquired on a day drawn from a density that falls linearly
 * over the window, makes a trial purchase at acquisition, then repeat purchases at exponential gaps
 * (rate {@code lambda}), and after each repeat purchase drops out with probability {@code dropout}.
 * Continuous time within a day is mapped to a clock time through a fixed diurnal profile (few
 * orders at night, peaks around noon and in the evening); the map is monotone, so the number of
 * orders per day is exactly that of the BG/NBD process.
 *
 * <p>Every draw comes from a random stream keyed by (seed, customer, event), so:
 *
 * <ul>
 *   <li>{@link #ordersOf(int)} regenerates one customer's history in isolation;
 *   <li>{@link #orders()} yields all orders in time order with memory proportional to the customer
 *       count only (16 bytes a customer plus 4 bytes a minute of the window), never to the row
 *       count;
 *   <li>both yield exactly the same orders, and the same seed always gives the same output.
 * </ul>
 */
public final class TransactionSimulator {

  /** Channels, in the order of {@link #CHANNEL_WEIGHTS}. */
  public static final List<String> CHANNELS = List.of("web", "store", "app");

  private static final double[] CHANNEL_WEIGHTS = SimRandom.cumulative(0.45, 0.35, 0.20);
  private static final double PREFERRED_CHANNEL_SHARE = 0.75;
  private static final double HOME_STORE_SHARE = 0.85;

  /** Store orders outside these hours (local clock, [open, close)) are turned into web orders. */
  private static final int STORE_OPEN_HOUR = 8;

  private static final int STORE_CLOSE_HOUR = 21;

  /** Units per order: 1..6. */
  private static final double[] QUANTITY_WEIGHTS =
      SimRandom.cumulative(0.55, 0.25, 0.10, 0.05, 0.03, 0.02);

  static final int MINUTES_PER_DAY = 1440;
  private static final int MAX_EVENTS_PER_CUSTOMER = 1 << 24;
  private static final double MEAN_REFUND_DELAY_DAYS = 6.0;

  private static final long STREAM_PROFILE = 1;
  private static final long STREAM_GAP = 2;
  private static final long STREAM_DROPOUT = 3;
  private static final long STREAM_DETAIL = 4;
  private static final long STREAM_ACQUISITION = 5;

  static final Comparator<SimulatedOrder> TIME_ORDER =
      Comparator.comparing(SimulatedOrder::orderTs).thenComparing(SimulatedOrder::transactionId);

  private final SimulationParameters params;
  private final int customers;
  private final LocalDate startDate;
  private final int days;
  private final long seed;
  private final long idMask;

  /** firstCustomerOfDay[d] = number of customers acquired before day d; length days + 1. */
  private final int[] firstCustomerOfDay;

  /**
   * @param params the true parameters
   * @param customers number of customers acquired in the window (&gt;= 0)
   * @param endDate last day of the window (inclusive)
   * @param days window length in days (&gt;= 1)
   * @param seed master seed
   */
  public TransactionSimulator(
      SimulationParameters params, int customers, LocalDate endDate, int days, long seed) {
    this.params = Objects.requireNonNull(params, "params");
    Objects.requireNonNull(endDate, "endDate");
    if (customers < 0) {
      throw new IllegalArgumentException("customers must be >= 0: " + customers);
    }
    if (days < 1 || (long) days * MINUTES_PER_DAY > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("days out of range: " + days);
    }
    this.customers = customers;
    this.days = days;
    this.startDate = endDate.minusDays(days - 1L);
    this.seed = seed;
    this.idMask = SimRandom.mix64(seed ^ 0x3c6ef372fe94f82bL);
    this.firstCustomerOfDay = acquisitionSchedule();
  }

  /**
   * Draws every customer's acquisition day (one uniform each) and keeps only the counts per day.
   */
  private int[] acquisitionSchedule() {
    int[] counts = new int[days + 1];
    SplittableRandom rng = SimRandom.rng(seed, -1, 0, STREAM_ACQUISITION);
    double s = params.acquisitionSkew();
    for (int i = 0; i < customers; i++) {
      double u = rng.nextDouble();
      // Inverse CDF of the density proportional to s - (s - 1) x on [0, 1).
      double x = s == 1.0 ? u : (s - Math.sqrt(s * s - (s * s - 1.0) * u)) / (s - 1.0);
      int day = Math.min(days - 1, Math.max(0, (int) (x * days)));
      counts[day + 1]++;
    }
    for (int d = 1; d <= days; d++) {
      counts[d] += counts[d - 1];
    }
    return counts;
  }

  public SimulationParameters parameters() {
    return params;
  }

  public int customers() {
    return customers;
  }

  public int days() {
    return days;
  }

  public long seed() {
    return seed;
  }

  /** First day of the window. */
  public LocalDate startDate() {
    return startDate;
  }

  /** Last day of the window (inclusive). */
  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }

  /** Number of customers acquired on the given day (0-based day of the window). */
  public int customersAcquiredOn(int day) {
    return firstCustomerOfDay[day + 1] - firstCustomerOfDay[day];
  }

  /** The 0-based window day on which customer {@code index} was acquired. */
  public int acquisitionDay(int index) {
    checkIndex(index);
    // Largest d with firstCustomerOfDay[d] <= index.
    int lo = 0;
    int hi = days - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (firstCustomerOfDay[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * The exported customer id of a customer index: {@code C} and 8 digits (more beyond 99,999,999).
   */
  public static String customerId(int index) {
    String digits = Integer.toString(index + 1);
    return digits.length() >= 8 ? "C" + digits : "C" + "0".repeat(8 - digits.length()) + digits;
  }

  /** The hidden per-customer parameters. */
  public CustomerProfile profile(int index) {
    checkIndex(index);
    SplittableRandom rng = SimRandom.rng(seed, index, 0, STREAM_PROFILE);
    int day = acquisitionDay(index);
    double acquisitionTime = DiurnalProfile.inDay(day, rng.nextDouble());
    double lambda = SimRandom.gamma(rng, params.r(), params.alpha());
    double dropout = SimRandom.beta(rng, params.a(), params.b());
    double nu = SimRandom.gamma(rng, params.q(), params.v());
    Country country = Country.ALL.get(SimRandom.pick(rng, Country.WEIGHTS));
    String channel = CHANNELS.get(SimRandom.pick(rng, CHANNEL_WEIGHTS));
    int homeStore = 1 + rng.nextInt(country.stores());
    return new CustomerProfile(
        index,
        customerId(index),
        acquisitionTime,
        lambda,
        dropout,
        nu,
        country.code(),
        country.currency(),
        channel,
        homeStore);
  }

  /** All orders of one customer inside the window, in time order. */
  public List<SimulatedOrder> ordersOf(int index) {
    CustomerProfile c = profile(index);
    List<SimulatedOrder> out = new ArrayList<>();
    double t = c.acquisitionTime();
    int k = 0;
    while (true) {
      out.add(order(c, k, t));
      t = nextEventTime(c, k, t);
      if (Double.isNaN(t)) {
        return out;
      }
      k++;
    }
  }

  /** All orders, customer by customer (customer-major, constant memory). */
  public Stream<SimulatedOrder> ordersByCustomer() {
    return IntStream.range(0, customers).boxed().flatMap(i -> ordersOf(i).stream());
  }

  /** All orders of all customers in time order (then by transaction id). */
  public Stream<SimulatedOrder> orders() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            orderIterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** Iterator behind {@link #orders()}. */
  public Iterator<SimulatedOrder> orderIterator() {
    return new TimeOrderedOrders(this);
  }

  /** The local date-time of a continuous window time (days since the window start). */
  public LocalDateTime toLocalDateTime(double t) {
    int day = (int) Math.floor(t);
    return startDate.plusDays(day).atStartOfDay().plusSeconds(DiurnalProfile.secondOfDay(t - day));
  }

  /**
   * Time of event k + 1 given event k at time t, or NaN if the customer drops out after event k or
   * the next event falls after the window.
   */
  double nextEventTime(CustomerProfile c, int k, double t) {
    if (k >= 1 && SimRandom.rng(seed, c.index(), k, STREAM_DROPOUT).nextDouble() < c.dropout()) {
      return Double.NaN;
    }
    if (k + 1 >= MAX_EVENTS_PER_CUSTOMER) {
      return Double.NaN;
    }
    double next =
        t + SimRandom.exponential(SimRandom.rng(seed, c.index(), k + 1, STREAM_GAP), c.lambda());
    return next < days ? next : Double.NaN;
  }

  SimulatedOrder order(CustomerProfile c, int k, double t) {
    SplittableRandom rng = SimRandom.rng(seed, c.index(), k, STREAM_DETAIL);
    int day = (int) Math.floor(t);
    int second = DiurnalProfile.secondOfDay(t - day);
    LocalDateTime ts = startDate.plusDays(day).atStartOfDay().plusSeconds(second);
    int hour = second / 3600;

    double value = SimRandom.gamma(rng, params.p(), c.nu());
    String channel =
        rng.nextDouble() < PREFERRED_CHANNEL_SHARE
            ? c.preferredChannel()
            : CHANNELS.get(SimRandom.pick(rng, CHANNEL_WEIGHTS));
    if (channel.equals("store") && (hour < STORE_OPEN_HOUR || hour >= STORE_CLOSE_HOUR)) {
      channel = "web";
    }
    int quantity = 1 + SimRandom.pick(rng, QUANTITY_WEIGHTS);
    Country country = Country.of(c.country());
    long unitCents = Math.max(1L, Math.round(value * country.eurRate() * 100.0 / quantity));
    long amountCents = unitCents * quantity;
    int storeNo =
        rng.nextDouble() < HOME_STORE_SHARE ? c.homeStore() : 1 + rng.nextInt(country.stores());
    String storeId =
        switch (channel) {
          case "store" ->
              country.code() + "-S" + (storeNo < 10 ? "00" : storeNo < 100 ? "0" : "") + storeNo;
          case "app" -> country.code() + "-APP";
          default -> country.code() + "-WEB";
        };
    String hex = transactionHex(c.index(), k);

    SimulatedRefund refund = null;
    if (rng.nextDouble() < params.refundRate()) {
      double delayDraw = Math.floor(SimRandom.exponential(rng, 1.0 / MEAN_REFUND_DELAY_DAYS));
      int delay = 1 + (int) Math.min(params.maxRefundDelayDays() - 1.0, delayDraw);
      double refundFrac = rng.nextDouble();
      LocalDateTime refundTs = toLocalDateTime(DiurnalProfile.inDay(day + delay, refundFrac));
      if (channel.equals("store")
          && (refundTs.getHour() < STORE_OPEN_HOUR || refundTs.getHour() >= STORE_CLOSE_HOUR)) {
        // Store refunds happen at the counter: spread them evenly over the opening hours instead.
        refundTs =
            refundTs
                .toLocalDate()
                .atTime(STORE_OPEN_HOUR, 0)
                .plusSeconds((long) (refundFrac * (STORE_CLOSE_HOUR - STORE_OPEN_HOUR) * 3600));
      }
      boolean full = rng.nextDouble() < params.fullRefundShare();
      int refundQuantity;
      long refundUnitCents = unitCents;
      if (full) {
        refundQuantity = quantity;
      } else if (quantity > 1) {
        refundQuantity = 1 + rng.nextInt(quantity - 1);
      } else {
        refundQuantity = 1;
        refundUnitCents = Math.max(1L, Math.round(unitCents * (0.2 + 0.5 * rng.nextDouble())));
      }
      if (day + delay < days) {
        refund =
            new SimulatedRefund(
                "R" + hex,
                "T" + hex,
                refundTs,
                BigDecimal.valueOf(-refundQuantity * refundUnitCents, 2),
                -refundQuantity,
                BigDecimal.valueOf(refundUnitCents, 2),
                full);
      }
    }
    return new SimulatedOrder(
        c.index(),
        k,
        "T" + hex,
        c.customerId(),
        ts,
        BigDecimal.valueOf(amountCents, 2),
        country.currency(),
        quantity,
        BigDecimal.valueOf(unitCents, 2),
        storeId,
        channel,
        country.code(),
        value,
        refund);
  }

  /** 16 hex digits, a bijection of (customer, event) under the seed: unique ids. */
  private String transactionHex(int index, int k) {
    long key = ((long) index << 24) | k;
    String hex = Long.toHexString(SimRandom.mix64(key ^ idMask)).toUpperCase();
    return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
  }

  int bucketOf(double t) {
    int day = (int) Math.floor(t);
    return day * MINUTES_PER_DAY + DiurnalProfile.secondOfDay(t - day) / 60;
  }

  /** The number of customers acquired before window day {@code day}. */
  int firstCustomerOfDay(int day) {
    return firstCustomerOfDay[day];
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= customers) {
      throw new IndexOutOfBoundsException("customer index " + index + " of " + customers);
    }
  }
}
