package org.custseg.features;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Builds {@link CustomerState} rows in one pass over a partition of clean transaction rows
 * clustered by customer and sorted by (customer, order date, transaction id): the rows of one order
 * are adjacent, the orders of one day are adjacent, and a customer's rows end before the next
 * customer's begin. Memory holds one customer at a time (its trailing-window days and attribute
 * counts), whatever the partition's size.
 *
 * <p>Input columns, in order: customer_id, transaction_id, order_date, amount, then the attribute
 * columns of {@link CustomerState#ATTRIBUTES} present in the export (their positions given).
 */
final class StateBuilder implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LocalDate windowStart;

  /** For each of {@link CustomerState#ATTRIBUTES}: its input column, or -1 when absent. */
  private final int[] attributeColumns;

  /**
   * @param asOf the state's date
   * @param windowDays daily amounts are kept for the days after {@code asOf - windowDays}
   */
  StateBuilder(LocalDate asOf, int windowDays, int[] attributeColumns) {
    this.windowStart = asOf.minusDays(windowDays);
    this.attributeColumns = attributeColumns.clone();
  }

  Iterator<Row> build(Iterator<Row> rows) {
    return new Iterator<>() {
      private Row pending = rows.hasNext() ? rows.next() : null;

      @Override
      public boolean hasNext() {
        return pending != null;
      }

      @Override
      public Row next() {
        if (pending == null) {
          throw new NoSuchElementException();
        }
        Customer c = new Customer(pending.getString(0));
        while (pending != null && c.id.equals(pending.getString(0))) {
          c.add(pending);
          pending = rows.hasNext() ? rows.next() : null;
        }
        return c.finish();
      }
    };
  }

  /** One customer's running state. */
  private final class Customer {
    final String id;
    Date first;
    Date last;
    long purchaseOrders;
    long purchaseDays;
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;
    BigDecimal firstDayNet = BigDecimal.ZERO;
    BigDecimal repeatNet = BigDecimal.ZERO;
    BigDecimal leadingRefunds = BigDecimal.ZERO;
    final List<Row> recent = new ArrayList<>();
    final List<TreeMap<String, Long>> counts = new ArrayList<>();

    // the open order and the open day
    String orderTx;
    Date orderDay;
    BigDecimal orderAmount;
    boolean orderAllZero;
    Date day;
    long dayPurchaseOrders;
    BigDecimal dayNet;

    Customer(String id) {
      this.id = id;
      for (int i = 0; i < attributeColumns.length; i++) {
        counts.add(new TreeMap<>());
      }
    }

    void add(Row r) {
      String tx = r.getString(1);
      Date date = r.getDate(2);
      BigDecimal amount = r.getDecimal(3);
      if (orderDay == null || !orderDay.equals(date) || !Objects.equals(orderTx, tx)) {
        closeOrder();
        if (day == null || !day.equals(date)) {
          closeDay();
          day = date;
          dayPurchaseOrders = 0;
          dayNet = BigDecimal.ZERO;
        }
        orderTx = tx;
        orderDay = date;
        orderAmount = BigDecimal.ZERO;
        orderAllZero = true;
      }
      orderAmount = orderAmount.add(amount);
      orderAllZero &= amount.signum() == 0;
      for (int i = 0; i < attributeColumns.length; i++) {
        int col = attributeColumns[i];
        if (col >= 0 && !r.isNullAt(col)) {
          String v = r.getString(col).strip();
          if (!v.isEmpty()) {
            counts.get(i).merge(v, 1L, Long::sum);
          }
        }
      }
    }

    /** An order is a purchase when it nets above zero, or all its rows are zero (free goods). */
    private void closeOrder() {
      if (orderDay == null) {
        return;
      }
      dayNet = dayNet.add(orderAmount);
      if (orderAmount.signum() > 0 || orderAllZero) {
        dayPurchaseOrders++;
      } else {
        refunds = refunds.subtract(orderAmount);
      }
      orderDay = null;
    }

    /**
     * A day's net amount goes to the latest purchase day on or before it (the day itself when it is
     * one): before any purchase day to the leading refunds, while there is one purchase day to the
     * first day's net value, afterwards to the repeat days' net value.
     */
    private void closeDay() {
      if (day == null) {
        return;
      }
      net = net.add(dayNet);
      purchaseOrders += dayPurchaseOrders;
      if (dayPurchaseOrders > 0) {
        purchaseDays++;
        if (first == null) {
          first = day;
        }
        last = day;
      }
      if (purchaseDays == 0) {
        leadingRefunds = leadingRefunds.add(dayNet);
      } else if (purchaseDays == 1) {
        firstDayNet = firstDayNet.add(dayNet);
      } else {
        repeatNet = repeatNet.add(dayNet);
      }
      if (day.toLocalDate().isAfter(windowStart)) {
        recent.add(RowFactory.create(day, dayNet));
      }
      day = null;
    }

    Row finish() {
      closeOrder();
      closeDay();
      Object[] values = new Object[13];
      values[0] = id;
      values[1] = first;
      values[2] = last;
      values[3] = purchaseOrders;
      values[4] = purchaseDays;
      values[5] = net;
      values[6] = refunds;
      values[7] = firstDayNet;
      values[8] = repeatNet;
      values[9] = leadingRefunds;
      values[10] = CollectionConverters.asScala(recent).toSeq();
      for (int i = 0; i < attributeColumns.length; i++) {
        Map<String, Long> m = counts.get(i);
        values[11 + i] = m.isEmpty() ? null : CollectionConverters.asScala(m);
      }
      return RowFactory.create(values);
    }
  }
}
