package org.custseg.report.html;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The value pyramid.
 *
 * @param rankedBy the column the active customers are ranked by (the pyramid's axis)
 * @param tiers the tiers, any order (the page orders them vip, key, medium, small, inactive)
 */
public record Pyramid(String rankedBy, List<Tier> tiers) {

  public Pyramid {
    Objects.requireNonNull(rankedBy, "rankedBy");
    tiers = List.copyOf(tiers);
  }

  /**
   * One tier.
   *
   * @param customerShare customers / all customers (0-1)
   * @param trailingShare netSpendTrailing / the total (0-1)
   */
  public record Tier(
      String tier,
      long customers,
      BigDecimal netSpendTrailing,
      BigDecimal netSpendAllTime,
      double customerShare,
      double trailingShare) {

    public Tier {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(netSpendTrailing, "netSpendTrailing");
      Objects.requireNonNull(netSpendAllTime, "netSpendAllTime");
    }
  }
}
