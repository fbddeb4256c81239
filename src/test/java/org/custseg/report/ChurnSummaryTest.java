package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custseg.report.html.Churn;
import org.custseg.report.html.Units;
import org.junit.jupiter.api.Test;

/**
 * Churn from hand-made flows: three vip customers of whom one went inactive, six small customers of
 * whom one left the table, over 31 days (lost per year = M x 365.25 / 31, T = N / lost per year);
 * and the same flows over one night, which is not annualised.
 */
class ChurnSummaryTest {

  private static final Units EUR = new Units("EUR", 365, 12, 30.4375, 365);
  private static final LocalDate PREVIOUS = LocalDate.of(2025, 11, 30);

  private static MigrationReports.Flow flow(
      String fromTier, String toTier, String fromQ, String toQ, long n, String lostValue) {
    return new MigrationReports.Flow(
        fromTier,
        toTier,
        fromQ,
        toQ,
        "formation",
        "formation",
        n,
        BigDecimal.TEN,
        BigDecimal.ONE,
        new BigDecimal(lostValue));
  }

  private static MigrationReports.Flows flows(LocalDate runDate) {
    return new MigrationReports.Flows(
        PREVIOUS,
        runDate,
        "clv",
        List.of(
            flow("vip", "vip", "star", "star", 2, "100"),
            flow("vip", "inactive", "star", "inactive", 1, "40"),
            flow("small", "small", "dog", "dog", 5, "10"),
            flow("small", "lost", "dog", "lost", 1, "7"),
            flow("inactive", "inactive", "dog", "dog", 3, "0"),
            flow("new", "small", "new", "dog", 2, "0")));
  }

  private static Map<String, Map<String, Object>> rows(ReportTable t) {
    return TableRows.byKey(t, 2);
  }

  @Test
  void lostCustomersRetentionAndExpectedLifePerGroup() {
    Map<String, Map<String, Object>> rows =
        rows(ChurnSummary.table(flows(LocalDate.of(2025, 12, 31)), EUR, 28));

    Map<String, Object> vip = rows.get("pyramid_tier:vip");
    assertThat(vip.get("customers_previous")).isEqualTo(3L);
    assertThat(vip.get("customers_lost")).isEqualTo(1L);
    assertThat((Double) vip.get("retention_rate")).isEqualTo(2.0 / 3);
    assertThat((Double) vip.get("churn_rate")).isEqualTo(1.0 / 3);
    double perYear = 365.25 / 31; // 11.782258...
    assertThat((Double) vip.get("lost_per_year")).isEqualTo(perYear);
    assertThat((Double) vip.get("expected_life_years")).isEqualTo(3 / perYear); // 0.254620 years
    assertThat((BigDecimal) vip.get("value_lost")).isEqualByComparingTo("40");
    assertThat(vip.get("window_days")).isEqualTo(31L);
    assertThat(vip.get("annualised")).isEqualTo(true);
    assertThat(vip.get("expected_life_note")).isNull();
    assertThat(vip.get("value_lost_measure")).isEqualTo("CLV, next 12 months (discounted)");

    Map<String, Object> small = rows.get("pyramid_tier:small");
    assertThat(small.get("customers_previous")).isEqualTo(6L);
    assertThat((BigDecimal) small.get("value_lost")).isEqualByComparingTo("7");
    Map<String, Object> key = rows.get("pyramid_tier:key");
    assertThat(key.get("customers_previous")).isEqualTo(0L);
    assertThat(key.get("retention_rate")).isNull();
    assertThat(key.get("expected_life_years")).isNull();
    assertThat(rows.get("portfolio_quadrant:star").get("customers_lost")).isEqualTo(1L);
    Map<String, Object> all = rows.get("all:all_active");
    assertThat(all.get("customers_previous")).isEqualTo(9L);
    assertThat(all.get("customers_lost")).isEqualTo(2L);
    assertThat((BigDecimal) all.get("value_lost")).isEqualByComparingTo("47");
    assertThat(rows).doesNotContainKey("pyramid_tier:inactive");
  }

  @Test
  void aWindowShorterThanTheMinimumIsNotAnnualisedButKeepsItsCounts() {
    MigrationReports.Flows oneNight = flows(PREVIOUS.plusDays(1));

    Map<String, Object> vip = rows(ChurnSummary.table(oneNight, EUR, 28)).get("pyramid_tier:vip");

    assertThat(vip.get("window_days")).isEqualTo(1L);
    assertThat(vip.get("annualised")).isEqualTo(false);
    assertThat(vip.get("lost_per_year")).isNull();
    assertThat(vip.get("expected_life_years")).isNull();
    assertThat(vip.get("expected_life_note"))
        .isEqualTo("not annualised: window of 1 day(s) is too short");
    assertThat(vip.get("customers_lost")).isEqualTo(1L);
    assertThat((Double) vip.get("retention_rate")).isEqualTo(2.0 / 3);

    Churn html = ChurnSummary.html(oneNight, 28);
    assertThat(html.annualised()).isFalse();
    assertThat(html.windowDays()).isEqualTo(1);
    assertThat(html.rows()).hasSize(rows(ChurnSummary.table(oneNight, EUR, 28)).size());
    assertThat(ChurnSummary.html(oneNight, 1).annualised()).isTrue();
  }
}
