package org.custseg.segmentation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.PyramidSettings;
import org.custseg.schema.Columns;

/**
 * The customer value pyramid (domain.md section 5). Active customers, ranked by value ({@code
 * value_rank}, 1 = best), fill the tiers from the top by share of customers: with n active
 * customers, ranks up to {@code ceil(vip * n)} are vip, up to {@code ceil((vip + key) * n)} key, up
 * to {@code ceil((vip + key + medium) * n)} medium, the rest small. Customers without a purchase in
 * the activity window are inactive.
 */
public final class ValuePyramid {

  public static final String VIP = "vip";
  public static final String KEY = "key";
  public static final String MEDIUM = "medium";
  public static final String SMALL = "small";
  public static final String INACTIVE = "inactive";

  /** Tiers from the top. */
  public static final java.util.List<String> TIERS =
      java.util.List.of(VIP, KEY, MEDIUM, SMALL, INACTIVE);

  /** The last rank of each active tier. */
  public record Bounds(long vip, long key, long medium) {

    public static Bounds of(long activeCustomers, PyramidSettings shares) {
      return new Bounds(
          ceil(shares.vipShare() * activeCustomers),
          ceil((shares.vipShare() + shares.keyShare()) * activeCustomers),
          ceil((shares.vipShare() + shares.keyShare() + shares.mediumShare()) * activeCustomers));
    }

    private static long ceil(double x) {
      return (long) Math.ceil(x - 1e-9);
    }
  }

  private ValuePyramid() {}

  /** Needs {@code is_active} and {@code value_rank}. */
  public static Dataset<Row> apply(Dataset<Row> ranked, Bounds bounds) {
    return ranked.withColumn(
        Columns.PYRAMID_TIER,
        when(col(Columns.IS_ACTIVE).equalTo(false), lit(INACTIVE))
            .when(col(Columns.VALUE_RANK).leq(bounds.vip()), lit(VIP))
            .when(col(Columns.VALUE_RANK).leq(bounds.key()), lit(KEY))
            .when(col(Columns.VALUE_RANK).leq(bounds.medium()), lit(MEDIUM))
            .otherwise(lit(SMALL)));
  }
}
