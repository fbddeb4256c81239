package org.custseg.scoring;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
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

  /** The added columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          Columns.P_ALIVE,
          Columns.EXPECTED_PURCHASES,
          Columns.EXPECTED_SPEND,
          Columns.CLV,
          Columns.CURRENT_OPPORTUNITY,
          Columns.FUTURE_VALUE,
          Columns.CUSTOMER_VALUE,
          Columns.LIFETIME_PROFIT,
          Columns.PREDICTED_GROWTH);

  private static final List<String> MONEY_COLUMNS =
      List.of(
          Columns.EXPECTED_SPEND,
          Columns.CLV,
          Columns.CURRENT_OPPORTUNITY,
          Columns.FUTURE_VALUE,
          Columns.CUSTOMER_VALUE,
          Columns.LIFETIME_PROFIT);

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
    for (String c : COLUMNS) {
      values = values.add(c, DataTypes.DoubleType, false);
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
    for (String c : COLUMNS) {
      Column field = col(v).getField(c);
      out.add(
          (MONEY_COLUMNS.contains(c) ? round(field, 4).cast(Money.MONEY) : round(field, 6)).as(c));
    }
    return scored.select(out.toArray(Column[]::new));
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
      double[] v =
          scorer.score(x, txDays, bigTDays, repeatSpend, monetaryTotal, monetaryAvg, trailing);
      Object[] boxed = new Object[v.length];
      for (int i = 0; i < v.length; i++) {
        boxed[i] = v[i];
      }
      return RowFactory.create(boxed);
    }
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
     * value, customer value, lifetime profit, predicted growth; all finite.
     */
    double[] score(
        int x,
        int txDays,
        int bigTDays,
        double repeatSpend,
        double monetaryTotal,
        double monetaryAvg,
        double trailing) {
      double[] empirical = empirical(x, txDays, bigTDays, monetaryAvg);
      double alive = empirical[0];
      double purchases = empirical[1];
      double spendPerPurchase = empirical[2];
      double lifetime = empirical[3];
      if (model != null) {
        double fallbackSpend = spendPerPurchase;
        spendPerPurchase = finite(expectedSpend(x, repeatSpend), fallbackSpend);
        double[] history = history(x, txDays, bigTDays);
        double c = history[2] * spendPerPurchase;
        if (Double.isFinite(history[0])
            && Double.isFinite(history[1])
            && Double.isFinite(c)
            && spendPerPurchase >= 0) {
          alive = history[0];
          purchases = history[1];
          lifetime = c;
        } else {
          spendPerPurchase = fallbackSpend;
        }
      }
      double current = money(purchases * spendPerPurchase);
      double future = money(lifetime);
      double historical = money(monetaryTotal);
      double value = money(historical + current + future);
      double profit = money(p.marginRate() * (historical + future) - p.acquisitionCost());
      double scale = Math.abs(future) + Math.abs(trailing);
      double growth = scale > 0 ? (future - trailing) / scale : 0.0;
      return new double[] {
        clamp(alive, 0, 1),
        Math.max(0, purchases),
        money(spendPerPurchase),
        future,
        current,
        future,
        value,
        profit,
        finite(growth, 0.0)
      };
    }

    /**
     * p_alive, expected purchases next period and discounted purchases over the horizon for a
     * history (x, t_x, T), NaN where the model fails: computed once per distinct history in a
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
            new double[] {
              model.probabilityAlive(x, tx, bigT),
              model.conditionalExpectedPurchases(p.periodDays() / unitDays, x, tx, bigT),
              clv.discountedPurchases(x, tx, bigT, p.horizonMonths())
            };
      } catch (RuntimeException e) {
        h = new double[] {Double.NaN, Double.NaN, Double.NaN};
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
     * per day; p_alive = exp(-recency x rate); expected purchases = rate x period; expected spend =
     * max(0, monetary_avg); clv = sum over the horizon's months of rate x month x spend x p_alive,
     * discounted.
     */
    double[] empirical(int x, int txDays, int bigTDays, double monetaryAvg) {
      double rate = (x + 1) / Math.max(bigTDays, p.periodDays());
      double recency = Math.max(0, bigTDays - txDays);
      double alive = Math.exp(-recency * rate);
      double purchases = rate * p.periodDays();
      double spendPerPurchase = Math.max(0.0, finite(monetaryAvg, 0.0));
      double monthly = rate * ModelTimeUnit.DAYS_PER_MONTH * spendPerPurchase * alive;
      double lifetime = 0;
      double discount = 1;
      for (int m = 1; m <= p.horizonMonths(); m++) {
        discount /= 1 + p.monthlyDiscountRate();
        lifetime += monthly * discount;
      }
      return new double[] {alive, purchases, spendPerPurchase, finite(lifetime, 0.0)};
    }
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
