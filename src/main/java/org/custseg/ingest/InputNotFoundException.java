package org.custseg.ingest;

/** The input path matches no export file; a usage error (exit code 2). */
public class InputNotFoundException extends RuntimeException {
  public InputNotFoundException(String message) {
    super(message);
  }
}
