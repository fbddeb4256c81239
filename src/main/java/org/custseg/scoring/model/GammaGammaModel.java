package org.custseg.scoring.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import smile.math.special.Gamma;

/**
 * Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves for
 * customer base analysis", JMR 42(4)). Each transaction value of a customer is Gamma(p, nu); across
 * customers {@code nu ~ Gamma(q, v)}. Fitted on repeat buyers' mean spend (x &gt; 0, mean spend
 * &gt; 0 only). The model assumes spend is independent of purchase frequency: check {@link
 * #spendFrequencyCorrelation}.
 */
public final class GammaGammaModel {

  public static final String[] NAMES = {"p", "q", "v"};

  /** Gamma-Gamma parameters (all strictly positive). */
  public record Parameters(double p, double q, double v) implements ModelParameters {
    public Parameters {
      ModelParameters.requirePositive("Gamma-Gamma", NAMES, p, q, v);
    }

    static Parameters fromArray(double[] a) {
      return new Parameters(a[0], a[1], a[2]);
    }

    @Override
    public double[] toArray() {
      return new double[] {p, q, v};
    }

    @Override
    public String[] names() {
      return NAMES;
    }
  }

  private final Parameters params;

  public GammaGammaModel(Parameters params) {
    this.params = params;
  }

  public static GammaGammaModel of(double p, double q, double v) {
    return new GammaGammaModel(new Parameters(p, q, v));
  }

  public Parameters parameters() {
    return params;
  }

  // ---------------------------------------------------------------- likelihood

  /**
   * Log-likelihood of a mean spend {@code m} over {@code x} transactions: lnGamma(px+q) -
   * lnGamma(px) - lnGamma(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(xm+v).
   */
  public double logLikelihood(int x, double meanSpend) {
    if (x <= 0 || !(meanSpend > 0)) {
      throw new IllegalArgumentException(
          "Gamma-Gamma needs x > 0 and meanSpend > 0, got x=" + x + ", m=" + meanSpend);
    }
    return logLikelihood(params.toArray(), x, meanSpend, null);
  }

  /**
   * Weighted total log-likelihood over the usable observations (x &gt; 0, meanSpend &gt; 0); others
   * ignored.
   */
  public double totalLogLikelihood(Iterable<SpendObservation> data) {
    return totalLogLikelihood(params.toArray(), data, null);
  }

  /** Gradient of {@link #totalLogLikelihood} with respect to (p, q, v). */
  public double[] gradient(Iterable<SpendObservation> data) {
    double[] g = new double[3];
    totalLogLikelihood(params.toArray(), data, g);
    return g;
  }

