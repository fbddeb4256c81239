package org.custseg.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
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
      NavigableSet<LocalDate> dates =
          MigrationReports.completedRunsBefore(reportsRoot, runDate, conf);
      while (dates.size() > MAX_EARLIER_RUNS) {
        dates.pollFirst();
      }
      for (LocalDate d : dates) {
        Path file = new Path(new Path(reportsRoot, "run_date=" + d), "pyramid_summary.csv");
        if (fs.exists(file)) {
          out.add(point(fs, d, file));
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
