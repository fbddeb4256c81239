package org.custseg.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A calendar queue with one bucket per minute of the window: each customer sits in the bucket of
 * their next event (an intrusive linked list), and buckets are drained in time order. Customers
 * enter the queue on their acquisition day.
 */
final class TimeOrderedOrders implements Iterator<SimulatedOrder> {
  private final TransactionSimulator simulator;
  private final int[] head;
  private final int[] link;
  private final int[] sequence;
  private final double[] nextTime;
  private final List<SimulatedOrder> buffer = new ArrayList<>();
  private int[] scratch = new int[64];
  private int position;
  private int bucket = -1;

  TimeOrderedOrders(TransactionSimulator simulator) {
    this.simulator = simulator;
    this.head = new int[simulator.days() * TransactionSimulator.MINUTES_PER_DAY];
    this.link = new int[simulator.customers()];
    this.sequence = new int[simulator.customers()];
    this.nextTime = new double[simulator.customers()];
    Arrays.fill(head, -1);
  }

  @Override
  public boolean hasNext() {
    while (position >= buffer.size()) {
      if (!advance()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public SimulatedOrder next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.get(position++);
  }

  private boolean advance() {
    buffer.clear();
    position = 0;
    if (bucket + 1 >= head.length) {
      return false;
    }
    bucket++;
    if (bucket % TransactionSimulator.MINUTES_PER_DAY == 0) {
      admit(bucket / TransactionSimulator.MINUTES_PER_DAY);
    }
    int n = 0;
    for (int i = head[bucket]; i != -1; i = link[i]) {
      n = add(n, i);
    }
    head[bucket] = -1;
    for (int j = 0; j < n; j++) {
      int i = scratch[j];
      CustomerProfile c = simulator.profile(i);
      int k = sequence[i];
      double t = nextTime[i];
      buffer.add(simulator.order(c, k, t));
      double next = simulator.nextEventTime(c, k, t);
      if (!Double.isNaN(next)) {
        sequence[i] = k + 1;
        nextTime[i] = next;
        int b = simulator.bucketOf(next);
        if (b == bucket) {
          n = add(n, i);
        } else {
          push(b, i);
        }
      }
    }
    buffer.sort(TransactionSimulator.TIME_ORDER);
    return true;
  }

  private int add(int n, int customer) {
    if (n == scratch.length) {
      scratch = Arrays.copyOf(scratch, n * 2);
    }
    scratch[n] = customer;
    return n + 1;
  }

  private void push(int b, int customer) {
    link[customer] = head[b];
    head[b] = customer;
  }

  private void admit(int day) {
    for (int i = simulator.firstCustomerOfDay(day);
        i < simulator.firstCustomerOfDay(day + 1);
        i++) {
      double t = simulator.profile(i).acquisitionTime();
      sequence[i] = 0;
      nextTime[i] = t;
      push(simulator.bucketOf(t), i);
    }
  }
}
