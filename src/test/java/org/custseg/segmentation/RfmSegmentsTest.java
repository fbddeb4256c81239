package org.custseg.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;

/** The RFM code and named segment through the bundled table (conf/application.yml). */
class RfmSegmentsTest extends SparkTestBase {

  private static final StructType SCORED =
      StructType.fromDDL(
          "customer_id STRING, r_score INT, f_score INT, m_score INT, monetary_total DOUBLE");

  @Test
  void codeIsRfmAsAThreeDigitNumberAndNamesTheSegment() {
    Dataset<Row> scored =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("a", 5, 5, 5, 900.0),
                    RowFactory.create("b", 5, 4, 3, 300.0),
                    RowFactory.create("c", 4, 2, 1, 20.0),
                    RowFactory.create("d", 3, 3, 3, 100.0),
                    RowFactory.create("e", 2, 1, 4, 250.0),
                    RowFactory.create("f", 1, 5, 5, 800.0),
                    RowFactory.create("g", 1, 1, 1, 5.0)),
                SCORED);

    Dataset<Row> named = RfmSegments.apply(scored, TestSettings.segmentTable());

    // Codes looked up by hand in segmentation.rfm.segments of conf/application.yml.
    assertThat(
            named
                .orderBy(Columns.CUSTOMER_ID)
                .select(Columns.CUSTOMER_ID, Columns.RFM_CODE, Columns.RFM_SEGMENT)
                .collectAsList())
        .extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2))
        .containsExactly(
            tuple("a", 555, "champions"),
            tuple("b", 543, "loyal"),
            tuple("c", 421, "new_customers"),
            tuple("d", 333, "potential_loyalist"),
            tuple("e", 214, "cant_lose_them"),
            tuple("f", 155, "cant_lose_them"),
            tuple("g", 111, "lost"));
    assertThat(named.schema().apply(Columns.RFM_CODE).dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(named.columns())
        .as("the input columns are kept, the two new ones appended")
        .containsExactly(
            Columns.CUSTOMER_ID,
            Columns.R_SCORE,
            Columns.F_SCORE,
            Columns.M_SCORE,
            Columns.MONETARY_TOTAL,
            Columns.RFM_CODE,
            Columns.RFM_SEGMENT);
  }
}
