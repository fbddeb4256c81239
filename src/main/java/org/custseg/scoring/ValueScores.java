package org.custseg.scoring;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF7;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.features.PurchaseHistory;
import org.custseg.schema.Columns;
import org.custseg.schema.ModelTimeUnit;
import org.custseg.schema.Money;
import org.custseg.scoring.model.ClvCalculator;
import org.custseg.scoring.model.GammaGammaModel;
import org.custseg.scoring.model.TransactionModel;

/**
 * Scores every customer in Spark (docs/value-models.md): the parameters are broadcast and each
 * partition builds the model objects once. Nothing per customer reaches the driver. Every value
 * column is finite for every customer: where the models are not used, or a model evaluation is not
 * finite, the empirical fallback gives the value.
 */
public final class ValueScores {

  /** The columns the scorer computes per customer, in order. */
  private static final List<String> SCORED =
      List.of(
          Columns.P_ALIVE,
          Columns.EXPECTED_PURCHASES,
          Columns.EXPECTED_SPEND,
          Columns.CLV,
          Columns.CURRENT_OPPORTUNITY,
          Columns.FUTURE_VALUE,
          Columns.LIFETIME_PROFIT,
          Columns.PREDICTED_GROWTH);

  /** The added columns: the scored ones and the value parts summed in decimals. */
  public static final List<String> COLUMNS =
      java.util.stream.Stream.concat(
              SCORED.stream(),
              java.util.stream.Stream.of(Columns.HISTORICAL_VALUE, Columns.CUSTOMER_VALUE))
          .toList();

  private static final List<String> MONEY_COLUMNS =
      List.of(
          Columns.EXPECTED_SPEND,
          Columns.CLV,
          Columns.CURRENT_OPPORTUNITY,
          Columns.FUTURE_VALUE,
          Columns.LIFETIME_PROFIT);

  /** Which of the scored columns, in order, are money. */
  private static final boolean[] MONEY_SCORES = new boolean[SCORED.size()];

  static {
    for (int i = 0; i < SCORED.size(); i++) {
      MONEY_SCORES[i] = MONEY_COLUMNS.contains(SCORED.get(i));
    }
  }

  /** Money values are clamped to this magnitude so that they fit decimal(18,4). */
  static final double MONEY_LIMIT = 9.0e13;

  private ValueScores() {}

  /**
   * Adds the value columns to features that carry {@link PurchaseHistory}' statistics and {@code
   * monetary_total, monetary_avg, trailing_value}.
   */
  public static Dataset<Row> apply(Dataset<Row> features, ScoringParameters parameters) {
    Broadcast<ScoringParameters> broadcast =
        JavaSparkContext.fromSparkContext(features.sparkSession().sparkContext())
            .broadcast(parameters);
    StructType values = new StructType();
    for (String c : SCORED) {
      values = values.add(c, MONEY_COLUMNS.contains(c) ? Money.MONEY : DataTypes.DoubleType, false);
    }
    // A UDF on the seven inputs only (the other columns stay in Spark's own rows); marked
    // non-deterministic so that Spark evaluates it once per customer, not once per field read.
    UserDefinedFunction score = udf(new ScoreFunction(broadcast), values).asNondeterministic();
    String v = "_value_scores";
    Dataset<Row> scored =
        features.withColumn(
            v,
            score.apply(
                col(Columns.X),
                col(Columns.T_X_DAYS),
                col(Columns.T_DAYS),
                number(Columns.REPEAT_SPEND),
                number(Columns.MONETARY_TOTAL),
                number(Columns.MONETARY_AVG),
                number(Columns.TRAILING_VALUE)));
    List<Column> out = new ArrayList<>();
    for (String c : features.columns()) {
      out.add(col(c));
    }
    for (String c : SCORED) {
      out.add(col(v).getField(c).as(c));
    }
    // The value parts add up in decimals, exactly as written: each month of the horizon once.
    return scored
        .select(out.toArray(Column[]::new))
        .withColumn(Columns.HISTORICAL_VALUE, col(Columns.MONETARY_TOTAL).cast(Money.MONEY))
        .withColumn(
            Columns.CUSTOMER_VALUE,
            clampMoney(
                col(Columns.HISTORICAL_VALUE)
                    .plus(col(Columns.CURRENT_OPPORTUNITY))
                    .plus(col(Columns.FUTURE_VALUE))));
  }

