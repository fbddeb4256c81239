package org.custseg.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.ValueSettings;
import org.custseg.features.PurchaseHistory;
import org.custseg.schema.Columns;
import org.custseg.schema.ModelTimeUnit;
import org.custseg.scoring.model.CustomerTriple;
import org.custseg.scoring.model.FitResult;
import org.custseg.scoring.model.FitStatus;
import org.custseg.scoring.model.GammaGammaModel;
import org.custseg.scoring.model.ModelParameters;
import org.custseg.scoring.model.SpendObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the value models on the per-customer statistics of {@link PurchaseHistory}, bringing only
 * compressed data to the driver: the distinct {@code (x, t_x, T)} triples with their counts, and
 * the Gamma-Gamma observations of at most {@code spend-fit-sample} repeat buyers.
 */
public final class ModelFitter {

  private static final Logger LOG = LoggerFactory.getLogger(ModelFitter.class);

  /** Seed of the hash that orders repeat buyers for the deterministic spend-fit sample. */
  public static final long SAMPLE_SEED = 20050101L;

  private ModelFitter() {}

  public static FittedValueModels fit(Dataset<Row> stats, ValueSettings settings) {
    ModelTimeUnit unit = settings.unit();
    List<Row> rows =
        stats
            .groupBy(col(Columns.X), col(Columns.T_X_DAYS), col(Columns.T_DAYS))
            .count()
            .collectAsList();
    List<CustomerTriple> triples = new ArrayList<>(rows.size());
    long customers = 0;
    long repeatBuyers = 0;
    long repeatPurchases = 0;
    for (Row r : rows) {
      int x = ((Number) r.get(0)).intValue();
      double tx = ((Number) r.get(1)).doubleValue() / unit.days();
      double bigT = ((Number) r.get(2)).doubleValue() / unit.days();
      long n = r.getLong(3);
      triples.add(new CustomerTriple(x, tx, bigT, n));
      customers += n;
      repeatBuyers += x > 0 ? n : 0;
      repeatPurchases += (long) x * n;
    }
    // Spark returns the groups in any order; a fixed order makes the fit (its floating-point
    // sums) and so every published number reproducible run after run.
    triples.sort(
        java.util.Comparator.comparingInt(CustomerTriple::x)
            .thenComparingDouble(CustomerTriple::tx)
            .thenComparingDouble(CustomerTriple::T));
    LOG.info(
        "Value models: {} customers, {} repeat buyers, {} distinct (x, t_x, T) triples "
            + "collected for the {} fit",
        customers,
        repeatBuyers,
        triples.size(),
        settings.transactionModel());

    String fallback = null;
    TransactionModelChoice.Choice choice;
    if (repeatBuyers < settings.minRepeatBuyers()) {
      String why =
          repeatBuyers
              + " repeat buyer(s), fewer than segmentation.value."
              + "min-repeat-buyers = "
              + settings.minRepeatBuyers();
      choice =
          TransactionModelChoice.Choice.notFitted(
              settings.transactionModel(), why + ": not fitted");
      fallback = why;
    } else {
      choice = TransactionModelChoice.choose(settings.transactionModel(), triples);
      if (choice.chosen() == null) {
        fallback = choice.reason();
      }
    }
    for (TransactionModelChoice.Candidate c : choice.candidates()) {
      LOG.info(
          "Transaction model {}: {} in {} ms, params {}, LL {}, {}",
          c.model(),
          c.fit().status(),
          c.fit().elapsedMillis(),
          c.fit().params().map(ModelParameters::asMap).orElse(null),
          c.fit().logLikelihood(),
          c.fit().message());
    }
    LOG.info("Transaction model chosen: {} ({})", choice.chosen(), choice.reason());

    // Net repeat spend: repeat buyers whose refunds leave it at or below zero are left out of the
    // fit (they get the population mean as expected_spend, like one-time buyers).
    Dataset<Row> candidates =
        stats
            .where(col(Columns.X).gt(0).and(col(Columns.REPEAT_SPEND).gt(0)))
            .select(
                col(Columns.CUSTOMER_ID),
                col(Columns.X),
                col(Columns.REPEAT_SPEND).divide(col(Columns.X)).as("zbar"));
    long candidateCount = fallback == null ? candidates.count() : 0;
    List<SpendObservation> spend = new ArrayList<>();
    long fitted = 0;
    FitResult<GammaGammaModel.Parameters> spendFit;
    Double correlation = null;
    if (fallback != null) {
      spendFit =
          FitResult.failure(
              FitStatus.DEGENERATE_DATA,
              "not fitted: the transaction model is not used (" + fallback + ")");
    } else {
      Dataset<Row> basis = candidates;
      if (candidateCount > settings.spendFitSample()) {
        basis =
            candidates
                .orderBy(
                    xxhash64(col(Columns.CUSTOMER_ID), lit(SAMPLE_SEED)), col(Columns.CUSTOMER_ID))
                .limit(settings.spendFitSample());
      }
      for (Row r :
          basis.groupBy(col(Columns.X), col("zbar")).agg(count(lit(1)).as("n")).collectAsList()) {
        SpendObservation o =
            new SpendObservation(((Number) r.get(0)).intValue(), r.getDouble(1), r.getLong(2));
        spend.add(o);
        fitted += o.count();
      }
      spend.sort(
          java.util.Comparator.comparingInt(SpendObservation::x)
              .thenComparingDouble(SpendObservation::meanSpend));
      try {
        spendFit = GammaGammaModel.fit(spend);
      } catch (RuntimeException e) {
        spendFit =
            FitResult.failure(
                FitStatus.NUMERICAL_FAILURE,
                "the fit threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      var c = GammaGammaModel.spendFrequencyCorrelation(spend);
      correlation = c.isPresent() ? c.getAsDouble() : null;
      LOG.info(
          "Gamma-Gamma on {} of {} repeat buyers: {} in {} ms, params {}, LL {}; "
              + "spend-frequency correlation {}",
          fitted,
          candidateCount,
          spendFit.status(),
          spendFit.elapsedMillis(),
          spendFit.params().map(ModelParameters::asMap).orElse(null),
          spendFit.logLikelihood(),
          correlation);
    }
    return new FittedValueModels(
        choice,
        unit,
        customers,
        repeatBuyers,
        repeatPurchases,
        triples.size(),
        spendFit,
        fitted,
        candidateCount,
        fallback == null ? repeatBuyers - candidateCount : 0,
        correlation,
        fallback);
  }
}
