package org.custseg.scoring.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

/**
 * Maximum-likelihood driver: maximises a log-likelihood over {@code theta = log(params)} with
 * Smile's dense BFGS, inside box bounds on theta enforced by a smooth quadratic penalty outside the
 * box (the likelihood itself is only ever evaluated inside the box). Convergence is checked
 * independently of the optimiser on the gradient of the mean negative log-likelihood; the optimiser
 * is restarted from its last point while the gradient is too large and iteration budget remains.
 *
 * <p>Smile's bounded L-BFGS-B ({@code BFGS.minimize(f, m, x, l, u, gtol, maxIter)}) needs the
 * native OpenBLAS binding, which this build excludes, and its unbounded L-BFGS fails on simple test
 * problems, so the dense BFGS (pure Java; fine for 3-4 parameters) is used.
 */
final class LogSpaceOptimizer {

  /** Penalty weight per squared unit of log-parameter outside the box. */
  private static final double PENALTY = 1e3;

  /**
   * Value returned to the optimiser where the likelihood is not finite (rejected by the line
   * search).
   */
  private static final double BAD_VALUE = 1e12;

  private static final int MAX_RESTARTS = 6;

  /** Distance in log-parameter from a bound under which the estimate counts as "at the bound". */
  private static final double BOUND_EPS = 1e-3;

  private LogSpaceOptimizer() {}

  /** Raw outcome in natural parameters. */
  record Outcome(
      FitStatus status,
      double[] params,
      double logLikelihood,
      int iterations,
      int evaluations,
      double gradientNorm,
      double[] standardErrors,
      String message) {}

