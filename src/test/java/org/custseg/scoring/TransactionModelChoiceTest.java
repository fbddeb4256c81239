package org.custseg.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custseg.scoring.model.BgNbdModel;
import org.custseg.scoring.model.CdnowData;
import org.custseg.scoring.model.CustomerTriple;
import org.custseg.scoring.model.FitResult;
import org.custseg.scoring.model.FitStatus;
import org.custseg.scoring.model.ModelParameters;
import org.custseg.scoring.model.Simulator;
import org.custseg.scoring.model.SufficientStats;
import org.junit.jupiter.api.Test;

/** segmentation.value.transaction-model: auto chooses by log-likelihood; a forced model is used. */
class TransactionModelChoiceTest {

  /** On CDNOW (weeks) MBG/NBD fits best: -9582.14 against BG/NBD -9582.43, Pareto/NBD -9594.98. */
  @Test
  void autoPicksTheHighestLogLikelihoodOnCdnow() {
    TransactionModelChoice.Choice c =
        TransactionModelChoice.choose("auto", CdnowData.triplesInWeeks());

    assertThat(c.candidates())
        .extracting(TransactionModelChoice.Candidate::model)
        .containsExactly("bgnbd", "mbgnbd", "pareto-nbd");
    assertThat(c.candidates()).allMatch(x -> x.fit().converged());
    assertThat(c.chosen()).isEqualTo("mbgnbd");
    assertThat(c.fit().logLikelihood()).isCloseTo(-9582.14, within(0.05));
    assertThat(c.reason())
        .isEqualTo(
            "highest log-likelihood among 3 converged fits: "
                + "mbgnbd -9582.13 > bgnbd -9582.43 > pareto-nbd -9594.97");
    System.out.println(
        "CDNOW fits: "
            + c.candidates().stream()
                .map(x -> x.model() + " " + x.fit().logLikelihood() + " " + x.fit().params())
                .toList());
  }

  @Test
  void aForcedModelIsUsedAsIs() {
    TransactionModelChoice.Choice c =
        TransactionModelChoice.choose("pareto-nbd", CdnowData.triplesInWeeks());

    assertThat(c.candidates())
        .extracting(TransactionModelChoice.Candidate::model)
        .containsExactly("pareto-nbd");
    assertThat(c.chosen()).isEqualTo("pareto-nbd");
    assertThat(c.reason()).isEqualTo("forced by segmentation.value.transaction-model: pareto-nbd");
  }

  /** A simulated BG/NBD population: the winner is the highest converged likelihood. */
  @Test
  void autoKeepsTheBestConvergedFitOnSimulatedData() {
    List<CustomerTriple> data =
        SufficientStats.compress(new Simulator(17).bgNbd(4000, 0.25, 4.0, 0.8, 2.4, 30, 80));
    TransactionModelChoice.Choice c = TransactionModelChoice.choose("auto", data);

    double best =
        c.candidates().stream()
            .filter(x -> x.fit().converged())
            .mapToDouble(x -> x.fit().logLikelihood())
            .max()
            .orElseThrow();
    assertThat(c.fit().logLikelihood()).isEqualTo(best);
    // seeded, so deterministic: BG/NBD data, BG/NBD wins (-24443.39 > mbgnbd -24455.18)
    assertThat(c.chosen()).isEqualTo("bgnbd");
    TransactionModelChoice.Choice again = TransactionModelChoice.choose("auto", data);
    assertThat(again.chosen()).isEqualTo(c.chosen());
    assertThat(again.reason()).isEqualTo(c.reason());
    System.out.println("simulated BG/NBD population: " + c.reason());
  }

  @Test
  void aTieGoesToTheSimplerStoryAndAFailedFitIsNeverChosen() {
    TransactionModelChoice.Choice tie =
        TransactionModelChoice.decide(
            "auto",
            List.of(
                candidate("bgnbd", FitStatus.CONVERGED, -100.0),
                candidate("mbgnbd", FitStatus.CONVERGED, -100.0 + 1e-9),
                candidate("pareto-nbd", FitStatus.AT_BOUND, -50.0)));
    assertThat(tie.chosen()).isEqualTo("bgnbd");
    assertThat(tie.reason())
        .isEqualTo(
            "highest log-likelihood among 2 converged fits: bgnbd -100.00 > mbgnbd -100.00; "
                + "not converged: pareto-nbd AT_BOUND (test)");

    TransactionModelChoice.Choice none =
        TransactionModelChoice.decide(
            "auto",
            List.of(
                candidate("bgnbd", FitStatus.AT_BOUND, -1.0),
                candidate("mbgnbd", FitStatus.MAX_ITERATIONS, -1.0),
                candidate("pareto-nbd", FitStatus.NUMERICAL_FAILURE, -1.0)));
    assertThat(none.chosen()).isNull();
    assertThat(none.model()).isEqualTo("auto");
    assertThat(none.fit().status()).isEqualTo(FitStatus.AT_BOUND);
    assertThat(none.reason())
        .isEqualTo(
            "none of the 3 fits converged: bgnbd AT_BOUND (test), mbgnbd MAX_ITERATIONS (test), "
                + "pareto-nbd NUMERICAL_FAILURE (test)");
  }

  @Test
  void theManifestListsEveryFitAndTheChoice() {
    TransactionModelChoice.Candidate c = candidate("mbgnbd", FitStatus.CONVERGED, -12.5);
    assertThat(c.manifest())
        .containsEntry("model", "mbgnbd")
        .containsEntry("log_likelihood", -12.5)
        .containsEntry("converged", true)
        .containsEntry("status", "CONVERGED")
        .containsEntry("fit_ms", 3L)
        .containsEntry("params", Map.of("r", 1.0, "alpha", 2.0, "a", 3.0, "b", 4.0));
  }

  private static TransactionModelChoice.Candidate candidate(
      String model, FitStatus status, double ll) {
    FitResult<? extends ModelParameters> fit =
        new FitResult<>(
            status,
            status == FitStatus.CONVERGED,
            Optional.of(new BgNbdModel.Parameters(1, 2, 3, 4)),
            ll,
            10,
            20,
            1e-9,
            Map.of(),
            3L,
            "test");
    return new TransactionModelChoice.Candidate(model, fit);
  }
}
