package org.custseg.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.custseg.config.InputSettings;
import org.custseg.config.QualitySettings;
import org.custseg.schema.Columns;
import org.custseg.schema.RowStatus;

/** The default run date: the latest date present in the input. */
public final class InputDates {

  private InputDates() {}

  /**
   * The latest date in the export file names when every file carries one; otherwise the latest
   * order date among the usable rows (one pass over the input).
   */
  public static LocalDate latest(
      SparkSession spark,
      List<String> files,
      InputSettings input,
      QualitySettings quality,
      Clock clock) {
    Optional<LocalDate> fromNames = ExportFiles.latestDateInNames(files);
    if (fromNames.isPresent()) {
      return fromNames.get();
    }
    ValidationRules rules =
        ValidationRules.of(input, quality, LocalDate.of(9999, 12, 31), LocalDate.now(clock));
    Row r =
        TransactionClassifier.classify(ExportReader.read(spark, files, ReadSpec.from(input)), rules)
            .where(col(Columns.STATUS).equalTo(RowStatus.CLEAN.code()))
            .agg(max(col(Columns.ORDER_DATE)))
            .first();
    if (r.isNullAt(0)) {
      throw new InputNotFoundException(
          "the input holds no usable row to take a run date from; " + "give --run-date");
    }
    return r.getDate(0).toLocalDate();
  }
}