  static Outcome maximize(
      LogLikelihoodFunction ll,
      double[] start,
      double[] lowerLog,
      double[] upperLog,
      double totalWeight,
      FitOptions options) {
    int n = start.length;
    double scale = 1.0 / totalWeight;
    double[] theta = new double[n];
    for (int i = 0; i < n; i++) {
      theta[i] = Math.min(upperLog[i], Math.max(lowerLog[i], Math.log(start[i])));
    }
    int[] counts = new int[2]; // [0] gradient evaluations, [1] value evaluations

    DifferentiableMultivariateFunction objective =
        new DifferentiableMultivariateFunction() {
          @Override
          public double f(double[] t) {
            counts[1]++;
            return eval(t, null);
          }

          @Override
          public double g(double[] t, double[] grad) {
            counts[0]++;
            counts[1]++;
            return eval(t, grad);
          }

          private double eval(double[] t, double[] grad) {
            double[] clamped = new double[n];
            double penalty = 0;
            for (int i = 0; i < n; i++) {
              clamped[i] = Math.min(upperLog[i], Math.max(lowerLog[i], t[i]));
              double d = t[i] - clamped[i];
              penalty += PENALTY * d * d;
            }
            double[] p = exp(clamped);
            double[] g = grad == null ? null : new double[n];
            double value = ll.evaluate(p, g);
            boolean finite = Double.isFinite(value);
            if (g != null) {
              for (int i = 0; i < n; i++) {
                finite &= Double.isFinite(g[i]);
              }
            }
            if (!finite) {
              if (grad != null) {
                for (int i = 0; i < n; i++) {
                  grad[i] = 2 * PENALTY * (t[i] - clamped[i]);
                }
              }
              return BAD_VALUE + penalty;
            }
            if (grad != null) {
              for (int i = 0; i < n; i++) {
                grad[i] = -scale * p[i] * g[i] + 2 * PENALTY * (t[i] - clamped[i]);
              }
            }
            return -scale * value + penalty;
          }
        };

    double[] grad = new double[n];
    double f0 = objective.g(theta, grad);
    counts[0] = 0;
    counts[1] = 0;
    if (f0 >= BAD_VALUE) {
      return new Outcome(
          FitStatus.NUMERICAL_FAILURE,
          null,
          Double.NEGATIVE_INFINITY,
          0,
          0,
          Double.POSITIVE_INFINITY,
          null,
          "log-likelihood or gradient not finite at the starting point " + mapOf(exp(theta)));
    }

    double fBest = f0;
    double gradNorm = maxAbs(grad);
    String stopReason = "";
    int restarts = 0;
    int iterations = 0;
    while (gradNorm > options.gradientTolerance()) {
      int budget = options.maxIterations() - iterations;
      if (budget <= 0) {
        stopReason = "iteration budget " + options.maxIterations() + " exhausted";
        break;
      }
      if (restarts > MAX_RESTARTS) {
        stopReason = "optimiser stalled after " + restarts + " restarts";
        break;
      }
      double[] trial = theta.clone();
      int gradientCallsBefore = counts[0];
      try {
        BFGS.minimize(objective, trial, options.gradientTolerance() * 1e-2, budget);
      } catch (RuntimeException e) {
        stopReason = "optimiser failed: " + e.getMessage();
        break;
      } finally {
        // Smile evaluates the gradient once at the start and once per iteration
        iterations += Math.max(0, counts[0] - gradientCallsBefore - 1);
      }
      double f = objective.f(trial);
      counts[1]--;
      if (!(f <= fBest)) {
        stopReason = "optimiser made no progress";
        break;
      }
      boolean progress = f < fBest - 1e-15 * Math.abs(fBest);
      theta = trial;
      fBest = f;
      objective.g(theta, grad);
      counts[0]--;
      counts[1]--;
      gradNorm = maxAbs(grad);
      restarts++;
      if (!progress && gradNorm > options.gradientTolerance()) {
        stopReason = "optimiser made no progress";
        break;
      }
    }

    for (int i = 0; i < n; i++) {
      // the penalty lets the optimiser step slightly outside the box; report the clamped point
      theta[i] = Math.min(upperLog[i], Math.max(lowerLog[i], theta[i]));
    }
    double[] params = exp(theta);
    double logLik = ll.evaluate(params, null);
    if (!Double.isFinite(logLik) || !Double.isFinite(gradNorm) || fBest >= BAD_VALUE) {
      return new Outcome(
          FitStatus.NUMERICAL_FAILURE,
          null,
          Double.NEGATIVE_INFINITY,
          iterations,
          counts[1],
          Double.POSITIVE_INFINITY,
          null,
          "log-likelihood not finite at the estimate");
    }
    StringBuilder atBound = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (theta[i] <= lowerLog[i] + BOUND_EPS || theta[i] >= upperLog[i] - BOUND_EPS) {
        atBound
            .append(atBound.length() == 0 ? "" : ", ")
            .append("parameter ")
            .append(i)
            .append(" = ")
            .append(params[i]);
      }
    }
    double[] se = options.computeStandardErrors() ? standardErrors(ll, theta) : null;
    FitStatus status;
    String message;
    if (atBound.length() > 0) {
      status = FitStatus.AT_BOUND;
      message =
          "estimate at the search bound ("
              + atBound
              + "): the likelihood keeps increasing towards the"
              + " edge of the parameter space; the data do not identify the model";
    } else if (gradNorm <= options.gradientTolerance()) {
      status = FitStatus.CONVERGED;
      message =
          "converged after "
              + iterations
              + " iterations (gradient "
              + String.format("%.2e", gradNorm)
              + ")";
    } else if (iterations >= options.maxIterations()) {
      status = FitStatus.MAX_ITERATIONS;
      message =
          "not converged: "
              + stopReason
              + " (gradient "
              + String.format("%.2e", gradNorm)
              + " > tolerance "
              + options.gradientTolerance()
              + ")";
    } else {
      status = FitStatus.NOT_CONVERGED;
      message =
          "not converged: "
              + stopReason
              + " (gradient "
              + String.format("%.2e", gradNorm)
              + " > tolerance "
              + options.gradientTolerance()
              + ")";
    }
    return new Outcome(status, params, logLik, iterations, counts[1], gradNorm, se, message);
  }

  /** Converts an outcome into a public {@link FitResult}. */
  static <P extends ModelParameters> FitResult<P> toFitResult(
      Outcome o, Function<double[], P> factory, String[] names, long startNanos) {
    long elapsed = (System.nanoTime() - startNanos) / 1_000_000L;
    Map<String, Double> se = new LinkedHashMap<>();
    if (o.standardErrors() != null) {
      for (int i = 0; i < names.length; i++) {
        se.put(names[i], o.standardErrors()[i]);
      }
    }
    Optional<P> params =
        o.params() == null ? Optional.empty() : Optional.of(factory.apply(o.params()));
    return new FitResult<>(
        o.status(),
        o.status() == FitStatus.CONVERGED,
        params,
        o.logLikelihood(),
        o.iterations(),
        o.evaluations(),
        o.gradientNorm(),
        se,
        elapsed,
        o.message());
  }

  /**
   * Asymptotic standard errors of the natural parameters: the observed information is the negative
   * Hessian of the log-likelihood in log-parameters (central differences of the gradient); its
   * inverse gives the covariance of log-parameters, and the delta method gives se(param) = param *
   * se(log param). Returns {@code null} when the information matrix is not positive definite.
   */
  static double[] standardErrors(LogLikelihoodFunction ll, double[] theta) {
    int n = theta.length;
    double h = 1e-4;
    double[][] info = new double[n][n];
    for (int j = 0; j < n; j++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[j] += h;
      down[j] -= h;
      double[] gUp = logGradient(ll, up);
      double[] gDown = logGradient(ll, down);
      if (gUp == null || gDown == null) {
        return null;
      }
      for (int i = 0; i < n; i++) {
        info[i][j] = -(gUp[i] - gDown[i]) / (2 * h);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double s = 0.5 * (info[i][j] + info[j][i]);
        info[i][j] = s;
        info[j][i] = s;
      }
    }
    double[][] inv = invertSymmetricPositiveDefinite(info);
    if (inv == null) {
      return null;
    }
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      se[i] = Math.exp(theta[i]) * Math.sqrt(inv[i][i]);
    }
    return se;
  }

  private static double[] logGradient(LogLikelihoodFunction ll, double[] theta) {
    double[] p = exp(theta);
    double[] g = new double[p.length];
    double v = ll.evaluate(p, g);
    if (!Double.isFinite(v)) {
      return null;
    }
    for (int i = 0; i < p.length; i++) {
      g[i] *= p[i];
      if (!Double.isFinite(g[i])) {
        return null;
      }
    }
    return g;
  }

  /**
   * Inverse through a Cholesky factorisation; {@code null} if the matrix is not positive definite.
   */
  static double[][] invertSymmetricPositiveDefinite(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int col = 0; col < n; col++) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double s = i == col ? 1 : 0;
        for (int k = 0; k < i; k++) {
          s -= l[i][k] * y[k];
        }
        y[i] = s / l[i][i];
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = y[i];
        for (int k = i + 1; k < n; k++) {
          s -= l[k][i] * inv[k][col];
        }
        inv[i][col] = s / l[i][i];
      }
    }
    return inv;
  }

  private static double[] exp(double[] t) {
    double[] p = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      p[i] = Math.exp(t[i]);
    }
    return p;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double d : v) {
      m = Math.max(m, Math.abs(d));
    }
    return Double.isNaN(m) ? Double.POSITIVE_INFINITY : m;
  }

  private static String mapOf(double[] p) {
    return java.util.Arrays.toString(p);
  }
}
