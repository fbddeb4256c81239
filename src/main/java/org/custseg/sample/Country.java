package org.custseg.sample;

import java.util.List;

/**
 * A country of the simulated shop: its weight among customers, currency, EUR-to-currency rate and
 * number of stores.
 */
record Country(String code, double weight, String currency, double eurRate, int stores) {

  static final List<Country> ALL =
      List.of(
          new Country("DE", 0.30, "EUR", 1.0, 40),
          new Country("FR", 0.18, "EUR", 1.0, 30),
          new Country("IT", 0.10, "EUR", 1.0, 25),
          new Country("NL", 0.10, "EUR", 1.0, 15),
          new Country("ES", 0.09, "EUR", 1.0, 20),
          new Country("BE", 0.07, "EUR", 1.0, 10),
          new Country("AT", 0.06, "EUR", 1.0, 10),
          new Country("CH", 0.04, "CHF", 0.94, 8),
          new Country("GB", 0.03, "GBP", 0.86, 10),
          new Country("IE", 0.03, "EUR", 1.0, 5));

  /** Cumulative weights of {@link #ALL}, for {@link SimRandom#pick}. */
  static final double[] WEIGHTS =
      SimRandom.cumulative(ALL.stream().mapToDouble(Country::weight).toArray());

  static Country of(String code) {
    for (Country c : ALL) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    throw new IllegalStateException(code);
  }
}
