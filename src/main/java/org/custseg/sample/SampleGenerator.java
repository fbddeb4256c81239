package org.custseg.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: writes simulated daily transaction export files (see {@link TransactionSimulator}
 * and {@link SampleWriter}) and prints a one-line summary.
 */
@Command(
    name = "generate-sample",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes realistic daily transaction export files DIR/transactions_YYYY-MM-DD.csv[.gz] simulated "
          + "with known BG/NBD and Gamma-Gamma parameters, plus refunds, dirty rows and duplicates.",
      "Same options and seed -> byte-identical files. Memory grows with the customer count only "
          + "(about 16 bytes a customer), never with the row count."
    })
public final class SampleGenerator implements Callable<Integer> {

  /** Customers simulated to estimate rows per customer for --rows. */
  static final int PILOT_CUSTOMERS = 100_000;

  static final class Size {
    @Option(
        names = "--customers",
        paramLabel = "N",
        description = "Customers acquired in the window " + "(default: 3000).")
    Integer customers;

    @Option(
        names = "--rows",
        paramLabel = "N",
        description =
            "Target data rows instead of --customers: "
                + "the customer count is chosen to give about N rows.")
    Long rows;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Size size = new Size();

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "730",
      description = "Window length in days, " + "one file a day (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--end-date",
      paramLabel = "YYYY-MM-DD",
      defaultValue = "2025-12-31",
      description = "Last day of the window (default: ${DEFAULT-VALUE}).")
  LocalDate endDate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
  Path out;

  @Option(
      names = "--dirty-rate",
      paramLabel = "R",
      defaultValue = "0.005",
      description = "Share of order rows written corrupted (default: ${DEFAULT-VALUE}).")
  double dirtyRate;

  @Option(
      names = "--duplicate-rate",
      paramLabel = "R",
      defaultValue = "0.002",
      description = "Share of clean rows re-sent once (default: ${DEFAULT-VALUE}).")
  double duplicateRate;

  @Option(
      names = "--refund-rate",
      paramLabel = "R",
      defaultValue = "0.02",
      description = "Share of orders refunded later (default: ${DEFAULT-VALUE}).")
  double refundRate;

  @Option(
      names = "--format",
      paramLabel = "csv|csv.gz",
      defaultValue = "csv",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--r",
      defaultValue = "0.25",
      description = "BG/NBD r (default: ${DEFAULT-VALUE}).")
  double r;

  @Option(
      names = "--alpha",
      defaultValue = "10",
      description = "BG/NBD alpha, per day (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--a",
      defaultValue = "0.8",
      description = "BG/NBD a (default: ${DEFAULT-VALUE}).")
  double a;

  @Option(
      names = "--b",
      defaultValue = "2.5",
      description = "BG/NBD b (default: ${DEFAULT-VALUE}).")
  double b;

  @Option(
      names = "--spend-p",
      defaultValue = "6",
      description = "Gamma-Gamma p (default: ${DEFAULT-VALUE}).")
  double spendP;

  @Option(
      names = "--spend-q",
      defaultValue = "4",
      description = "Gamma-Gamma q (default: ${DEFAULT-VALUE}).")
  double spendQ;

  @Option(
      names = "--spend-v",
      defaultValue = "40",
      description = "Gamma-Gamma v (default: ${DEFAULT-VALUE}).")
  double spendV;

  @Option(
      names = "--acquisition-skew",
      defaultValue = "3",
      description = "Acquisition density on the first vs the last day (default: ${DEFAULT-VALUE}).")
  double acquisitionSkew;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SampleGenerator()).execute(args));
  }

  SimulationParameters parameters() {
    SimulationParameters d = SimulationParameters.defaults();
    return new SimulationParameters(
        r,
        alpha,
        a,
        b,
        spendP,
        spendQ,
        spendV,
        acquisitionSkew,
        refundRate,
        d.fullRefundShare(),
        d.maxRefundDelayDays());
  }

  @Override
  public Integer call() throws Exception {
    SimulationParameters params = parameters();
    SampleWriter.NoiseOptions noise =
        new SampleWriter.NoiseOptions(
            dirtyRate, duplicateRate, SampleWriter.NoiseOptions.DEFAULT_NEXT_DAY_DUPLICATE_SHARE);
    int customers;
    if (size.rows != null) {
      customers = customersForRows(size.rows, params, noise, endDate, days, seed);
    } else {
      customers = size.customers != null ? size.customers : 3000;
    }
    TransactionSimulator simulator =
        new TransactionSimulator(params, customers, endDate, days, seed);
    SampleWriter.Summary summary =
        new SampleWriter(simulator, noise, SampleWriter.Format.parse(format)).write(out);
    System.out.println(summary.line());
    return 0;
  }

  /**
   * The customer count expected to give about {@code targetRows} data rows: rows per customer are
   * measured on a pilot of {@value #PILOT_CUSTOMERS} customers simulated with the same parameters,
   * window and seed.
   */
  public static int customersForRows(
      long targetRows,
      SimulationParameters params,
      SampleWriter.NoiseOptions noise,
      LocalDate endDate,
      int days,
      long seed) {
    if (targetRows < 1) {
      throw new IllegalArgumentException("rows must be >= 1: " + targetRows);
    }
    TransactionSimulator pilot =
        new TransactionSimulator(params, PILOT_CUSTOMERS, endDate, days, seed);
    long[] counts = new long[2];
    pilot
        .ordersByCustomer()
        .forEach(
            o -> {
              counts[0]++;
              if (o.refund() != null) {
                counts[1]++;
              }
            });
    double rowsPerCustomer =
        (counts[0] + counts[1]) * (1.0 + noise.duplicateRate()) / PILOT_CUSTOMERS;
    double customers = Math.max(1.0, Math.rint(targetRows / rowsPerCustomer));
    if (customers > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many rows for one run: " + targetRows);
    }
    return (int) customers;
  }
}
