package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.custseg.schema.Columns;
import org.custseg.segmentation.RelationshipLevels;
import org.custseg.segmentation.RelationshipLevels.Recommendation;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * The cube's cells rolled up per tier and per quadrant, each against the whole cube, with the
 * bundled relationship rules (many >= 0.30, medium >= 0.05; high index >= 1.5, medium >= 0.75).
 */
class SegmentRecommendationsTest {

  private static final RelationshipLevels LEVELS =
      new RelationshipLevels(TestSettings.defaults().relationship());

  private static SegmentCube.Cell cell(
      String tier, String quadrant, long customers, String trailing) {
    BigDecimal t = new BigDecimal(trailing);
    return new SegmentCube.Cell(
        tier, quadrant, "lost", 1, 1, null, customers, t, t, BigDecimal.ZERO, 0, 0, t, t);
  }

  @Test
  void tiersAndQuadrantsAgainstTheWholeTable() {
    // 20 customers, trailing 1780: overall mean 89.
    List<SegmentCube.Cell> cells =
        List.of(
            cell("vip", "star", 2, "1000.00"),
            cell("small", "dog", 10, "300.00"),
            cell("small", "cash_cow", 6, "480.00"),
            cell("inactive", "inactive", 2, "0.00"));

    Map<String, Map<String, Recommendation>> r =
        SegmentRecommendations.of(SegmentCube.of(cells, false), LEVELS);

    assertThat(r).containsOnlyKeys(Columns.PYRAMID_TIER, Columns.PORTFOLIO_QUADRANT);
    // vip: share 0.1 (medium), mean 500 / 89 = 5.62 (high); small: 16 of 20 (many), mean
    // 780 / 16 = 48.75, index 0.55 (low); empty tiers: few and low.
    assertThat(r.get(Columns.PYRAMID_TIER).values())
        .extracting(
            Recommendation::segment,
            Recommendation::customers,
            Recommendation::sizeBand,
            Recommendation::marginBand,
            Recommendation::level,
            Recommendation::depth)
        .containsExactly(
            tuple("vip", 2L, "medium", "high", "proactive", "structural"),
            tuple("key", 0L, "few", "low", "accountable", "social"),
            tuple("medium", 0L, "few", "low", "accountable", "social"),
            tuple("small", 16L, "many", "low", "basic", "financial"),
            tuple("inactive", 2L, "medium", "low", "reactive", "financial"));
    Recommendation small = r.get(Columns.PYRAMID_TIER).get("small");
    assertThat(small.share()).isCloseTo(0.8, within(1e-12));
    assertThat(small.marginIndex()).isCloseTo(48.75 / 89, within(1e-12));
    // cash_cow: 6 of 20 = 0.30 (many, at the threshold), mean 80 / 89 = 0.90 (medium).
    assertThat(r.get(Columns.PORTFOLIO_QUADRANT).values())
        .extracting(Recommendation::segment, Recommendation::level, Recommendation::depth)
        .containsExactly(
            tuple("star", "proactive", "structural"),
            tuple("question_mark", "accountable", "social"),
            tuple("cash_cow", "reactive", "social"),
            tuple("dog", "basic", "financial"),
            tuple("inactive", "reactive", "financial"));
  }

  @Test
  void segmentsOutsideTheOrderComeAfterItSorted() {
    SegmentCube cube =
        SegmentCube.of(
            List.of(cell("zeta", "star", 1, "30.00"), cell("alpha", "star", 3, "30.00")), false);

    Map<String, Recommendation> byTier =
        SegmentRecommendations.of(cube, LEVELS, SegmentCube.Cell::tier, List.of("vip", "key"));

    // 4 customers, trailing 60: overall mean 15; zeta 30 / 15 = 2, alpha 10 / 15.
    assertThat(byTier.keySet()).containsExactly("vip", "key", "alpha", "zeta");
    assertThat(byTier.get("vip").customers()).isZero();
    assertThat(byTier.get("alpha").share()).isCloseTo(0.75, within(1e-12));
    assertThat(byTier.get("zeta").marginIndex()).isCloseTo(2.0, within(1e-12));
    assertThat(byTier.get("alpha").marginIndex()).isCloseTo(10.0 / 15, within(1e-12));
  }
}
