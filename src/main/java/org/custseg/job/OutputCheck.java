package org.custseg.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Before anything starts: can the run write where it must? For a local output directory, the
 * directory itself and those of its working directories that exist ({@code _jobrepo}, {@code
 * _staging}, the published ones, ...) are probed by creating and deleting a small file, so that an
 * unwritable output stops the run with one line naming the directory and what is wrong with it
 * instead of an error deep inside the job repository or a Spark task. Outputs on HDFS or an object
 * store are not probed (their permissions are the store's).
 */
public final class OutputCheck {

  /** The directories under the output a run writes into (when they exist). */
  static final List<String> WORKING_DIRECTORIES =
      List.of(
          "_jobrepo",
          "_locks",
          "_staging",
          "_state",
          "_trash",
          "_metrics",
          "reports",
          "customers",
          "quarantine",
          "evaluation");

  private OutputCheck() {}

  /** Thrown when the output cannot be written; its message is the sentence for the user. */
  public static final class NotWritableException extends RuntimeException {
    NotWritableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Checks a local output directory (creating it when missing).
   *
   * @throws NotWritableException naming the directory and the problem
   */
  public static void writable(String output) {
    Optional<Path> local = local(output);
    if (local.isEmpty()) {
      return;
    }
    Path dir = local.get();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new NotWritableException(
          "cannot write to " + dir + ": it is a file, not a directory", null);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw failure(dir, e);
    }
    probe(dir);
    for (String name : WORKING_DIRECTORIES) {
      Path sub = dir.resolve(name);
      if (Files.exists(sub)) {
        if (!Files.isDirectory(sub)) {
          throw new NotWritableException(
              "cannot write to " + sub + ": it is a file, not a directory", null);
        }
        probe(sub);
      }
    }
  }

  private static void probe(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, ".write-check-", ".tmp"));
    } catch (IOException e) {
      throw failure(dir, e);
    }
  }

  private static NotWritableException failure(Path dir, IOException e) {
    String sentence =
        StorageProblem.describe(e)
            .or(() -> StorageProblem.whyNotWritable(dir))
            .orElseGet(() -> StorageProblem.cannotWrite(dir.toString(), String.valueOf(e)));
    return new NotWritableException(sentence, e);
  }

  /** The local directory of an output path or {@code file:} URI; empty for HDFS, S3, ... */
  static Optional<Path> local(String output) {
    String o = output.replace('\\', '/');
    if (o.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !o.startsWith("file:")) {
      return Optional.empty();
    }
    return StorageProblem.local(o).map(p -> p.toAbsolutePath().normalize());
  }
}
