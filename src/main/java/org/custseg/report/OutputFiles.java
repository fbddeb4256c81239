package org.custseg.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Small file operations on any Hadoop file system (local, HDFS, S3A). */
public final class OutputFiles {

  private OutputFiles() {}

  public static FileSystem fs(Path path, Configuration conf) {
    try {
      return path.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + path, e);
    }
  }

  /** Writes text (UTF-8) to a file, replacing it. */
  public static void writeText(Path file, String text, Configuration conf) {
    try (Writer w = writer(file, conf)) {
      w.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static Writer writer(Path file, Configuration conf) throws IOException {
    OutputStream out = fs(file, conf).create(file, true);
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  public static boolean exists(Path path, Configuration conf) {
    try {
      return fs(path, conf).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }

  public static void delete(Path path, Configuration conf) {
    try {
      fs(path, conf).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  public static void mkdirs(Path path, Configuration conf) {
    try {
      fs(path, conf).mkdirs(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path, e);
    }
  }

  /** Renames (moves) a file or directory, creating the target's parent; fails loudly. */
  public static void move(Path from, Path to, Configuration conf) {
    try {
      FileSystem fs = fs(from, conf);
      fs.mkdirs(to.getParent());
      if (!fs.rename(from, to)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
