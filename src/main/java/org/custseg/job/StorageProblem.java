package org.custseg.job;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure to write that the user fixes outside the job, in words they act on: {@code cannot write
 * to <dir>: permission denied}, {@code no space left on device while writing <path>}. Found in a
 * failure's cause chain whoever wrapped it (H2, Hadoop, Spark, Spring): the innermost cause that is
 * such a problem, with its path or the path of the nearest exception around it.
 */
final class StorageProblem {

  private static final Pattern PATH = Pattern.compile("(?:file:)?(/[^\\s\"'()\\[\\],;]+)");
  private static final Pattern MKDIRS = Pattern.compile("Mkdirs failed to create (?:file:)?(\\S+)");

  private enum Kind {
    NO_SPACE,
    PERMISSION,
    READ_ONLY,
    NOT_A_DIRECTORY,
    CANNOT_CREATE
  }

  private StorageProblem() {}

  /** The sentence for the storage problem in the cause chain of {@code t}, if there is one. */
  static Optional<String> describe(Throwable t) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
      chain.add(c);
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable c = chain.get(i);
      Optional<Kind> kind = kind(c);
      if (kind.isEmpty()) {
        continue;
      }
      String path = pathOf(c, kind.get());
      for (int j = i - 1; path == null && j >= 0; j--) {
        path = pathOf(chain.get(j), kind.get());
      }
      Optional<String> sentence = sentence(kind.get(), path);
      if (sentence.isPresent()) {
        return sentence;
      }
    }
    return Optional.empty();
  }

  private static Optional<Kind> kind(Throwable c) {
    String message = String.valueOf(c.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left on device")) {
      return Optional.of(Kind.NO_SPACE);
    }
    if (c instanceof AccessDeniedException || lower.contains("(permission denied)")) {
      return Optional.of(Kind.PERMISSION);
    }
    if (lower.contains("read-only file system")) {
      return Optional.of(Kind.READ_ONLY);
    }
    if (c instanceof NotDirectoryException || lower.contains("(not a directory)")) {
      return Optional.of(Kind.NOT_A_DIRECTORY);
    }
    if (MKDIRS.matcher(message).find()) {
      return Optional.of(Kind.CANNOT_CREATE);
    }
    return Optional.empty();
  }

  private static String pathOf(Throwable c, Kind kind) {
    if (c instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile();
    }
    String message = String.valueOf(c.getMessage());
    Matcher m = (kind == Kind.CANNOT_CREATE ? MKDIRS : PATH).matcher(message);
    // A path at the end of a sentence ("... to file:/out/x. SQLSTATE", "/out/x: Read-only ...").
    return m.find() ? m.group(1).replaceAll("[.:]+$", "") : null;
  }

  private static Optional<String> sentence(Kind kind, String path) {
    return switch (kind) {
      case NO_SPACE -> Optional.of(noSpace(path));
      case READ_ONLY -> Optional.of(cannotWrite(path, "read-only file system"));
      case PERMISSION ->
          Optional.of(inspect(path).orElseGet(() -> cannotWrite(path, "permission denied")));
      case NOT_A_DIRECTORY ->
          Optional.of(
              inspect(path)
                  .orElseGet(
                      () -> cannotWrite(path, "a part of the path is a file, not a directory")));
      // Hadoop says only "Mkdirs failed to create": the file system tells why, if anything does.
      case CANNOT_CREATE -> inspect(path);
    };
  }

  static String cannotWrite(String path, String why) {
    return "cannot write to " + (path == null ? "the output directory" : path) + ": " + why;
  }

  static String noSpace(String path) {
    return "no space left on device while writing "
        + (path == null ? "the output directory" : path);
  }

  private static Optional<String> inspect(String path) {
    return path == null ? Optional.empty() : local(path).flatMap(StorageProblem::whyNotWritable);
  }

  /**
   * Why a local path cannot be used, judged from it or, when it does not exist, from its nearest
   * existing ancestor: a file where a directory is needed, a file that cannot be read, or a
   * directory that cannot be written (empty when nothing seems wrong).
   */
  static Optional<String> whyNotWritable(Path path) {
    Path target = path.toAbsolutePath().normalize();
    Path existing = target;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.empty();
    }
    if (!existing.equals(target) && !Files.isDirectory(existing)) {
      return Optional.of(
          "cannot write to " + path + ": " + existing + " is a file, not a directory");
    }
    if (existing.equals(target) && !Files.isReadable(target)) {
      return Optional.of("cannot read " + target + ": permission denied");
    }
    if (!Files.isWritable(existing)) {
      return Optional.of(cannotWrite(existing.toString(), "permission denied"));
    }
    return Optional.empty();
  }

  /** A local path from a path or a {@code file:} URI, if it is one. */
  static Optional<Path> local(String pathOrUri) {
    try {
      String p = pathOrUri.startsWith("file:") ? pathOrUri.substring("file:".length()) : pathOrUri;
      while (p.startsWith("//")) {
        p = p.substring(1);
      }
      return p.contains(":") ? Optional.empty() : Optional.of(Path.of(p));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
