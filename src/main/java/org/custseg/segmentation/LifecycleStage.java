package org.custseg.segmentation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.LifecycleSettings;
import org.custseg.schema.Columns;

/**
 * The lifecycle stage of each customer (domain.md section 6). With {@code f} = frequency, {@code
 * gap} = the customer's typical inter-purchase gap = (last - first purchase) / (f - 1) days (repeat
 * buyers only), the first matching rule wins:
 *
 * <ol>
 *   <li><b>decline</b>: a repeat buyer with {@code recency_days > overdue-factor * max(gap,
 *       min-gap-days)}; a one-time buyer with {@code recency_days >= exploration-days}; or {@code
 *       p_alive < decline-p-alive} when the table has {@code p_alive};
 *   <li><b>exploration</b>: {@code f == 1} or {@code tenure_days < exploration-days};
 *   <li><b>stability</b>: {@code f - 1 >= stability-min-repeats}, {@code tenure_days >=
 *       stability-min-tenure-days}, and {@code p_alive >= stability-min-p-alive} when present;
 *   <li><b>formation</b>: every other repeat buyer.
 * </ol>
 *
 * Pure: needs {@code frequency, recency_days, tenure_days, first_purchase_date,
 * last_purchase_date}; uses {@code p_alive} when the column is present.
 */
public final class LifecycleStage {

  public static final String EXPLORATION = "exploration";
  public static final String FORMATION = "formation";
  public static final String STABILITY = "stability";
  public static final String DECLINE = "decline";
  public static final List<String> STAGES = List.of(EXPLORATION, FORMATION, STABILITY, DECLINE);

  private LifecycleStage() {}

  public static Dataset<Row> apply(Dataset<Row> customers, LifecycleSettings rules) {
    boolean hasPAlive = Arrays.asList(customers.columns()).contains(Columns.P_ALIVE);
    Column f = col(Columns.FREQUENCY);
    Column recency = col(Columns.RECENCY_DAYS);
    Column tenure = col(Columns.TENURE_DAYS);
    Column span = tenure.minus(recency).cast("double"); // last - first purchase, in days
    Column gap = when(f.gt(1), span.divide(f.minus(1)));
    Dataset<Row> withGap = customers.withColumn(Columns.TYPICAL_GAP_DAYS, round(gap, 2));
    Column gapCol = col(Columns.TYPICAL_GAP_DAYS);

    Column overdue =
        f.gt(1)
            .and(
                recency
                    .cast("double")
                    .gt(greatest(gapCol, lit(rules.minGapDays())).multiply(rules.overdueFactor())));
    Column oneTimeLapsed = f.leq(1).and(recency.geq(rules.explorationDays()));
    Column decline = overdue.or(oneTimeLapsed);
    Column stable =
        f.minus(1).geq(rules.stabilityMinRepeats()).and(tenure.geq(rules.stabilityMinTenureDays()));
    if (hasPAlive) {
      Column pAlive = col(Columns.P_ALIVE);
      decline = decline.or(pAlive.isNotNull().and(pAlive.lt(rules.declinePAlive())));
      stable = stable.and(pAlive.isNull().or(pAlive.geq(rules.stabilityMinPAlive())));
    }
    return withGap.withColumn(
        Columns.LIFECYCLE_STAGE,
        when(decline, lit(DECLINE))
            .when(f.leq(1).or(tenure.lt(rules.explorationDays())), lit(EXPLORATION))
            .when(stable, lit(STABILITY))
            .otherwise(lit(FORMATION)));
  }
}
