package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custseg.report.DataDictionary;
import org.custseg.report.ReportTable;
import org.custseg.report.html.ReportLabels;
import org.custseg.report.html.Units;
import org.custseg.state.IngestHistory;
import org.junit.jupiter.api.Test;

/** Why a run has no customer, in words, and the header-only summaries of such a run. */
class EmptyResultTest {

  private static final LocalDate D = LocalDate.of(2025, 12, 27);

  private static IngestHistory rows(
      int runs, long clean, long quarantined, long duplicates, long later, long refunds) {
    return new IngestHistory(
        runs,
        "2025-12-20",
        clean + quarantined + duplicates + later,
        clean,
        quarantined,
        quarantined == 0 ? Map.of() : Map.of("bad_amount", quarantined),
        duplicates,
        later,
        refunds);
  }

  @Test
  void fiftyRefunds() {
    assertThat(EmptyResult.reason(D, rows(1, 50, 0, 0, 0, 50)))
        .isEqualTo(
            "no customer with a purchase up to 2025-12-27: the 50 clean rows are all refunds");
    assertThat(EmptyResult.reason(D, rows(1, 1, 0, 0, 0, 1)))
        .isEqualTo("no customer with a purchase up to 2025-12-27: the one clean row is a refund");
  }

  @Test
  void noCleanRow() {
    assertThat(EmptyResult.reason(D, rows(1, 0, 2, 1, 7, 0)))
        .isEqualTo(
            "no customer with a purchase up to 2025-12-27: none of the 10 input rows is clean "
                + "(2 quarantined, 1 duplicate, 7 dated after the run date)");
  }

  @Test
  void twoDuplicatesArePlural() {
    assertThat(EmptyResult.reason(D, rows(1, 0, 0, 2, 0, 0)))
        .contains("(0 quarantined, 2 duplicates,");
  }

  @Test
  void theReportSaysItInItsLanguage() {
    ReportLabels zh = ReportLabels.forLanguageTag("zh-CN");

    assertThat(EmptyResult.reason(D, rows(1, 50, 0, 0, 0, 50), zh))
        .isEqualTo("截至 2025-12-27 没有有购买记录的客户：50 个有效行全部是退款");
    assertThat(EmptyResult.reason(D, rows(3, 12, 0, 0, 0, 12), zh))
        .isEqualTo("截至 2025-12-27 没有有购买记录的客户：12 个有效行（2025-12-20 以来的 3 次运行）全部是退款");
    assertThat(EmptyResult.reason(D, rows(1, 0, 2, 1, 7, 0), zh))
        .doesNotContainPattern("[A-Za-z]{2,}");
  }

  @Test
  void noDataRowAtAll() {
    assertThat(EmptyResult.reason(D, rows(1, 0, 0, 0, 0, 0)))
        .isEqualTo("no customer with a purchase up to 2025-12-27: the input holds no data row");
  }

  @Test
  void ordersThatNetToZeroOrBelow() {
    // Purchases cancelled by larger refunds: no order is a purchase.
    assertThat(EmptyResult.reason(D, rows(1, 6, 0, 0, 0, 3)))
        .isEqualTo(
            "no customer with a purchase up to 2025-12-27: no order of the 6 clean rows (3 of "
                + "them refunds) has a positive net amount");
  }

  @Test
  void anIncrementalRunExplainsWithTheTotalsOfItsHistory() {
    assertThat(EmptyResult.reason(D, rows(3, 12, 0, 0, 0, 12)))
        .isEqualTo(
            "no customer with a purchase up to 2025-12-27: the 12 clean rows over the 3 runs "
                + "since 2025-12-20 are all refunds");
  }

  private static final Units UNITS = new Units("EUR", 365, 12, 30.4375, 365);

  @Test
  void theSummariesOfARunWithoutCustomersHaveTheirHeaderOnly() {
    ReportTable tiers =
        new ReportTable(
            "pyramid_summary.csv",
            "tiers",
            DataDictionary.table(UNITS).columns().subList(0, 2),
            List.of(List.of("vip", "0"), List.of("key", "0")));

    assertThat(EmptyResult.summary(tiers, 0).rows()).isEmpty();
    assertThat(EmptyResult.summary(tiers, 0).columns()).isEqualTo(tiers.columns());
    assertThat(EmptyResult.summary(tiers, 5)).isSameAs(tiers);
    assertThat(EmptyResult.summary(DataDictionary.table(UNITS), 0).rows()).isNotEmpty();
  }
}
