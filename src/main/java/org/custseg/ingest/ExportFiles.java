package org.custseg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the export files behind an input path: a file, a directory (searched recursively) or a
 * glob. Names are taken literally: only an input path that does not exist as written and holds glob
 * characters is a glob; the files found are read by their exact path ({@link #escape}). Works on
 * any Hadoop file system (local, HDFS, S3A), so the same jar runs on a cluster.
 *
 * <p>Every file under the input that is not read is listed with its reason ({@link Skip}): hidden
 * names ({@code .} or {@code _} prefix; a hidden directory is listed once, as the directory), names
 * that {@code segmentation.input.include} does not match, a file or directory reached a second time
 * through a symbolic link, a link back to a directory being listed (a loop), a link that leads
 * nowhere, and the configured exchange-rates file. Identity is the real path: {@code java.nio}'s
 * for local files, {@link FileSystem#resolvePath} for symbolic links elsewhere.
 */
public final class ExportFiles {

  private static final Pattern DASHED_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern COMPACT_DATE =
      Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");

  /** The characters Hadoop's path globbing (and its comma-separated path lists) interpret. */
  private static final Pattern GLOB_CHARACTERS = Pattern.compile("([\\\\\\[\\]{}*?,])");

  private ExportFiles() {}

  /** Why a file under the input is not read; the codes are stable (manifest, scripts). */
  public enum Skip {
    /** The name does not match segmentation.input.include. */
    NAME_FILTER("the name does not match segmentation.input.include"),
    /** A name starting with {@code .} or {@code _} (checksums, _SUCCESS, editors' files). */
    HIDDEN("a hidden name (starting with . or _)"),
    /** Reached a second time through a symbolic link: read once, under its first path. */
    DUPLICATE_PATH("the same file or directory reached again through a symbolic link"),
    /** A symbolic link to a directory that is being listed: following it would never end. */
    SYMLINK_LOOP("a symbolic link back to a directory being listed"),
    /** A symbolic link whose target does not exist. */
    BROKEN_LINK("a symbolic link whose target does not exist"),
    /** The exchange-rates file (segmentation.money.rates), which is no export. */
    RATES_FILE("the exchange-rates file of segmentation.money.rates");

    private final String meaning;

    Skip(String meaning) {
      this.meaning = meaning;
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String meaning() {
      return meaning;
    }
  }

  /** A file (or directory) under the input that is not read, and why. */
  public record Skipped(String file, String reason) {}

  /**
   * Files found under an input path: the exports, everything else with its reason, and the exports'
   * total size in bytes (from the listing itself).
   */
  public record Listing(List<String> exports, List<Skipped> skipped, long exportBytes) {

    /** The skipped files by reason, in the reasons' order. */
    public Map<Skip, List<String>> skippedByReason() {
      Map<Skip, List<String>> out = new EnumMap<>(Skip.class);
      for (Skipped s : skipped) {
        out.computeIfAbsent(
                Skip.valueOf(s.reason().toUpperCase(java.util.Locale.ROOT)), r -> new ArrayList<>())
            .add(s.file());
      }
      return out;
    }
  }

  /** Every export file under {@code spec} whose name matches the default pattern. */
  public static List<String> list(String spec, Configuration conf) {
    return listing(spec, DEFAULT_INCLUDE, conf).exports();
  }

  /**
   * The default pattern of export file names: delimited text and JSON lines, optionally compressed,
   * and Parquet.
   */
  public static final String DEFAULT_INCLUDE =
      "(?i).*\\.((csv|tsv|txt|dat|json|jsonl|ndjson)(\\.(gz|bz2|deflate))?|parquet)$";

  /** Lists the files under {@code spec}; fails when no export file remains. */
  public static Listing listing(String spec, String include, Configuration conf) {
    return listing(spec, include, null, conf);
  }

  /**
   * Lists the files under {@code spec}: the exports sorted by path, and the files not read with
   * their reason; {@code ratesFile} (or {@code null}) is never an export. Fails when no export
   * remains.
   */
  public static Listing listing(String spec, String include, String ratesFile, Configuration conf) {
    try {
      Path input = new Path(spec);
      FileSystem fs = input.getFileSystem(conf);
      Walker walker = new Walker(fs, Pattern.compile(include));
      if (ratesFile != null) {
        Path rates = new Path(ratesFile);
        FileSystem ratesFs = rates.getFileSystem(conf);
        if (ratesFs.exists(rates)) {
          walker.rates = identity(ratesFs, ratesFs.getFileStatus(rates));
        }
      }
      if (fs.exists(input)) {
        walker.visit(fs.getFileStatus(input), true);
      } else if (GLOB_CHARACTERS.matcher(spec).find()) {
        FileStatus[] matches = fs.globStatus(input);
        for (FileStatus s : matches == null ? new FileStatus[0] : sorted(matches)) {
          walker.visit(s, false);
        }
      }
      walker.exports.sort(null);
      walker.skipped.sort(Comparator.comparing(Skipped::file).thenComparing(Skipped::reason));
      if (walker.exports.isEmpty()) {
        throw new InputNotFoundException("no export files found at " + spec + summary(walker));
      }
      return new Listing(
          List.copyOf(walker.exports), List.copyOf(walker.skipped), walker.exportBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input " + spec + ": " + e.getMessage(), e);
    }
  }

  private static String summary(Walker walker) {
    if (walker.skipped.isEmpty()) {
      return "";
    }
    Map<String, Long> byReason =
        walker.skipped.stream()
            .collect(Collectors.groupingBy(Skipped::reason, TreeMap::new, Collectors.counting()));
    return " (skipped: "
        + byReason.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "))
        + "; see segmentation.input.include)";
  }

  /**
   * A listed path escaped for Hadoop readers that take path patterns or comma-separated lists
   * (Spark's Parquet reader): {@code \ [ ] { } * ? ,} are preceded by a backslash, so the file is
   * read under its exact name.
   */
  public static String escape(String path) {
    return GLOB_CHARACTERS.matcher(path).replaceAll("\\\\$1");
  }

  private static FileStatus[] sorted(FileStatus[] statuses) {
    FileStatus[] copy = statuses.clone();
    Arrays.sort(copy, Comparator.comparing(s -> s.getPath().toString()));
    return copy;
  }

  /**
   * The identity of a listed file or directory: its real path (symbolic links resolved), so that
   * two paths to one file count once.
   */
  private static Object identity(FileSystem fs, FileStatus s) throws IOException {
    if ("file".equals(fs.getScheme())) {
      return Paths.get(s.getPath().toUri()).toRealPath();
    }
    return s.isSymlink() ? fs.resolvePath(s.getPath()) : fs.makeQualified(s.getPath());
  }

  private static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  /** A depth-first walk that follows each real directory once. */
  private static final class Walker {
    private final FileSystem fs;
    private final Pattern include;
    private final List<String> exports = new ArrayList<>();
    private long exportBytes;
    private final List<Skipped> skipped = new ArrayList<>();
    private final Set<Object> filesRead = new HashSet<>();
    private final Set<Object> directoriesListed = new HashSet<>();
    private final Deque<Object> listing = new ArrayDeque<>();
    private Object rates;

    Walker(FileSystem fs, Pattern include) {
      this.fs = fs;
      this.include = include;
    }

    /** Visits one listed entry; {@code given} is the input path itself (never hidden). */
    void visit(FileStatus s, boolean given) throws IOException {
      String path = s.getPath().toString();
      if (!given && hidden(s.getPath().getName())) {
        skip(path, Skip.HIDDEN);
        return;
      }
      Object id = identity(fs, s);
      if (s.isDirectory()) {
        if (listing.contains(id)) {
          skip(path, Skip.SYMLINK_LOOP);
        } else if (!directoriesListed.add(id)) {
          skip(path, Skip.DUPLICATE_PATH);
        } else {
          listing.push(id);
          FileStatus[] children = sorted(fs.listStatus(s.getPath()));
          brokenLinks(s.getPath(), children);
          for (FileStatus child : children) {
            visit(child, false);
          }
          listing.pop();
        }
      } else if (id.equals(rates)) {
        skip(path, Skip.RATES_FILE);
      } else if (!include.matcher(s.getPath().getName()).matches()) {
        skip(path, Skip.NAME_FILTER);
      } else if (!filesRead.add(id)) {
        skip(path, Skip.DUPLICATE_PATH);
      } else {
        exports.add(path);
        exportBytes += s.getLen();
      }
    }

    /**
     * Hadoop's local listing leaves out symbolic links whose target does not exist: they are listed
     * here, so that no entry of a local directory goes unmentioned.
     */
    private void brokenLinks(Path dir, FileStatus[] listed) throws IOException {
      if (!"file".equals(fs.getScheme())) {
        return;
      }
      Set<String> names = new HashSet<>();
      for (FileStatus c : listed) {
        names.add(c.getPath().getName());
      }
      try (Stream<java.nio.file.Path> entries = Files.list(Paths.get(dir.toUri()))) {
        for (java.nio.file.Path e : entries.sorted().toList()) {
          String name = e.getFileName().toString();
          if (!names.contains(name) && Files.isSymbolicLink(e) && !Files.exists(e)) {
            skip(new Path(dir, name).toString(), hidden(name) ? Skip.HIDDEN : Skip.BROKEN_LINK);
          }
        }
      }
    }

    private void skip(String path, Skip reason) {
      skipped.add(new Skipped(path, reason.code()));
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
