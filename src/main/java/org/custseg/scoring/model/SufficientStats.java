package org.custseg.scoring.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compression of per-customer statistics into weighted, distinct records (the likelihoods only
 * depend on them).
 */
public final class SufficientStats {

  private SufficientStats() {}

  private record TripleKey(int x, double tx, double T) {}

  private record SpendKey(int x, double meanSpend) {}

  /**
   * Merges triples with identical {@code (x, tx, T)} into one record whose count is the sum of the
   * counts.
   */
  public static List<CustomerTriple> compress(Collection<CustomerTriple> triples) {
    Map<TripleKey, Long> counts = new LinkedHashMap<>();
    for (CustomerTriple t : triples) {
      counts.merge(new TripleKey(t.x(), t.tx(), t.T()), t.count(), Long::sum);
    }
    List<CustomerTriple> out = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> out.add(new CustomerTriple(k.x(), k.tx(), k.T(), c)));
    return out;
  }

  /** Merges spend observations with identical {@code (x, meanSpend)}. */
  public static List<SpendObservation> compressSpend(Collection<SpendObservation> observations) {
    Map<SpendKey, Long> counts = new LinkedHashMap<>();
    for (SpendObservation o : observations) {
      counts.merge(new SpendKey(o.x(), o.meanSpend()), o.count(), Long::sum);
    }
    List<SpendObservation> out = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> out.add(new SpendObservation(k.x(), k.meanSpend(), c)));
    return out;
  }

  /** Total number of customers represented (sum of counts). */
  public static long totalCount(Collection<CustomerTriple> triples) {
    long n = 0;
    for (CustomerTriple t : triples) {
      n += t.count();
    }
    return n;
  }

  /** Total number of repeat purchases represented (sum of {@code x * count}). */
  public static long totalRepeatPurchases(Collection<CustomerTriple> triples) {
    long n = 0;
    for (CustomerTriple t : triples) {
      n += (long) t.x() * t.count();
    }
    return n;
  }

  /**
   * Compressed triples with the totals a transaction-model fit starts from, and the reason the data
   * cannot identify a BG/NBD or Pareto/NBD model, if there is one.
   */
  public record TransactionData(
      List<CustomerTriple> triples, long customers, long repeatPurchases, double totalAge) {

    public static TransactionData of(Collection<CustomerTriple> data) {
      List<CustomerTriple> triples = compress(data);
      double sumT = 0;
      for (CustomerTriple t : triples) {
        sumT += t.count() * t.T();
      }
      return new TransactionData(triples, totalCount(triples), totalRepeatPurchases(triples), sumT);
    }

    /** Why a fit is impossible (no customers, no repeat purchases, no age), or empty. */
    public java.util.Optional<String> degenerate() {
      if (customers == 0) {
        return java.util.Optional.of("no customers to fit");
      }
      if (repeatPurchases == 0) {
        return java.util.Optional.of(
            "no repeat purchases among "
                + customers
                + " customers: the purchase rate and the dropout are not identifiable (the likelihood"
                + " increases without bound as the rate goes to 0)");
      }
      if (!(totalAge > 0)) {
        return java.util.Optional.of("all customers have age T = 0");
      }
      return java.util.Optional.empty();
    }
  }
}
