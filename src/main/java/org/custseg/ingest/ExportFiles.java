package org.custseg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the export files behind an input path: a file, a directory (searched recursively) or a
 * glob. Hidden files ({@code .} or {@code _} prefix) are skipped. Works on any Hadoop file system
 * (local, HDFS, S3A), so the same jar runs on a cluster.
 */
public final class ExportFiles {

  private static final Pattern DASHED_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern COMPACT_DATE =
      Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");

  private ExportFiles() {}

  /** Files found under an input path: the exports, and the files skipped by name. */
  public record Listing(List<String> exports, List<String> skipped) {}

  /** Every export file under {@code spec} whose name matches {@code include}, sorted by path. */
  public static List<String> list(String spec, Configuration conf) {
    return listing(spec, DEFAULT_INCLUDE, conf).exports();
  }

  /**
   * The default pattern of export file names: delimited text and JSON lines, optionally compressed,
   * and Parquet.
   */
  public static final String DEFAULT_INCLUDE =
      "(?i).*\\.((csv|tsv|txt|dat|json|jsonl|ndjson)(\\.(gz|bz2|deflate))?|parquet)$";

  /**
   * Lists the files under {@code spec}. Files whose name does not match {@code include} (a README
   * beside the exports, say) are skipped and returned separately, to be reported; fails when no
   * export file remains.
   */
  public static Listing listing(String spec, String include, Configuration conf) {
    Pattern includePattern = Pattern.compile(include);
    try {
      Path pattern = new Path(spec);
      FileSystem fs = pattern.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(pattern);
      List<String> files = new ArrayList<>();
      if (matches != null) {
        for (FileStatus status : matches) {
          collect(fs, status, files);
        }
      }
      files.sort(null);
      List<String> exports = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      for (String f : files) {
        (includePattern.matcher(new Path(f).getName()).matches() ? exports : skipped).add(f);
      }
      if (exports.isEmpty()) {
        throw new InputNotFoundException(
            "no export files found at "
                + spec
                + (skipped.isEmpty()
                    ? ""
                    : " (skipped by name: "
                        + skipped.size()
                        + " file(s); see segmentation.input.include)"));
      }
      return new Listing(exports, skipped);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input " + spec + ": " + e.getMessage(), e);
    }
  }

  private static void collect(FileSystem fs, FileStatus status, List<String> out)
      throws IOException {
    String name = status.getPath().getName();
    if (name.startsWith(".") || name.startsWith("_")) {
      return;
    }
    if (status.isDirectory()) {
      for (FileStatus child : fs.listStatus(status.getPath())) {
        collect(fs, child, out);
      }
    } else {
      out.add(status.getPath().toString());
    }
  }

  /** The export's own date, from a yyyy-MM-dd or yyyyMMdd in its file name. */
  public static Optional<LocalDate> dateInName(String path) {
    String name = new Path(path).getName();
    for (Pattern p : List.of(DASHED_DATE, COMPACT_DATE)) {
      Matcher m = p.matcher(name);
      while (m.find()) {
        try {
          return Optional.of(
              LocalDate.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException ignored) {
          // not a date; look further
        }
      }
    }
    return Optional.empty();
  }

  /** The latest file-name date when every file carries one. */
  public static Optional<LocalDate> latestDateInNames(List<String> files) {
    LocalDate latest = null;
    for (String f : files) {
      Optional<LocalDate> d = dateInName(f);
      if (d.isEmpty()) {
        return Optional.empty();
      }
      if (latest == null || d.get().isAfter(latest)) {
        latest = d.get();
      }
    }
    return Optional.ofNullable(latest);
  }
}
