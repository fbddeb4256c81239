package org.custseg.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.custseg.config.InputSettings;
import org.custseg.config.MoneySettings;
import org.custseg.config.QualitySettings;
import org.custseg.config.Settings;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;

/**
 * The one way into the exports, for the nightly ingest step, {@code --validate-only}, {@code
 * --evaluate} and the default run date: list the files under an input path; classify their rows for
 * a run date (read, validation rules, conversion into the reporting currency, classification, the
 * stored projection); decide the run's reporting currency; find the latest date the input holds.
 * Today's date (the export date of files whose name carries none) comes from the clock.
 */
public final class Ingest {

  /** The run date that takes every well-formed row as clean (no row is "later"). */
  private static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

  private final SparkSession spark;
  private final InputSettings input;
  private final QualitySettings quality;
  private final MoneySettings money;
  private final Clock clock;
  private ExchangeRates rates;

  public Ingest(
      SparkSession spark,
      InputSettings input,
      QualitySettings quality,
      MoneySettings money,
      Clock clock) {
    this.spark = spark;
    this.input = input;
    this.quality = quality;
    this.money = money;
    this.clock = clock;
  }

  /** The ingest that {@code settings} describe (input, quality, money). */
  public static Ingest of(SparkSession spark, Settings settings, Clock clock) {
    return new Ingest(spark, settings.input(), settings.quality(), settings.money(), clock);
  }

  public InputSettings inputSettings() {
    return input;
  }

  public QualitySettings qualitySettings() {
    return quality;
  }

  /**
   * The export files under {@code path} (a file, a directory or a glob) whose name matches
   * segmentation.input.include, and every other file under it with the reason it is not read; fails
   * when no export remains.
   */
  public ExportFiles.Listing list(String path) {
    return ExportFiles.listing(
        path, input.include(), money.rates(), spark.sparkContext().hadoopConfiguration());
  }

  /**
   * The reporting currency and the rates into it (segmentation.money), the rates file read once; a
   * malformed file is a configuration error.
   */
  public ExchangeRates rates() {
    if (rates == null) {
      rates = ExchangeRates.load(money, spark.sparkContext().hadoopConfiguration());
    }
    return rates;
  }

  /**
   * The run's reporting currency for {@code classified}: the configured one, or the one its valid
   * rows and {@code earlier} (the currency of a continued state) hold; a configuration error when
   * they hold several and none is configured.
   */
  public ReportingCurrency reportingCurrency(Dataset<Row> classified, Optional<String> earlier) {
    return ReportingCurrency.of(rates(), classified, earlier);
  }

  /**
   * Every row of {@code files} classified for {@code runDate} (clean, later, duplicate or
   * quarantined), as the ingest step stores it ({@link ClassifiedRows#SCHEMA}).
   */
  public Dataset<Row> classify(List<String> files, LocalDate runDate) {
    ValidationRules rules =
        ValidationRules.of(input, quality, rates(), runDate, LocalDate.now(clock));
    return ClassifiedRows.project(
        TransactionClassifier.classify(
            ExportReader.read(spark, files, ReadSpec.from(input)), rules));
  }

  /**
   * The latest date in the export file names when every file carries one; otherwise the latest
   * order date among the usable rows (one pass over the input).
   */
  public LocalDate latestDate(List<String> files) {
    Optional<LocalDate> fromNames = ExportFiles.latestDateInNames(files);
    if (fromNames.isPresent()) {
      return fromNames.get();
    }
    Row r =
        ClassifiedRows.withStatus(classify(files, END_OF_TIME), RowStatus.CLEAN)
            .agg(max(col(Columns.ORDER_DATE)))
            .first();
    if (r.isNullAt(0)) {
      throw new InputNotFoundException(
          "the input holds no usable row to take a run date from; give --run-date");
    }
    return r.getDate(0).toLocalDate();
  }
}
