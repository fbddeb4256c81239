package org.custseg.job;

import java.time.LocalDate;
import org.custseg.report.html.Headline;
import org.custseg.report.html.ReportLabels;
import org.custseg.report.html.ReportModel;
import org.custseg.segmentation.SegmentationFacts;
import org.custseg.state.IngestHistory;

/**
 * What the job adds to the report's headline: the totals of the runs an incremental run stands on
 * (a night that read few rows did not process few), and why a run has no customer.
 */
final class RunHeadline {

  private RunHeadline() {}

  static void complete(
      ReportModel.Builder model,
      IngestHistory history,
      SegmentationFacts facts,
      LocalDate runDate,
      ReportLabels words) {
    Headline h = model.headline();
    if (history.runs() > 1) {
      h =
          h.withTotals(
              new Headline.RunTotals(
                  history.runs(), history.inputRows(), history.quarantinedRows()));
    }
    if (facts.customers() == 0) {
      h = h.withNoCustomersReason(EmptyResult.reason(runDate, history, words));
    }
    model.headline(h);
  }
}
