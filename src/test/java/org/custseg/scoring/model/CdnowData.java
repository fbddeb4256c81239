package org.custseg.scoring.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test access to the CDNOW calibration summary (2,357 customers, weeks; columns ID,x,t_x,T,zbar)
 * from the shared data folder next to the project. Tests are skipped (not failed) when the file is
 * not there.
 */
public final class CdnowData {

  static final Path SUMMARY =
      Path.of("..", "shared", "data", "cdnow", "cdnow_customers_summary_with_transactions.csv");

  record Row(int id, int x, double tx, double T, double zbar) {}

  private static List<Row> cache;

  private CdnowData() {}

  static synchronized List<Row> rows() {
    assumeTrue(
        Files.isRegularFile(SUMMARY),
        "CDNOW summary not found at "
            + SUMMARY.toAbsolutePath().normalize()
            + " (expected the shared data folder beside the project); skipping CDNOW reference test");
    if (cache == null) {
      try {
        List<String> lines = Files.readAllLines(SUMMARY, StandardCharsets.UTF_8);
        List<Row> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.trim().split(",");
          out.add(
              new Row(
                  Integer.parseInt(f[0]),
                  Integer.parseInt(f[1]),
                  Double.parseDouble(f[2]),
                  Double.parseDouble(f[3]),
                  Double.parseDouble(f[4])));
        }
        cache = List.copyOf(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cache;
  }

  /**
   * Customers as weighted triples in weeks (compressed), times multiplied by {@code timeFactor}.
   */
  static List<CustomerTriple> triples(double timeFactor) {
    List<CustomerTriple> t = new ArrayList<>();
    for (Row r : rows()) {
      t.add(new CustomerTriple(r.x(), r.tx() * timeFactor, r.T() * timeFactor, 1));
    }
    return SufficientStats.compress(t);
  }

  public static List<CustomerTriple> triplesInWeeks() {
    return triples(1.0);
  }

  /**
   * Repeat buyers' mean spend (all customers; the Gamma-Gamma fit keeps x &gt; 0 and zbar &gt; 0).
   */
  static List<SpendObservation> spend() {
    List<SpendObservation> s = new ArrayList<>();
    for (Row r : rows()) {
      s.add(SpendObservation.of(r.x(), r.zbar()));
    }
    return s;
  }
}
