package org.custseg.report.html;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The portfolio matrix: active customers placed by current value (x) and growth potential (y);
 * inactive customers apart.
 *
 * @param xAxis the column of the value axis (named with the vocabulary's words)
 * @param yAxis the column of the growth axis
 * @param quadrants the four quadrants' active customers
 * @param inactive customers without a purchase in the activity window, not in the scatter
 * @param sample a bounded, seeded sample of active customers' points, at most {@link
 *     #MAX_SAMPLE_POINTS}
 */
public record Portfolio(
    String xAxis,
    String yAxis,
    double xThreshold,
    double yThreshold,
    List<Quadrant> quadrants,
    Inactive inactive,
    List<Point> sample) {

  /** The most points the page carries (the scatter stays fast for any number of customers). */
  public static final int MAX_SAMPLE_POINTS = 2000;

  public Portfolio {
    Objects.requireNonNull(xAxis, "xAxis");
    Objects.requireNonNull(yAxis, "yAxis");
    Objects.requireNonNull(inactive, "inactive");
    quadrants = List.copyOf(quadrants);
    sample = List.copyOf(sample);
    if (sample.size() > MAX_SAMPLE_POINTS) {
      throw new IllegalArgumentException(
          "Portfolio sample has "
              + sample.size()
              + " points; at most "
              + MAX_SAMPLE_POINTS
              + " are allowed (sample before building the report)");
    }
  }

  /** The active customers of all four quadrants. */
  public long activeCustomers() {
    return quadrants.stream().mapToLong(Quadrant::customers).sum();
  }

  /** Active customers and their net spend in one quadrant. */
  public record Quadrant(
      String quadrant, long customers, BigDecimal netSpendTrailing, BigDecimal netSpendAllTime) {

    public Quadrant {
      Objects.requireNonNull(quadrant, "quadrant");
      Objects.requireNonNull(netSpendTrailing, "netSpendTrailing");
      Objects.requireNonNull(netSpendAllTime, "netSpendAllTime");
    }
  }

  /** The inactive customers, shown beside the matrix. */
  public record Inactive(long customers, BigDecimal netSpendAllTime) {

    public Inactive {
      Objects.requireNonNull(netSpendAllTime, "netSpendAllTime");
    }
  }

  /** One sampled customer. */
  public record Point(double x, double y, String quadrant) {

    public Point {
      Objects.requireNonNull(quadrant, "quadrant");
    }
  }
}
