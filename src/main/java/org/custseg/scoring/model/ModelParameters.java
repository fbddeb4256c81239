package org.custseg.scoring.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters of a fitted model: strictly positive reals with names. */
public interface ModelParameters {

  /** Parameter names in the model's canonical order. */
  String[] names();

  /** Parameters in the model's canonical order. */
  double[] toArray();

  /** Parameters by name, in the model's canonical order. */
  default Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    String[] names = names();
    double[] values = toArray();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], values[i]);
    }
    return m;
  }

  /** Rejects a parameter that is not finite and strictly positive, naming all of them. */
  static void requirePositive(String model, String[] names, double... values) {
    for (double v : values) {
      if (!(v > 0) || Double.isInfinite(v)) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
          all.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
        }
        throw new IllegalArgumentException(model + " parameters must be finite and > 0: " + all);
      }
    }
  }
}
