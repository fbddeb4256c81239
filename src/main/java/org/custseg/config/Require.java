package org.custseg.config;

/** The one check the settings records share: a false condition is a configuration error. */
final class Require {

  private Require() {}

  static void that(boolean ok, String message) {
    if (!ok) {
      throw new ConfigurationException(message);
    }
  }

  static void present(Object value, String key) {
    that(value != null, key + " is missing");
  }
}