  static double totalLogLikelihood(
      double[] par, Iterable<SpendObservation> data, double[] gradient) {
    double total = 0;
    double[] gi = gradient == null ? null : new double[3];
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
    }
    for (SpendObservation o : data) {
      if (!o.usableForFit()) {
        continue;
      }
      total += o.count() * logLikelihood(par, o.x(), o.meanSpend(), gi);
      if (gradient != null) {
        for (int k = 0; k < 3; k++) {
          gradient[k] += o.count() * gi[k];
        }
      }
    }
    return total;
  }

  static double logLikelihood(double[] par, int x, double m, double[] gradient) {
    double p = par[0], q = par[1], v = par[2];
    double px = p * x;
    double logM = Math.log(m);
    double logX = Math.log(x);
    double logXmv = Math.log(x * m + v);
    double logV = Math.log(v);
    if (gradient != null) {
      double psiPxq = Gamma.digamma(px + q);
      gradient[0] = x * (psiPxq - Gamma.digamma(px) + logM + logX - logXmv);
      gradient[1] = psiPxq - Gamma.digamma(q) + logV - logXmv;
      gradient[2] = q / v - (px + q) / (x * m + v);
    }
    return Gamma.lgamma(px + q)
        - Gamma.lgamma(px)
        - Gamma.lgamma(q)
        + q * logV
        + (px - 1) * logM
        + px * logX
        - (px + q) * logXmv;
  }

  // ---------------------------------------------------------------- fit

  public static FitResult<Parameters> fit(Collection<SpendObservation> data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Maximum-likelihood fit on the usable observations (x &gt; 0 and meanSpend &gt; 0; the others
   * are left out and counted in the message). Start: p = 2, q = 3 and v chosen so that the
   * population mean p v/(q-1) equals the weighted mean of the observed mean spends (scale-free);
   * bounds: p, q in [1e-6, 1e6], v within e^25 of its start.
   */
  public static FitResult<Parameters> fit(Collection<SpendObservation> data, FitOptions options) {
    long start = System.nanoTime();
    List<SpendObservation> usable = new ArrayList<>();
    long excluded = 0;
    for (SpendObservation o : data) {
      if (o.usableForFit()) {
        usable.add(o);
      } else {
        excluded += o.count();
      }
    }
    usable = SufficientStats.compressSpend(usable);
    long n = 0;
    double sum = 0;
    for (SpendObservation o : usable) {
      n += o.count();
      sum += o.count() * o.meanSpend();
    }
    String note =
        excluded == 0
            ? ""
            : "; "
                + excluded
                + " customers without repeat purchases or with"
                + " non-positive mean spend left out of the fit";
    if (n < 2) {
      return FitResult.failure(
          FitStatus.DEGENERATE_DATA,
          "Gamma-Gamma needs at least 2 repeat buyers with"
              + " positive mean spend, got "
              + n
              + note);
    }
    double mean = sum / n;
    double p0 = 2, q0 = 3;
    double v0 = mean * (q0 - 1) / p0;
    double lv = Math.log(v0);
    double[] lower = {Math.log(1e-6), Math.log(1e-6), lv - 25};
    double[] upper = {Math.log(1e6), Math.log(1e6), lv + 25};
    List<SpendObservation> fitData = usable;
    LogLikelihoodFunction ll = (par, g) -> totalLogLikelihood(par, fitData, g);
    LogSpaceOptimizer.Outcome o =
        LogSpaceOptimizer.maximize(ll, new double[] {p0, q0, v0}, lower, upper, n, options);
    FitResult<Parameters> r = LogSpaceOptimizer.toFitResult(o, Parameters::fromArray, NAMES, start);
    if (note.isEmpty()) {
      return r;
    }
    return new FitResult<>(
        r.status(),
        r.converged(),
        r.params(),
        r.logLikelihood(),
        r.iterations(),
        r.functionEvaluations(),
        r.gradientNorm(),
        r.standardErrors(),
        r.elapsedMillis(),
        r.message() + note);
  }

  // ---------------------------------------------------------------- predictions

  /** Population mean spend per transaction, p v / (q - 1); only defined for q &gt; 1. */
  public OptionalDouble populationMeanSpend() {
    return params.q() > 1
        ? OptionalDouble.of(params.p() * params.v() / (params.q() - 1))
        : OptionalDouble.empty();
  }

  /**
   * E[M | x, mbar] = ((q-1)/(px+q-1)) (p v/(q-1)) + (px/(px+q-1)) mbar, computed as p (v + x mbar)
   * / (px + q - 1) (identical, and still defined for q &lt;= 1 when px + q &gt; 1). For x = 0 this
   * is the population mean.
   *
   * @throws IllegalStateException when px + q &lt;= 1 (the expectation is infinite)
   */
  public double conditionalExpectedMeanSpend(int x, double meanSpend) {
    if (x < 0 || !(meanSpend >= 0) || Double.isInfinite(meanSpend)) {
      throw new IllegalArgumentException(
          "invalid spend history x=" + x + ", meanSpend=" + meanSpend);
    }
    double p = params.p(), q = params.q(), v = params.v();
    double m = x == 0 ? 0 : meanSpend;
    double denominator = p * x + q - 1;
    if (!(denominator > 0)) {
      throw new IllegalStateException(
          "expected spend is infinite for p x + q <= 1 (p=" + p + ", q=" + q + ", x=" + x + ")");
    }
    return p * (v + x * m) / denominator;
  }

  /**
   * Weighted Pearson correlation between the number of repeat purchases and the mean spend over the
   * usable observations (x &gt; 0, meanSpend &gt; 0). Empty when fewer than two customers or when
   * either variable is constant. Values far from 0 contradict the model's independence assumption.
   */
  public static OptionalDouble spendFrequencyCorrelation(Collection<SpendObservation> data) {
    double n = 0, sx = 0, sm = 0;
    for (SpendObservation o : data) {
      if (o.usableForFit()) {
        n += o.count();
        sx += o.count() * (double) o.x();
        sm += o.count() * o.meanSpend();
      }
    }
    if (n < 2) {
      return OptionalDouble.empty();
    }
    double mx = sx / n, mm = sm / n;
    double cxx = 0, cmm = 0, cxm = 0;
    for (SpendObservation o : data) {
      if (o.usableForFit()) {
        double dx = o.x() - mx, dm = o.meanSpend() - mm;
        cxx += o.count() * dx * dx;
        cmm += o.count() * dm * dm;
        cxm += o.count() * dx * dm;
      }
    }
    if (!(cxx > 0) || !(cmm > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(cxm / Math.sqrt(cxx * cmm));
  }

  @Override
  public String toString() {
    return "GammaGammaModel" + params.asMap();
  }
}
