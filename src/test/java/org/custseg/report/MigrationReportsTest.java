package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.custseg.report.html.FlowMatrix;
import org.custseg.report.html.Units;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Movement between two tiny runs: c1 vip to key, c2 small to inactive, c3 gone from the table, c4
 * new; one aggregate gives the tier, quadrant and lifecycle matrices.
 */
class MigrationReportsTest extends SparkTestBase {

  private static final Units EUR = new Units("EUR", 365, 12, 30.4375, 365);
  private static final LocalDate BEFORE = LocalDate.of(2025, 11, 30);
  private static final LocalDate NOW = LocalDate.of(2025, 12, 31);

  private static MigrationReports.Flows flows() {
    return MigrationReports.flows(
        CustomerRows.table()
            .add("c1", "vip", "star", "loyal", 5, 5, "stability", 0, 900, 800, 500)
            .add("c2", "small", "dog", "lost", 2, 1, "decline", 0, 90, 30, 10)
            .add("c3", "small", "dog", "lost", 3, 1, "formation", 0, 50, 20, 8)
            .build(),
        BEFORE,
        CustomerRows.table()
            .add("c1", "key", "star", "loyal", 5, 5, "stability", 0, 950, 700, 400)
            .add("c2", "inactive", "dog", "lost", 1, 1, "decline", 0, 90, 0, 1)
            .add("c4", "small", "question_mark", "new_customers", 5, 1, "exploration", 0, 20, 20, 9)
            .build(),
        NOW);
  }

  private static Map<String, Object[]> cells(ReportTable t) {
    Map<String, Object[]> out = new HashMap<>();
    for (List<Object> row : t.rows()) {
      out.put(row.get(2) + ">" + row.get(3), row.toArray());
    }
    return out;
  }

  @Test
  void theTierMatrixIsDenseAndReconcilesWithBothRuns() {
    MigrationReports.Flows f = flows();
    ReportTable tiers = MigrationReports.tierMatrix(f, EUR);

    // rows new + five tiers, columns five tiers + lost
    assertThat(tiers.rows()).hasSize(6 * 6);
    Map<String, Object[]> cells = cells(tiers);
    assertThat(cells.get("vip>key")[4]).isEqualTo(1L);
    assertThat(cells.get("small>inactive")[4]).isEqualTo(1L);
    assertThat(cells.get("small>lost")[4]).isEqualTo(1L);
    assertThat(cells.get("new>small")[4]).isEqualTo(1L);
    assertThat(cells.get("vip>vip")[4]).isEqualTo(0L);
    assertThat((Double) cells.get("small>lost")[5]).isEqualTo(0.5);
    assertThat(cells.get("vip>key")[6].toString()).isEqualTo("800.0000");
    assertThat(cells.get("vip>key")[8]).isEqualTo("Net spend, trailing 365 days");
    assertThat(cells.get("vip>key")[9]).isEqualTo("EUR");
    assertThat(f.lostValueBasis()).isEqualTo("clv");
  }

  @Test
  void theLifecycleAndQuadrantFlowsComeFromTheSameAggregate() {
    MigrationReports.Flows f = flows();

    Map<String, Object[]> stages = cells(MigrationReports.lifecycleMatrix(f, EUR));
    assertThat(stages.get("stability>stability")[4]).isEqualTo(1L);
    assertThat(stages.get("decline>decline")[4]).isEqualTo(1L);
    assertThat(stages.get("formation>lost")[4]).isEqualTo(1L);
    assertThat(stages.get("new>exploration")[4]).isEqualTo(1L);
    assertThat(stages.get("new>exploration")[0]).isEqualTo("lifecycle_stage");

    FlowMatrix quadrants = MigrationReports.flowMatrix(f, MigrationReports.Dimension.QUADRANT);
    assertThat(quadrants.cells())
        .containsExactlyInAnyOrder(
            new FlowMatrix.Cell("star", "star", 1),
            new FlowMatrix.Cell("dog", "dog", 1),
            new FlowMatrix.Cell("dog", "lost", 1),
            new FlowMatrix.Cell("new", "question_mark", 1));
    assertThat(MigrationReports.html(f).previousRunDate()).isEqualTo(BEFORE);
  }

  @Test
  void thePreviousRunIsTheLatestCompletedOneBeforeTheRunDate(@TempDir Path root) throws Exception {
    for (String d : List.of("2025-11-30", "2025-12-15", "2025-12-31", "2026-01-31")) {
      Files.createDirectories(root.resolve("run_date=" + d));
    }
    Files.createFile(root.resolve("run_date=2025-11-30/_SUCCESS"));
    Files.createFile(root.resolve("run_date=2025-12-31/_SUCCESS"));
    Files.createFile(root.resolve("run_date=2026-01-31/_SUCCESS"));
    org.apache.hadoop.fs.Path reports = new org.apache.hadoop.fs.Path(root.toUri());

    // 2025-12-15 never completed; the run date itself and later dates do not count
    assertThat(MigrationReports.previousRun(reports, NOW, new Configuration())).contains(BEFORE);
    assertThat(MigrationReports.previousRun(reports, BEFORE, new Configuration())).isEmpty();
  }
}
