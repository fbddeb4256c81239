package org.custseg.scoring.model;

import java.util.function.ToDoubleFunction;

/** A weighted total log-likelihood as a function of the natural (positive) model parameters. */
@FunctionalInterface
public interface LogLikelihoodFunction {

  /**
   * @param params natural parameters (all strictly positive)
   * @param gradient if not {@code null}, receives d logL / d params[i] (natural parameters)
   * @return the weighted total log-likelihood (may be non-finite outside the usable range)
   */
  double evaluate(double[] params, double[] gradient);

  /**
   * Wraps a value-only log-likelihood with a central-difference gradient taken in log-parameter
   * space (step {@code h} on log(param), i.e. a relative step), converted back to natural
   * parameters.
   */
  static LogLikelihoodFunction withNumericalGradient(ToDoubleFunction<double[]> value, double h) {
    return (params, gradient) -> {
      double f = value.applyAsDouble(params);
      if (gradient != null) {
        double[] p = params.clone();
        for (int i = 0; i < p.length; i++) {
          p[i] = params[i] * Math.exp(h);
          double up = value.applyAsDouble(p);
          p[i] = params[i] * Math.exp(-h);
          double down = value.applyAsDouble(p);
          p[i] = params[i];
          gradient[i] = (up - down) / (2 * h) / params[i];
        }
      }
      return f;
    };
  }
}
