package org.custseg.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custseg.ingest.IngestCounts;
import org.junit.jupiter.api.Test;

/** The history totals add up run by run and start over with a full run. */
class IngestHistoryTest {

  private static final LocalDate D1 = LocalDate.of(2025, 3, 1);

  /** Counts of one run (read the way the job reads them back from its execution context). */
  static IngestCounts counts(
      long clean, long quarantined, long duplicates, long later, long refunds, String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("inputRows", clean + quarantined + duplicates + later);
    m.put("cleanRows", clean);
    m.put("quarantinedRows", quarantined);
    m.put("duplicateRows", duplicates);
    m.put("laterRows", later);
    m.put("refundRows", refunds);
    m.put("quarantinedByReason", quarantined == 0 ? Map.of() : Map.of(reason, quarantined));
    m.put("files", Map.of());
    m.put("encodingErrorFiles", List.of());
    return new ObjectMapper().convertValue(m, IngestCounts.class);
  }

  private static StateMeta base(IngestHistory history) {
    return new StateMeta(
        D1.toString(),
        "full",
        null,
        "f",
        StateMeta.FORMAT_VERSION,
        Map.of(),
        List.of(),
        history,
        "EUR");
  }

  @Test
  void aFullRunsHistoryIsItsOwnCounts() {
    IngestHistory h = IngestHistory.after(null, counts(90, 6, 3, 1, 4, "bad_amount"), D1);

    assertThat(h)
        .isEqualTo(
            new IngestHistory(1, "2025-03-01", 100, 90, 6, Map.of("bad_amount", 6L), 3, 1, 4));
  }

  @Test
  void anIncrementalRunAddsItsCountsToItsBaseStatesHistory() {
    IngestHistory first = IngestHistory.of(counts(90, 6, 3, 1, 4, "bad_amount"), D1);

    IngestHistory second =
        IngestHistory.after(base(first), counts(8, 2, 1, 0, 1, "missing_customer_id"), D1);
    IngestHistory third = IngestHistory.after(base(second), counts(0, 0, 0, 0, 0, ""), D1);

    assertThat(second)
        .isEqualTo(
            new IngestHistory(
                2,
                "2025-03-01",
                111,
                98,
                8,
                Map.of("bad_amount", 6L, "missing_customer_id", 2L),
                4,
                1,
                5));
    // A night without new rows: one run more, the same totals (not "nothing processed").
    assertThat(third.runs()).isEqualTo(3);
    assertThat(third.inputRows()).isEqualTo(111);
    assertThat(third.inputRows())
        .isEqualTo(
            third.cleanRows()
                + third.quarantinedRows()
                + third.duplicateRows()
                + third.laterRows());
  }

  @Test
  void aBaseStateWithoutHistoryStartsTheTotalsAtThisRun() {
    LocalDate d2 = D1.plusDays(1);

    IngestHistory h = IngestHistory.after(base(null), counts(5, 0, 0, 0, 0, ""), d2);

    assertThat(h.runs()).isEqualTo(1);
    assertThat(h.since()).isEqualTo("2025-03-02");
    assertThat(h.inputRows()).isEqualTo(5);
  }
}
