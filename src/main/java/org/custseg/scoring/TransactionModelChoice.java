package org.custseg.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.custseg.scoring.model.BgNbdModel;
import org.custseg.scoring.model.CustomerTriple;
import org.custseg.scoring.model.FitResult;
import org.custseg.scoring.model.FitStatus;
import org.custseg.scoring.model.MbgNbdModel;
import org.custseg.scoring.model.ModelParameters;
import org.custseg.scoring.model.ParetoNbdModel;
import org.custseg.scoring.model.TransactionModel;

/**
 * Which transaction model scores the customers ({@code segmentation.value.transaction-model}):
 * {@code bgnbd}, {@code mbgnbd} or {@code pareto-nbd} forces one; {@code auto} fits the three on
 * the same compressed triples and keeps the highest log-likelihood among the fits that converged
 * (all have four parameters, so the likelihood alone compares them). A tie (within {@link #TIE})
 * goes to the simpler story, in the order of {@link #MODELS}.
 */
public final class TransactionModelChoice {

  public static final String AUTO = "auto";

  /** The models, in the order a tie is broken (the simpler story first). */
  public static final List<String> MODELS = List.of("bgnbd", "mbgnbd", "pareto-nbd");

  /** Log-likelihoods closer than this are a tie. */
  static final double TIE = 1e-6;

  /** One fitted candidate. */
  public record Candidate(String model, FitResult<? extends ModelParameters> fit) {

    /** The manifest's entry of this candidate. */
    public Map<String, Object> manifest() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", model);
      m.put("params", fit.params().map(p -> (Object) p.asMap()).orElse(null));
      m.put("log_likelihood", Double.isFinite(fit.logLikelihood()) ? fit.logLikelihood() : null);
      m.put("converged", fit.converged());
      m.put("status", fit.status().name());
      m.put("fit_ms", fit.elapsedMillis());
      return m;
    }
  }

  /**
   * The fits and the choice.
   *
   * @param requested the setting: auto or the forced model
   * @param candidates the models fitted (one when forced; none when no fit was attempted)
   * @param chosen the model that scores, or {@code null} when none converged (or none was fitted)
   * @param reason why this model, in words
   */
  public record Choice(String requested, List<Candidate> candidates, String chosen, String reason) {

    /** The chosen fit; without a choice, the first candidate's (a failure when none). */
    public FitResult<? extends ModelParameters> fit() {
      return candidates.stream()
          .filter(c -> c.model().equals(chosen))
          .findFirst()
          .or(() -> candidates.stream().findFirst())
          .map(Candidate::fit)
          .orElseGet(() -> FitResult.failure(FitStatus.DEGENERATE_DATA, reason));
    }

    /** The model named in the manifest and the logs: the chosen one, else the setting. */
    public String model() {
      return chosen != null ? chosen : requested;
    }

    /** No fit attempted (e.g. too few repeat buyers). */
    static Choice notFitted(String requested, String why) {
      return new Choice(requested, List.of(), null, why);
    }
  }

  private TransactionModelChoice() {}

  /** Fits the setting's model(s) on compressed triples and chooses. */
  public static Choice choose(String setting, List<CustomerTriple> triples) {
    List<Candidate> candidates = new ArrayList<>();
    for (String name : AUTO.equals(setting) ? MODELS : List.of(setting)) {
      candidates.add(new Candidate(name, fit(name, triples)));
    }
    return decide(setting, candidates);
  }

  /** The choice among fitted candidates (all of {@link #MODELS} under auto, else the one). */
  static Choice decide(String setting, List<Candidate> candidates) {
    List<String> names = candidates.stream().map(Candidate::model).toList();
    List<Candidate> converged =
        candidates.stream()
            .filter(c -> c.fit().converged() && c.fit().params().isPresent())
            .toList();
    String failed = describe(candidates.stream().filter(c -> !converged.contains(c)).toList());
    if (converged.isEmpty()) {
      String why =
          names.size() == 1
              ? setting
                  + " fit "
                  + candidates.get(0).fit().status()
                  + ": "
                  + candidates.get(0).fit().message()
              : "none of the " + names.size() + " fits converged: " + failed;
      return new Choice(setting, candidates, null, why);
    }
    Candidate best = converged.get(0);
    for (Candidate c : converged) {
      if (ll(c) > ll(best) && !tied(c, best)) {
        best = c;
      }
    }
    String reason;
    if (names.size() == 1) {
      reason = "forced by segmentation.value.transaction-model: " + setting;
    } else {
      // converged is in tie order; a stable sort keeps it among tied likelihoods
      List<Candidate> ranked = new ArrayList<>(converged);
      ranked.sort((c, d) -> tied(c, d) ? 0 : Double.compare(ll(d), ll(c)));
      StringBuilder order = new StringBuilder();
      for (Candidate c : ranked) {
        order
            .append(order.length() == 0 ? "" : " > ")
            .append(c.model())
            .append(String.format(Locale.ROOT, " %.2f", c.fit().logLikelihood()));
      }
      reason =
          "highest log-likelihood among "
              + converged.size()
              + " converged fit"
              + (converged.size() == 1 ? "" : "s")
              + ": "
              + order
              + (failed.isEmpty() ? "" : "; not converged: " + failed);
    }
    return new Choice(setting, candidates, best.model(), reason);
  }

  private static double ll(Candidate c) {
    return c.fit().logLikelihood();
  }

  private static boolean tied(Candidate c, Candidate d) {
    return Math.abs(ll(c) - ll(d)) <= TIE;
  }

  private static String describe(List<Candidate> failed) {
    StringBuilder s = new StringBuilder();
    for (Candidate c : failed) {
      s.append(s.length() == 0 ? "" : ", ")
          .append(c.model())
          .append(' ')
          .append(c.fit().status())
          .append(" (")
          .append(c.fit().message())
          .append(')');
    }
    return s.toString();
  }

  /** Fits the named transaction model on (already compressed) triples. */
  static FitResult<? extends ModelParameters> fit(String model, List<CustomerTriple> triples) {
    try {
      return kind(model).fit().apply(triples);
    } catch (RuntimeException e) {
      return FitResult.failure(
          FitStatus.NUMERICAL_FAILURE,
          "the fit threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The named model with its parameters in canonical order. */
  public static TransactionModel model(String model, double[] p) {
    return kind(model).of().apply(p);
  }

  /** How to fit and how to rebuild one model. */
  private record Kind(
      Function<List<CustomerTriple>, FitResult<? extends ModelParameters>> fit,
      Function<double[], TransactionModel> of) {}

  private static Kind kind(String model) {
    return switch (model) {
      case "bgnbd" -> new Kind(BgNbdModel::fit, p -> BgNbdModel.of(p[0], p[1], p[2], p[3]));
      case "mbgnbd" -> new Kind(MbgNbdModel::fit, p -> MbgNbdModel.of(p[0], p[1], p[2], p[3]));
      case "pareto-nbd" ->
          new Kind(ParetoNbdModel::fit, p -> ParetoNbdModel.of(p[0], p[1], p[2], p[3]));
      default -> throw new IllegalArgumentException("unknown transaction model '" + model + "'");
    };
  }
}
