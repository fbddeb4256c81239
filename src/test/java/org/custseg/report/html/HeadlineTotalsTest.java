package org.custseg.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The first cards of an incremental run: the totals of the runs its state stands on, with this
 * run's counts beside them (a night without new rows is not "0 input rows"); and the line that says
 * why a run has no customer.
 */
class HeadlineTotalsTest {

  @Test
  void aFullRunShowsItsOwnCounts() {
    String html = HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH);

    assertThat(html)
        .contains(">Input rows<")
        .contains(">541,909<")
        .doesNotContain("all runs")
        .doesNotContain("id=\"no-customers\"");
  }

  @Test
  void anIncrementalRunShowsTheTotalsWithItsOwnCountsBeside() {
    Headline h =
        new Headline(
                ReportFixtures.RUN_DATE,
                4_372,
                3_921,
                java.math.BigDecimal.TEN,
                java.math.BigDecimal.ONE,
                null,
                0L,
                0L)
            .withTotals(new Headline.RunTotals(31, 541_909L, 136_534L));
    ReportModel model = ReportModel.builder(h, ReportFixtures.EUR).build();

    String html = HtmlReportRenderer.render(model, Locale.ENGLISH);

    assertThat(html)
        .contains(">Input rows, all runs</div><div class=\"value\">541,909</div>")
        .contains("export rows read by the 31 runs this state stands on; this run: 0")
        .contains(">Quarantined rows, all runs</div><div class=\"value\">136,534</div>")
        .contains("25.2% of the input rows of all runs; this run: 0");
  }

  @Test
  void aRunWithoutCustomersSaysWhy() {
    Headline h =
        new Headline(
                ReportFixtures.RUN_DATE,
                0,
                0,
                java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO,
                null,
                50L,
                0L)
            .withNoCustomersReason("the 50 clean rows are all refunds");

    String html =
        HtmlReportRenderer.render(
            ReportModel.builder(h, ReportFixtures.EUR).build(), Locale.ENGLISH);

    assertThat(html)
        .contains("id=\"no-customers\">No customers: the 50 clean rows are all refunds</p>");
  }
}
