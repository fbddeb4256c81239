package org.custseg.job;

import java.util.List;
import org.custseg.config.ConfigurationException;
import org.custseg.ingest.InputNotFoundException;

/** Turns a failure into an exit code and one line a person can act on. */
public final class Failures {

  private Failures() {}

  public static int exitCode(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DataQualityException) {
        return ExitCodes.DATA_QUALITY;
      }
      if (c instanceof ConfigurationException || c instanceof InputNotFoundException) {
        return ExitCodes.USAGE;
      }
    }
    return ExitCodes.FAILED;
  }

  public static int exitCode(List<Throwable> failures) {
    int code = ExitCodes.FAILED;
    for (Throwable t : failures) {
      int c = exitCode(t);
      if (c != ExitCodes.FAILED) {
        return c;
      }
    }
    return code;
  }

  /**
   * The most specific message in the cause chain; a storage problem (no write permission, no space
   * left, ...) in words a user acts on ({@link StorageProblem}).
   */
  public static String oneLine(Throwable t) {
    Throwable best = t;
    boolean own = false;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DataQualityException
          || c instanceof ConfigurationException
          || c instanceof InputNotFoundException
          || c instanceof OutputCheck.NotWritableException) {
        best = c;
        own = true;
        break;
      }
      if (c.getMessage() != null) {
        best = c;
      }
    }
    if (!own) {
      java.util.Optional<String> storage = StorageProblem.describe(t);
      if (storage.isPresent()) {
        return storage.get();
      }
    }
    String msg = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
    return msg.replaceAll("\\s*\\R\\s*", " ");
  }
}
