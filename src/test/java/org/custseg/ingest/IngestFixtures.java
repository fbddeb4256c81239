package org.custseg.ingest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.custseg.config.ColumnMapping;
import org.custseg.config.InputSettings;
import org.custseg.config.MoneySettings;
import org.custseg.config.QualitySettings;
import org.custseg.support.TestSettings;

/** Builds input settings for ingest tests and runs the ingest transformations on them. */
final class IngestFixtures {

  /** Mutable settings with the defaults of conf/application.yml; {@link #build()} validates. */
  static final class InputBuilder {
    String path;
    String format = "auto";
    boolean header = true;
    String delimiter = ",";
    String escape;
    String thousands;
    String decimal = ".";
    String encoding = "UTF-8";
    List<String> timestampFormats = List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd");
    ColumnMapping columns =
        new ColumnMapping(
            "transaction_id",
            "customer_id",
            "order_ts",
            "amount",
            "currency",
            null,
            null,
            null,
            null,
            null);
    String refundIdPrefix;
    String dedupeKey = "full-row";
    Double amountOutlier;
    List<String> currencies;

    InputBuilder(String path) {
      this.path = path;
    }

    InputSettings build() {
      return new InputSettings(
          path,
          TestSettings.defaults().input().include(),
          format,
          header,
          delimiter,
          "\"",
          escape,
          thousands,
          decimal,
          encoding,
          "UTC",
          timestampFormats,
          columns,
          refundIdPrefix,
          dedupeKey,
          amountOutlier,
          currencies);
    }
  }

  private IngestFixtures() {}

  /** A directory or file under src/test/resources, as a path. */
  static Path resource(String name) {
    try {
      return Path.of(IngestFixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The listing of {@code input}: the export files and the files not read. */
  static ExportFiles.Listing listing(SparkSession spark, InputSettings input) {
    return ExportFiles.listing(
        input.path(), input.include(), spark.sparkContext().hadoopConfiguration());
  }

  /** The listed export files of {@code input}. */
  static List<String> files(SparkSession spark, InputSettings input) {
    return listing(spark, input).exports();
  }

  /** Reads and classifies every export of {@code input}, projected as the ingest step stores it. */
  static Dataset<Row> classify(
      SparkSession spark, InputSettings input, LocalDate runDate, LocalDate today) {
    return ingest(spark, input, NO_MONEY, today).classify(files(spark, input), runDate);
  }

  /** No reporting currency. */
  static final MoneySettings NO_MONEY = new MoneySettings("", "");

  /** The ingest of {@code input} with the reporting currency {@code money} on {@code today}. */
  static Ingest ingest(
      SparkSession spark, InputSettings input, MoneySettings money, LocalDate today) {
    ZoneId zone = ZoneId.systemDefault();
    Clock clock = Clock.fixed(today.atStartOfDay(zone).toInstant(), zone);
    return new Ingest(spark, input, quality(), money, clock);
  }

  /** The reconciliation of {@code input}, listing every export file. */
  static IngestCounts counts(
      SparkSession spark, InputSettings input, LocalDate runDate, LocalDate today) {
    return IngestCounts.of(classify(spark, input, runDate, today)).withFiles(files(spark, input));
  }

  static QualitySettings quality() {
    return new QualitySettings(0.05, 1, false, LocalDate.of(1970, 1, 1));
  }
}
