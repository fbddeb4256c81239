package org.custseg.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link TransactionSimulator}'s orders as daily export files {@code
 * transactions_YYYY-MM-DD.csv[.gz]}, one per window day (header only on a day without rows), adding
 * refund rows and transport noise (dirty rows and re-sent duplicates).
 *
 * <p>Streaming: orders come from {@link TransactionSimulator#orderIterator()} in time order and go
 * straight to the open day file. Only the refunds still to come (those of the last {@code
 * maxRefundDelayDays} days' orders) and the duplicates re-sent at the top of the next day's file
 * are held in memory.
 *
 * <p>Noise, decided by a per-day random stream keyed by the seed:
 *
 * <ul>
 *   <li>dirty rows: with probability {@code dirtyRate} an order's row is written corrupted instead
 *       of clean (the order is lost to the pipeline): missing customer id, unparseable timestamp,
 *       non-numeric amount, or zero amount, a quarter each;
 *   <li>duplicates: with probability {@code duplicateRate} a clean order or refund row is written a
 *       second time, byte for byte, right after the original or, with probability {@code
 *       nextDayDuplicateShare}, at the top of the next day's file.
 * </ul>
 */
public final class SampleWriter {

  public static final String HEADER =
      "transaction_id,customer_id,order_ts,amount,currency,quantity,unit_price,store_id,channel,country";
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final long STREAM_NOISE = 101;

  /** Output format. */
  public enum Format {
    CSV("csv"),
    CSV_GZ("csv.gz");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }

    /** Parses {@code csv} or {@code csv.gz}. */
    public static Format parse(String text) {
      for (Format f : values()) {
        if (f.extension.equalsIgnoreCase(text)) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown format (csv or csv.gz): " + text);
    }
  }

  /**
   * Transport noise rates.
   *
   * @param dirtyRate probability that an order row is written corrupted
   * @param duplicateRate probability that a clean row is re-sent once
   * @param nextDayDuplicateShare share of the re-sent rows that land in the next day's file
   */
  public record NoiseOptions(double dirtyRate, double duplicateRate, double nextDayDuplicateShare) {
    public static final double DEFAULT_DIRTY_RATE = 0.005;
    public static final double DEFAULT_DUPLICATE_RATE = 0.002;
    public static final double DEFAULT_NEXT_DAY_DUPLICATE_SHARE = 0.3;

    public NoiseOptions {
      check("dirtyRate", dirtyRate);
      check("duplicateRate", duplicateRate);
      check("nextDayDuplicateShare", nextDayDuplicateShare);
    }

    public static NoiseOptions defaults() {
      return new NoiseOptions(
          DEFAULT_DIRTY_RATE, DEFAULT_DUPLICATE_RATE, DEFAULT_NEXT_DAY_DUPLICATE_SHARE);
    }

    public static NoiseOptions none() {
      return new NoiseOptions(0, 0, 0);
    }

    private static void check(String name, double value) {
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
      }
    }
  }

  /**
   * What was written. {@code rows} counts data rows (no headers) and equals {@code orders + refunds
   * + duplicates}; {@code dirtyRows} are among the orders.
   */
  public record Summary(
      int files,
      long rows,
      int customers,
      long orders,
      long refunds,
      long dirtyRows,
      long duplicates) {
    /** The one-line summary the generator prints. */
    public String line() {
      return String.format(
          java.util.Locale.ROOT,
          "files=%d rows=%d customers=%d orders=%d refunds=%d dirty=%d duplicates=%d",
          files,
          rows,
          customers,
          orders,
          refunds,
          dirtyRows,
          duplicates);
    }
  }

  private final TransactionSimulator simulator;
  private final NoiseOptions noise;
  private final Format format;

  public SampleWriter(TransactionSimulator simulator, NoiseOptions noise, Format format) {
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.noise = Objects.requireNonNull(noise, "noise");
    this.format = Objects.requireNonNull(format, "format");
  }

  /** The file name for a day. */
  public static String fileName(LocalDate day, Format format) {
    return "transactions_" + day + "." + format.extension();
  }

  /**
   * Writes all day files into {@code dir} (created if missing; existing day files are replaced).
   */
  public Summary write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Iterator<SimulatedOrder> orders = simulator.orderIterator();
    SimulatedOrder pendingOrder = orders.hasNext() ? orders.next() : null;
    PriorityQueue<SimulatedOrder> refunds =
        new PriorityQueue<>(
            Comparator.comparing((SimulatedOrder o) -> o.refund().refundTs())
                .thenComparing(o -> o.refund().transactionId()));
    List<String> resendNextDay = new ArrayList<>();
    long rows = 0;
    long orderCount = 0;
    long refundCount = 0;
    long dirty = 0;
    long duplicates = 0;
    int days = simulator.days();
    for (int d = 0; d < days; d++) {
      LocalDate date = simulator.startDate().plusDays(d);
      LocalDateTime dayEnd = date.plusDays(1).atStartOfDay();
      SplittableRandom rng = SimRandom.rng(simulator.seed(), d, 0, STREAM_NOISE);
      boolean lastDay = d == days - 1;
      try (Writer out = open(dir.resolve(fileName(date, format)))) {
        out.write(HEADER);
        out.write('\n');
        for (String line : resendNextDay) {
          out.write(line);
          rows++;
          duplicates++;
        }
        resendNextDay.clear();
        while (true) {
          boolean orderToday = pendingOrder != null && pendingOrder.orderTs().isBefore(dayEnd);
          SimulatedOrder refundOf = refunds.peek();
          boolean refundToday = refundOf != null && refundOf.refund().refundTs().isBefore(dayEnd);
          if (!orderToday && !refundToday) {
            break;
          }
          String line;
          if (orderToday
              && (!refundToday || !refundOf.refund().refundTs().isBefore(pendingOrder.orderTs()))) {
            SimulatedOrder o = pendingOrder;
            pendingOrder = orders.hasNext() ? orders.next() : null;
            orderCount++;
            if (o.refund() != null) {
              refunds.add(o);
            }
            if (rng.nextDouble() < noise.dirtyRate()) {
              out.write(dirtyLine(o, rng));
              rows++;
              dirty++;
              continue;
            }
            line = orderLine(o);
          } else {
            refunds.poll();
            refundCount++;
            line = refundLine(refundOf);
          }
          out.write(line);
          rows++;
          if (rng.nextDouble() < noise.duplicateRate()) {
            if (!lastDay && rng.nextDouble() < noise.nextDayDuplicateShare()) {
              resendNextDay.add(line);
            } else {
              out.write(line);
              rows++;
              duplicates++;
            }
          }
        }
      }
    }
    return new Summary(
        days, rows, simulator.customers(), orderCount, refundCount, dirty, duplicates);
  }

  private Writer open(Path file) throws IOException {
    OutputStream os = Files.newOutputStream(file);
    if (format == Format.CSV_GZ) {
      os = new GZIPOutputStream(os, 1 << 16);
    }
    return new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
  }

  /** The clean CSV line (with its newline) of an order. */
  public static String orderLine(SimulatedOrder o) {
    return line(
        o.transactionId(),
        o.customerId(),
        o.orderTs().format(TIMESTAMP),
        o.amount().toPlainString(),
        o.currency(),
        Integer.toString(o.quantity()),
        o.unitPrice().toPlainString(),
        o.storeId(),
        o.channel(),
        o.country());
  }

  /** The CSV line (with its newline) of an order's refund. */
  public static String refundLine(SimulatedOrder o) {
    SimulatedRefund r = o.refund();
    return line(
        r.transactionId(),
        o.customerId(),
        r.refundTs().format(TIMESTAMP),
        r.amount().toPlainString(),
        o.currency(),
        Integer.toString(r.quantity()),
        r.unitPrice().toPlainString(),
        o.storeId(),
        o.channel(),
        o.country());
  }

  private static String dirtyLine(SimulatedOrder o, SplittableRandom rng) {
    String customer = o.customerId();
    String ts = o.orderTs().format(TIMESTAMP);
    String amount = o.amount().toPlainString();
    String unitPrice = o.unitPrice().toPlainString();
    switch (rng.nextInt(4)) {
      case 0 -> customer = "";
      case 1 -> {
        int variant = rng.nextInt(3);
        if (variant == 0) {
          ts = o.orderTs().getYear() + "-13-45 99:00";
        } else if (variant == 1) {
          ts = o.orderTs().toLocalDate() + " 25:61:00";
        } else {
          ts = "";
        }
      }
      case 2 -> {
        String plain = o.amount().toPlainString();
        int dot = plain.indexOf('.');
        amount =
            rng.nextInt(4) == 0
                ? "N/A"
                : "\"" + plain.substring(0, dot) + "," + plain.charAt(dot + 1) + "x\"";
      }
      default -> {
        amount = "0.00";
        unitPrice = "0.00";
      }
    }
    return line(
        o.transactionId(),
        customer,
        ts,
        amount,
        o.currency(),
        Integer.toString(o.quantity()),
        unitPrice,
        o.storeId(),
        o.channel(),
        o.country());
  }

  private static String line(String... fields) {
    StringBuilder sb = new StringBuilder(96);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(fields[i]);
    }
    return sb.append('\n').toString();
  }
}
