package org.custseg.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.custseg.report.html.TrendPoint;

/**
 * Tier sizes and trailing net spend of the earlier completed runs, from their pyramid summaries:
 * the latest {@link #MAX_EARLIER_RUNS} of them (a year of nightly runs), so the trend stays a
 * bounded part of the page however long the pipeline has run.
 */
public final class RunTrends {

  /** Earlier runs shown at most. */
  public static final int MAX_EARLIER_RUNS = 364;

  private RunTrends() {}

  /** One point per completed run before {@code runDate}, oldest first. */
  public static List<TrendPoint> before(Path reportsRoot, LocalDate runDate, Configuration conf) {
    List<TrendPoint> out = new ArrayList<>();
    try {
      FileSystem fs = reportsRoot.getFileSystem(conf);
      FileStatus[] runs = fs.globStatus(new Path(reportsRoot, "run_date=*/_SUCCESS"));
      TreeMap<LocalDate, Path> byDate = new TreeMap<>();
      for (FileStatus s : runs == null ? new FileStatus[0] : runs) {
        String name = s.getPath().getParent().getName();
        try {
          LocalDate d = LocalDate.parse(name.substring("run_date=".length()));
          if (d.isBefore(runDate)) {
            byDate.put(d, new Path(s.getPath().getParent(), "pyramid_summary.csv"));
          }
        } catch (DateTimeException e) {
          // not a run directory
        }
      }
      while (byDate.size() > MAX_EARLIER_RUNS) {
        byDate.pollFirstEntry();
      }
      for (Map.Entry<LocalDate, Path> e : byDate.entrySet()) {
        if (fs.exists(e.getValue())) {
          out.add(point(fs, e.getKey(), e.getValue()));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException(
              "cannot read earlier runs' summaries under " + reportsRoot + ": " + e.getMessage(),
              e));
    }
    return out;
  }

  private static TrendPoint point(FileSystem fs, LocalDate date, Path file) throws IOException {
    Map<String, Long> customers = new LinkedHashMap<>();
    BigDecimal spend = BigDecimal.ZERO;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      r.mark(1);
      if (r.read() != '\uFEFF') {
        r.reset(); // no byte-order mark (segmentation.report.csv-bom)
      }
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        customers.put(rec.get("pyramid_tier"), Long.parseLong(rec.get("customers")));
        spend = spend.add(new BigDecimal(rec.get("revenue_trailing")));
      }
    }
    return new TrendPoint(date, customers, spend);
  }
}
