package org.custseg.job;

/** The input failed the data-quality gate; nothing is published (exit code 3). */
public class DataQualityException extends RuntimeException {
  public DataQualityException(String message) {
    super(message);
  }
}
