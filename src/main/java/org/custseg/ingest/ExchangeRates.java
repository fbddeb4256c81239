package org.custseg.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.config.ConfigurationException;
import org.custseg.config.MoneySettings;
import org.custseg.schema.Money;

/**
 * The reporting currency and the exchange rates into it ({@code segmentation.money}). The rates
 * file is a CSV with the header {@code currency,rate,valid_from}: {@code rate} is the number of
 * units of the reporting currency per unit of {@code currency} (> 0), and an order takes the rate
 * of its currency with the latest {@code valid_from} on or before its order date. The reporting
 * currency itself needs no row (its rate is 1). Read through Hadoop's file system, so the file may
 * be on HDFS or S3; a malformed file is a {@link ConfigurationException} naming file and line.
 *
 * @param reportingCurrency the ISO code amounts are converted into, or {@code null} for none
 * @param file the rates file as configured, or {@code null}
 * @param rates the rates, by currency and then date
 */
public record ExchangeRates(String reportingCurrency, String file, List<Rate> rates)
    implements Serializable {

  /** The header a rates file starts with. */
  public static final String HEADER = "currency,rate,valid_from";

  /** Rates are kept to this many decimal places ({@link Money#RATE}). */
  private static final int RATE_SCALE = Money.RATE.scale();

  private static final String KEY = "segmentation.money.rates";

  /** One rate: valid from its date until the next date of the same currency. */
  public record Rate(String currency, BigDecimal rate, LocalDate validFrom)
      implements Serializable {}

  public ExchangeRates {
    rates =
        rates.stream()
            .sorted(Comparator.comparing(Rate::currency).thenComparing(Rate::validFrom))
            .toList();
  }

  /** No reporting currency: amounts stay as they are. */
  public static ExchangeRates none() {
    return new ExchangeRates(null, null, List.of());
  }

  /** Whether amounts are converted into a reporting currency. */
  public boolean converts() {
    return reportingCurrency != null;
  }

  /** The settings' reporting currency and rates, the file read with {@code conf}. */
  public static ExchangeRates load(MoneySettings money, Configuration conf) {
    if (money.currency() == null) {
      return none();
    }
    if (money.rates() == null) {
      return new ExchangeRates(money.currency(), null, List.of());
    }
    Path path = new Path(money.rates());
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(path.getFileSystem(conf).open(path), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new ConfigurationException(
          KEY + ": cannot read " + money.rates() + ": " + e.getMessage());
    }
    return parse(money.currency(), money.rates(), lines);
  }

  /**
   * Checks the settings' rates file before any Spark work, when it is a local file (a file on
   * another file system is read, and checked, with Spark's Hadoop configuration by the ingest).
   */
  public static void check(MoneySettings money) {
    if (money.rates() != null) {
      String scheme = new Path(money.rates()).toUri().getScheme();
      if (scheme == null || "file".equals(scheme)) {
        load(money, new Configuration());
      }
    }
  }

  /** Parses the lines of a rates file; {@code file} names it in messages. */
  static ExchangeRates parse(String reportingCurrency, String file, List<String> lines) {
    String header = lines.isEmpty() ? "" : lines.get(0).replace("\uFEFF", "");
    if (!HEADER.equals(header.replace(" ", "").toLowerCase(Locale.ROOT))) {
      throw problem(file, 1, "the header must be " + HEADER + ", got '" + header + "'");
    }
    List<Rate> rates = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      int n = i + 1;
      Rate rate = rate(line, file, n);
      Integer before = seen.put(rate.currency() + " " + rate.validFrom(), n);
      if (before != null) {
        throw problem(
            file,
            n,
            "a second rate for "
                + rate.currency()
                + " valid from "
                + rate.validFrom()
                + " (the first is on line "
                + before
                + ")");
      }
      if (rate.currency().equals(reportingCurrency) && rate.rate().compareTo(BigDecimal.ONE) != 0) {
        throw problem(
            file,
            n,
            rate.currency() + " is the reporting currency: its rate is 1, got " + rate.rate());
      }
      rates.add(rate);
    }
    return new ExchangeRates(reportingCurrency, file, rates);
  }

  private static Rate rate(String line, String file, int n) {
    String[] f = line.split(",", -1);
    if (f.length != 3) {
      throw problem(file, n, "expected 3 fields (" + HEADER + "), found " + f.length);
    }
    String currency = f[0].trim().toUpperCase(Locale.ROOT);
    if (!currency.matches("[A-Z]{3}") || !MoneySettings.known(currency)) {
      throw problem(file, n, "'" + f[0].trim() + "' is not an ISO 4217 currency code");
    }
    BigDecimal rate;
    try {
      rate = new BigDecimal(f[1].trim()).setScale(RATE_SCALE, RoundingMode.HALF_EVEN);
    } catch (NumberFormatException e) {
      throw problem(file, n, "rate '" + f[1].trim() + "' is not a number");
    }
    if (rate.signum() <= 0 || rate.precision() > Money.RATE.precision()) {
      throw problem(
          file,
          n,
          "rate '" + f[1].trim() + "' must be above 0 and below 1,000,000 (units per unit)");
    }
    try {
      return new Rate(currency, rate, LocalDate.parse(f[2].trim()));
    } catch (DateTimeParseException e) {
      throw problem(file, n, "valid_from '" + f[2].trim() + "' is not an ISO date (yyyy-MM-dd)");
    }
  }

  private static ConfigurationException problem(String file, int line, String what) {
    return new ConfigurationException(KEY + ": " + file + " line " + line + ": " + what);
  }

  /**
   * What the rates contribute to the state fingerprint: the reporting currency and every rate, in a
   * canonical form (so a changed rate recomputes from all history, a reformatted file does not);
   * empty without a reporting currency.
   */
  public String fingerprint() {
    if (!converts()) {
      return "";
    }
    return reportingCurrency
        + rates.stream()
            .map(r -> ";" + r.currency() + " " + r.validFrom() + " " + r.rate().toPlainString())
            .collect(Collectors.joining());
  }

  /** Columns of {@link #table}. */
  static final String CURRENCY = "_rate_currency";

  static final String FROM = "_rate_from";
  static final String UNTIL = "_rate_until";
  static final String RATE = "_rate_value";

  /**
   * The rates as a small table: currency, valid from (inclusive), valid until (exclusive; null for
   * the latest) and rate.
   */
  Dataset<Row> table(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < rates.size(); i++) {
      Rate r = rates.get(i);
      Rate next = i + 1 < rates.size() ? rates.get(i + 1) : null;
      LocalDate until =
          next != null && next.currency().equals(r.currency()) ? next.validFrom() : null;
      rows.add(
          RowFactory.create(
              r.currency(),
              java.sql.Date.valueOf(r.validFrom()),
              until == null ? null : java.sql.Date.valueOf(until),
              r.rate()));
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add(CURRENCY, DataTypes.StringType, false)
            .add(FROM, DataTypes.DateType, false)
            .add(UNTIL, DataTypes.DateType, true)
            .add(RATE, Money.RATE, false));
  }
}
