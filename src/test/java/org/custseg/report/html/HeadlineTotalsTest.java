package org.custseg.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The first cards of an incremental run: the totals of the runs its state stands on, with this
 * run's counts beside them (a night without new rows is not "0 input rows").
 */
class HeadlineTotalsTest {

  @Test
  void aFullRunShowsItsOwnCounts() {
    String html = HtmlReportRenderer.render(ReportFixtures.full(), Locale.ENGLISH);

    assertThat(html).contains(">Input rows<").contains(">541,909<").doesNotContain("this run:");
  }

  @Test
  void anIncrementalRunShowsTheTotalsWithItsOwnCountsBeside() {
    ReportModel model =
        ReportFixtures.full()
            .withHeadline(
                new ReportModel.Headline(
                        ReportFixtures.RUN_DATE,
                        4_372,
                        3_921,
                        java.math.BigDecimal.TEN,
                        0.2,
                        0L,
                        0L)
                    .withTotals(541_909L, 136_534L));

    String html = HtmlReportRenderer.render(model, Locale.ENGLISH);

    assertThat(html)
        .contains(">Input rows, all runs</div><div class=\"value\">541,909</div>")
        .contains("<div class=\"detail\">this run: 0</div>")
        .contains(">Quarantined rows, all runs</div><div class=\"value\">136,534</div>")
        .contains("25.2% of input rows; this run: 0");
  }
}
