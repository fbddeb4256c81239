package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.schema.Columns;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;

/** The cube: one aggregation of the customer table, rolled up on the driver. */
class SegmentCubeTest extends SparkTestBase {

  private static Dataset<Row> customers() {
    return CustomerRows.table()
        .add("c1", "vip", "star", "loyal", 5, 4, "stability", 0, 100, 80, 60)
        .add("c2", "vip", "star", "loyal", 5, 4, "stability", 0, 50, 40, 30)
        .add("c3", "small", "dog", "lost", 1, 1, "decline", 1, 10, 0, 5)
        .build();
  }

  @Test
  void customersSharingTheSixKeysAreOneCellWithTheirSums() {
    SegmentCube cube = SegmentCube.of(customers());

    assertThat(cube.cells()).hasSize(2);
    assertThat(cube.hasClv()).isTrue();
    SegmentCube.Totals all = cube.total();
    assertThat(all.customers()).isEqualTo(3);
    assertThat(all.monetary()).isEqualByComparingTo("160");
    assertThat(all.trailing()).isEqualByComparingTo("120");
    assertThat(all.clv()).isEqualByComparingTo("95");
    assertThat(all.recencyDays()).isEqualTo(50 + 50 + 10);
    assertThat(all.frequency()).isEqualTo(4 + 4 + 1);
    assertThat(all.minTrailing()).isEqualByComparingTo("0");
    assertThat(all.maxTrailing()).isEqualByComparingTo("80");
    assertThat(all.mean(all.frequency())).isEqualTo(3.0);
    assertThat(all.meanMoney(all.monetary())).isEqualByComparingTo("53.3333");
  }

  @Test
  void rollUpsKeepTheGivenOrderWithEmptyGroupsThenAnyOtherKey() {
    SegmentCube cube = SegmentCube.of(customers());

    Map<String, SegmentCube.Totals> tiers = cube.by(SegmentCube.Cell::tier, List.of("vip", "key"));

    assertThat(tiers.keySet()).containsExactly("vip", "key", "small");
    assertThat(tiers.get("vip").customers()).isEqualTo(2);
    assertThat(tiers.get("key").customers()).isZero();
    assertThat(tiers.get("key").mean(0)).isNull();
    assertThat(cube.by(SegmentCube.Cell::stage, List.of()).keySet())
        .containsExactly("decline", "stability");
  }

  @Test
  void aTableWithoutClvOrStagesStillRollsUp() {
    SegmentCube cube = SegmentCube.of(customers().drop(Columns.CLV).drop(Columns.LIFECYCLE_STAGE));

    assertThat(cube.hasClv()).isFalse();
    assertThat(cube.total().clv()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(cube.cells()).allSatisfy(c -> assertThat(c.stage()).isNull());
  }
}
