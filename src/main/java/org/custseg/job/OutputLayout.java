package org.custseg.job;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/** Where a run's files live under the output directory (contract.md, "Output layout"). */
public record OutputLayout(Path root) {

  public static OutputLayout of(String output) {
    return new OutputLayout(new Path(output));
  }

  private static String partition(LocalDate d) {
    return "run_date=" + d;
  }

  public Path customers(LocalDate d) {
    return new Path(new Path(root, "customers"), partition(d));
  }

  public Path reports(LocalDate d) {
    return new Path(new Path(root, "reports"), partition(d));
  }

  public Path quarantine(LocalDate d) {
    return new Path(new Path(root, "quarantine"), partition(d));
  }

  /** Work in progress of one date; moved into place by the publish step. */
  public Path staging(LocalDate d) {
    return new Path(new Path(root, "_staging"), partition(d));
  }

  public Path stagingClassified(LocalDate d) {
    return new Path(staging(d), "classified");
  }

  /** Spark writes the customer table here partitioned by run_date. */
  public Path stagingCustomerTable(LocalDate d) {
    return new Path(staging(d), "customers");
  }

  public Path stagingCustomers(LocalDate d) {
    return new Path(stagingCustomerTable(d), partition(d));
  }

  /** The new state's parts (customers, pending, keys), moved to {@code _state/} on publish. */
  public Path stagingState(LocalDate d, String part) {
    return new Path(new Path(staging(d), "state"), part);
  }

  public Path stagingReports(LocalDate d) {
    return new Path(staging(d), "reports");
  }

  public Path stagingQuarantine(LocalDate d) {
    return new Path(staging(d), "quarantine");
  }

  /** Old outputs of a date being replaced (--force) wait here until the new ones are in place. */
  public Path trash(LocalDate d) {
    return new Path(new Path(root, "_trash"), partition(d));
  }
}
