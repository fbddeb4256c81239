package org.custseg.config;

/** A configuration value is missing or invalid; the job exits with code 2. */
public class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super(message);
  }
}