  /** A decimal sum within what decimal(18,4) holds. */
  private static Column clampMoney(Column sum) {
    Column limit = lit(java.math.BigDecimal.valueOf(MONEY_LIMIT));
    return least(greatest(sum, limit.multiply(-1)), limit).cast(Money.MONEY);
  }

  private static Column number(String column) {
    return coalesce(col(column).cast(DataTypes.DoubleType), lit(0.0));
  }

  /** The scoring UDF: one {@link Scorer} per task, built from the broadcast parameters. */
  private static final class ScoreFunction
      implements UDF7<Integer, Integer, Integer, Double, Double, Double, Double, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<ScoringParameters> parameters;
    private transient Scorer scorer;

    ScoreFunction(Broadcast<ScoringParameters> parameters) {
      this.parameters = parameters;
    }

    @Override
    public Row call(
        Integer x,
        Integer txDays,
        Integer bigTDays,
        Double repeatSpend,
        Double monetaryTotal,
        Double monetaryAvg,
        Double trailing) {
      if (scorer == null) {
        scorer = new Scorer(parameters.value());
      }
      return RowFactory.create(
          rounded(
              scorer.score(
                  x, txDays, bigTDays, repeatSpend, monetaryTotal, monetaryAvg, trailing)));
    }
  }

  /**
   * The scores as the columns hold them: money rounded half-up to 4 places as decimal(18,4), the
   * rest to 6 places, as Spark's {@code round} would ({@link HalfUp}, without its decimal text).
   */
  static Object[] rounded(double[] scores) {
    Object[] cells = new Object[scores.length];
    for (int i = 0; i < scores.length; i++) {
      cells[i] =
          MONEY_SCORES[i] ? (Object) HalfUp.decimal(scores[i], 4) : HalfUp.round(scores[i], 6);
    }
    return cells;
  }

  /** Scores one customer at a time with the models built once. */
  static final class Scorer {
    private final ScoringParameters p;
    private final TransactionModel model;
    private final GammaGammaModel spend;
    private final ClvCalculator clv;
    private final double unitDays;
    private final double populationSpend;

    /** Per-history results, bounded: cleared when full. */
    private final java.util.HashMap<Long, double[]> memo = new java.util.HashMap<>();

    private static final int MEMO_LIMIT = 200_000;

    Scorer(ScoringParameters p) {
      this.p = p;
      this.model = p.transactionModel();
      this.spend = p.spendModel();
      this.clv = model == null ? null : new ClvCalculator(model, p.unit(), p.monthlyDiscountRate());
      this.unitDays = p.unit().days();
      OptionalDouble pop = spend == null ? OptionalDouble.empty() : spend.populationMeanSpend();
      this.populationSpend = pop.isPresent() ? pop.getAsDouble() : Double.NaN;
    }

    /**
     * p_alive, expected purchases next period, expected spend, clv, current opportunity, future
     * value, lifetime profit, predicted growth; all finite. The value parts: current opportunity =
     * the next period's expected purchases x spend (undiscounted); future value = the horizon's
     * discounted value after the next period; clv = the whole horizon, discounted.
     */
    double[] score(
        int x,
        int txDays,
        int bigTDays,
        double repeatSpend,
        double monetaryTotal,
        double monetaryAvg,
        double trailing) {
      double spendPerPurchase = Math.max(0.0, finite(monetaryAvg, 0.0));
      double[] h = model == null ? null : history(x, txDays, bigTDays);
      if (h == null || !allFinite(h)) {
        h = empirical(x, txDays, bigTDays);
      } else {
        double modelSpend = expectedSpend(x, repeatSpend);
        if (modelSpend >= 0 && Double.isFinite(h[3] * modelSpend)) {
          spendPerPurchase = modelSpend;
        }
      }
      double alive = h[0];
      ClvCalculator.Horizon horizon = new ClvCalculator.Horizon(h[1], h[2], h[3]);
      double current = money(horizon.nextPeriod() * spendPerPurchase);
      double future = money(horizon.discountedAfter() * spendPerPurchase);
      double lifetime = money(horizon.discounted() * spendPerPurchase);
      double profit = money(p.marginRate() * (monetaryTotal + lifetime) - p.acquisitionCost());
      double scale = Math.abs(lifetime) + Math.abs(trailing);
      double growth = scale > 0 ? (lifetime - trailing) / scale : 0.0;
      return new double[] {
        clamp(alive, 0, 1),
        Math.max(0, horizon.nextPeriod()),
        money(spendPerPurchase),
        lifetime,
        current,
        future,
        profit,
        finite(growth, 0.0)
      };
    }

    /**
     * p_alive and the horizon (next period's purchases, discounted purchases inside and after it)
     * for a history (x, t_x, T), NaN where the model fails: computed once per distinct history in a
     * partition (customers share few distinct histories, as days are whole numbers).
     */
    private double[] history(int x, int txDays, int bigTDays) {
      boolean packable =
          (x | txDays | bigTDays) >= 0 && Math.max(x, Math.max(txDays, bigTDays)) < (1 << 21);
      long key = ((long) x << 42) | ((long) txDays << 21) | bigTDays;
      double[] cached = packable ? memo.get(key) : null;
      if (cached != null) {
        return cached;
      }
      double tx = txDays / unitDays;
      double bigT = bigTDays / unitDays;
      double[] h;
      try {
        h =
            values(
                model.probabilityAlive(x, tx, bigT),
                clv.horizon(x, tx, bigT, p.horizonMonths(), p.periodDays()));
      } catch (RuntimeException e) {
        h = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
      }
      if (packable) {
        if (memo.size() >= MEMO_LIMIT) {
          memo.clear();
        }
        memo.put(key, h);
      }
      return h;
    }

    private double expectedSpend(int x, double repeatSpend) {
      if (spend == null) {
        return Double.NaN;
      }
      if (x > 0 && repeatSpend > 0) {
        try {
          return spend.conditionalExpectedMeanSpend(x, repeatSpend / x);
        } catch (RuntimeException e) {
          return Double.NaN;
        }
      }
      return populationSpend;
    }

    /**
     * The empirical fallback (docs/value-models.md): rate = purchase days / max(age, one period)
     * per day; p_alive = exp(-recency x rate); the expected purchases while alive, rate x p_alive
     * per day, over the next period and the horizon (as {@link #history}).
     */
    double[] empirical(int x, int txDays, int bigTDays) {
      double rate = (x + 1) / Math.max(bigTDays, p.periodDays());
      double recency = Math.max(0, bigTDays - txDays);
      double alive = Math.exp(-recency * rate);
      double perMonth = finite(rate * alive * ModelTimeUnit.DAYS_PER_MONTH, 0.0);
      ClvCalculator.Horizon horizon =
          ClvCalculator.split(
              months -> perMonth * months,
              p.horizonMonths(),
              p.monthlyDiscountRate(),
              p.periodDays() / ModelTimeUnit.DAYS_PER_MONTH);
      return values(alive, horizon);
    }

    private static double[] values(double alive, ClvCalculator.Horizon horizon) {
      return new double[] {
        alive, horizon.nextPeriod(), horizon.discountedNextPeriod(), horizon.discountedAfter()
      };
    }
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  static double finite(double v, double otherwise) {
    return Double.isFinite(v) ? v : otherwise;
  }

  /** v within [lo, hi]; NaN gives lo. */
  static double clamp(double v, double lo, double hi) {
    return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
  }

  /** v within +-{@link #MONEY_LIMIT}; NaN gives 0. */
  static double money(double v) {
    return Double.isNaN(v) ? 0.0 : clamp(v, -MONEY_LIMIT, MONEY_LIMIT);
  }

  /** Helper for tests and logs: the value columns present in a schema. */
  public static List<String> missing(StructType schema) {
    List<String> missing = new ArrayList<>();
    for (String c : COLUMNS) {
      if (!List.of(schema.fieldNames()).contains(c)) {
        missing.add(c);
      }
    }
    return missing;
  }
}
