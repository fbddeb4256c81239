package org.custseg.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/** Duplicate detection across runs, on a handful of classified rows. */
class KnownRowsTest extends SparkTestBase {

  private static final LocalDate STATE_DATE = LocalDate.of(2025, 3, 1);

  /** The columns KnownRows reads, plus the line number to tell rows apart. */
  private static final StructType SCHEMA =
      new StructType()
          .add(Columns.LINE_NUMBER, DataTypes.LongType)
          .add(Columns.ORDER_DATE, DataTypes.DateType)
          .add(Columns.REASON, DataTypes.StringType)
          .add(Columns.ROW_KEY1, DataTypes.LongType)
          .add(Columns.ROW_KEY2, DataTypes.LongType)
          .add(Columns.STATUS, DataTypes.StringType);

  private static Row row(long line, String date, String status, String reason, long k1, long k2) {
    return RowFactory.create(line, Date.valueOf(date), reason, k1, k2, status);
  }

  /** The new files of a night: old and new dates, every status. */
  private static Dataset<Row> night() {
    return spark()
        .createDataFrame(
            List.of(
                row(1, "2025-02-27", "clean", null, 10, 1), // re-sent: known
                row(2, "2025-03-01", "clean", null, 11, 1), // late: on the state's date, unknown
                row(3, "2025-03-02", "clean", null, 12, 1), // new
                row(4, "2025-03-02", "clean", null, 13, 1), // equal to a pending row: known
                row(5, "2025-02-20", "quarantined", "missing_customer_id", 14, 1),
                row(6, "2025-02-20", "duplicate", "duplicate", 10, 1),
                row(7, "2025-03-09", "later", null, 15, 1)),
            SCHEMA);
  }

  private static Dataset<Row> keys(long... k1) {
    StructType s =
        new StructType()
            .add(Columns.ROW_KEY1, DataTypes.LongType)
            .add(Columns.ROW_KEY2, DataTypes.LongType);
    return spark()
        .createDataFrame(
            java.util.Arrays.stream(k1).mapToObj(k -> RowFactory.create(k, 1L)).toList(), s);
  }

  private static List<Long> lines(Dataset<Row> rows) {
    return rows.orderBy(Columns.LINE_NUMBER)
        .select(Columns.LINE_NUMBER)
        .as(org.apache.spark.sql.Encoders.LONG())
        .collectAsList();
  }

  @Test
  void onlyValidRowsDatedOnOrBeforeTheStateDateAreChecked() {
    // Quarantined and duplicate rows are never matched; the state's own date is included.
    assertThat(lines(KnownRows.datedOnOrBefore(night(), STATE_DATE))).containsExactly(1L, 2L);
  }

  @Test
  void foundAreTheKeysOfTheRowsThatTheStoreHolds() {
    Dataset<Row> old = KnownRows.datedOnOrBefore(night(), STATE_DATE);

    List<Row> found = KnownRows.found(old, keys(10, 10, 99)).collectAsList();

    // Once, although the store holds it twice; key 11 (line 2) is late data.
    assertThat(found).containsExactly(RowFactory.create(10L, 1L));
  }

  @Test
  void knownValidRowsBecomeDuplicatesAndNothingElseChanges() {
    Dataset<Row> marked = KnownRows.markDuplicates(night(), keys(10, 13, 14, 99));

    assertThat(marked.columns()).containsExactly(night().columns());
    List<Row> rows = marked.orderBy(Columns.LINE_NUMBER).collectAsList();
    assertThat(rows).hasSize(7);
    assertThat(rows.stream().map(r -> r.getString(5)).toList())
        .containsExactly(
            "duplicate", "clean", "clean", "duplicate", "quarantined", "duplicate", "later");
    assertThat(rows.get(0).getString(2)).isEqualTo("duplicate");
    assertThat(rows.get(3).getString(2)).isEqualTo("duplicate");
    // A quarantined row keeps its status and reason even when its key is known.
    assertThat(rows.get(4).getString(2)).isEqualTo("missing_customer_id");
  }
}
