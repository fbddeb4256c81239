package org.custseg.report.html;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value models' health, for words rather than optimiser output: which transaction model was
 * chosen and why, the spend model and its independence assumption, the spread of P(alive), and the
 * holdout evaluation when one exists.
 *
 * @param transaction the transaction model, or {@code null} when the run fitted none
 * @param spend the Gamma-Gamma spend model, or {@code null}
 * @param pAlive customers per P(alive) band, active and inactive
 * @param evaluation the holdout evaluation of this output, or {@code null}
 */
public record ModelHealth(
    TransactionModel transaction,
    SpendModel spend,
    List<PAliveBand> pAlive,
    Evaluation evaluation) {

  public ModelHealth {
    pAlive = List.copyOf(pAlive);
  }

  /**
   * The transaction model (BG/NBD, MBG/NBD, Pareto/NBD).
   *
   * @param model the chosen model's code: bgnbd, mbgnbd, pareto-nbd
   * @param used whether the value columns and axes come from it
   * @param fallbackReason why not, when not used
   * @param choiceReason why this model (the manifest's choice_reason), or {@code null} when the
   *     model was configured
   * @param candidates the models fitted (one when the model is configured)
   */
  public record TransactionModel(
      String model,
      boolean used,
      String fallbackReason,
      String timeUnit,
      long customers,
      long repeatBuyers,
      String choiceReason,
      List<Candidate> candidates) {

    public TransactionModel {
      candidates = List.copyOf(candidates);
    }
  }

  /** One fitted candidate: its parameters and log-likelihood. */
  public record Candidate(
      String model,
      Map<String, Double> parameters,
      Double logLikelihood,
      boolean converged,
      boolean chosen) {

    public Candidate {
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  /**
   * The Gamma-Gamma spend model.
   *
   * @param correlation the correlation of spend and purchase frequency over the fitted customers
   *     (the model assumes none), or {@code null}
   */
  public record SpendModel(
      boolean used,
      boolean converged,
      long customersFitted,
      boolean sampled,
      Double correlation,
      Map<String, Double> parameters,
      Double logLikelihood) {

    public SpendModel {
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  /** Customers whose P(alive) lies in [from, to) (the last band includes 1). */
  public record PAliveBand(double from, double to, long active, long inactive) {}

  /**
   * A holdout evaluation: fitted on purchases up to the calibration end, predicting the purchases
   * up to the holdout end.
   *
   * @param maePerCustomer mean absolute error of the predicted purchases per customer
   */
  public record Evaluation(
      LocalDate calibrationEnd,
      LocalDate holdoutEnd,
      List<FrequencyRow> frequencyTable,
      double actualPurchases,
      double predictedPurchases,
      double maePerCustomer) {

    public Evaluation {
      frequencyTable = List.copyOf(frequencyTable);
    }
  }

  /**
   * Customers with a given number of calibration repeat purchases (0..6, 7+) and their mean holdout
   * purchases, actual and predicted.
   */
  public record FrequencyRow(
      String calibrationFrequency, long customers, double actualMean, double predictedMean) {}
}
