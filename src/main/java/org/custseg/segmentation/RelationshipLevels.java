package org.custseg.segmentation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.RelationshipSettings;
import org.custseg.schema.Columns;

/**
 * Relationship level (Kotler) and relationship-marketing depth of a pyramid tier or portfolio
 * quadrant (domain.md section 7).
 *
 * <ul>
 *   <li>size band: the segment's share of all customers in the table; {@code >= many-min-share} is
 *       many, {@code >= medium-min-share} medium, else few;
 *   <li>margin band: the data has no cost or margin column, so the margin is taken proportional to
 *       value (one margin rate for all customers, which cancels out): margin index = the segment's
 *       mean {@code trailing_value} per customer / the mean over all customers; {@code >=
 *       high-margin-index} is high, {@code >= medium-margin-index} medium, else low;
 *   <li>level = {@code levels[size][margin]}; depth = {@code depth[segment]} (configuration).
 * </ul>
 *
 * A customer's {@code relationship_level} is the level of their pyramid tier.
 */
public final class RelationshipLevels {

  /** The recommendation for one segment, with the figures that led to it. */
  public record Recommendation(
      String segment,
      long customers,
      double share,
      double marginIndex,
      String sizeBand,
      String marginBand,
      String level,
      String depth) {}

  private final RelationshipSettings rules;

  public RelationshipLevels(RelationshipSettings rules) {
    this.rules = rules;
  }

  /**
   * @param customers the segment's customers
   * @param value the segment's summed trailing_value
   * @param allCustomers customers in the table
   * @param allValue summed trailing_value of the table
   */
  public Recommendation recommend(
      String segment, long customers, BigDecimal value, long allCustomers, BigDecimal allValue) {
    double share = allCustomers == 0 ? 0 : (double) customers / allCustomers;
    double overallMean = allCustomers == 0 ? 0 : allValue.doubleValue() / allCustomers;
    double mean = customers == 0 ? 0 : value.doubleValue() / customers;
    double index = overallMean <= 0 ? 0 : mean / overallMean;
    String size =
        share >= rules.manyMinShare() ? "many" : share >= rules.mediumMinShare() ? "medium" : "few";
    String margin =
        index >= rules.highMarginIndex()
            ? "high"
            : index >= rules.mediumMarginIndex() ? "medium" : "low";
    return new Recommendation(
        segment,
        customers,
        share,
        index,
        size,
        margin,
        rules.levels().get(size).get(margin),
        rules.depth().get(segment));
  }

  /** Recommendations for the groups of one column (pyramid_tier or portfolio_quadrant). */
  public Map<String, Recommendation> recommend(
      Map<String, long[]> counts, Map<String, BigDecimal> values) {
    long all = counts.values().stream().mapToLong(c -> c[0]).sum();
    BigDecimal allValue = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<String, Recommendation> out = new LinkedHashMap<>();
    counts.forEach(
        (segment, c) ->
            out.put(
                segment,
                recommend(
                    segment, c[0], values.getOrDefault(segment, BigDecimal.ZERO), all, allValue)));
    return out;
  }

  /** Per-tier recommendations from the customer table (one small aggregation). */
  public Map<String, Recommendation> byTier(Dataset<Row> customers) {
    List<Row> rows =
        customers
            .groupBy(col(Columns.PYRAMID_TIER))
            .agg(count(lit(1)), sum(col(Columns.TRAILING_VALUE)))
            .collectAsList();
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    for (Row r : rows) {
      counts.put(r.getString(0), new long[] {r.getLong(1)});
      values.put(r.getString(0), r.isNullAt(2) ? BigDecimal.ZERO : r.getDecimal(2));
    }
    return recommend(counts, values);
  }

  /** Adds {@code relationship_level} from the customer's pyramid tier. */
  public static Dataset<Row> apply(Dataset<Row> customers, Map<String, Recommendation> byTier) {
    Column level = lit(null).cast("string");
    for (Recommendation r : byTier.values()) {
      level = when(col(Columns.PYRAMID_TIER).equalTo(r.segment()), lit(r.level())).otherwise(level);
    }
    return customers.withColumn(Columns.RELATIONSHIP_LEVEL, level);
  }
}
