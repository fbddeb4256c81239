package org.custseg.ops;

import static org.custseg.ops.OpsSupport.RUN_DATE;
import static org.custseg.ops.OpsSupport.assertNothingPublished;
import static org.custseg.ops.OpsSupport.assertSameOutputs;
import static org.custseg.ops.OpsSupport.input;
import static org.custseg.ops.OpsSupport.reference;
import static org.custseg.ops.OpsSupport.reports;
import static org.custseg.ops.OpsSupport.steps;
import static org.custseg.ops.OpsSupport.stepsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custseg.ops.OpsSupport.JobRun;
import org.custseg.ops.OpsSupport.StepRow;
import org.junit.jupiter.api.Test;

/**
 * A step fails on purpose (fault injected by configuration: segmentation.testing.fail-step); the
 * rerun without the fault restarts at the failed step, does not redo the finished ones, and its
 * outputs equal an uninterrupted run's.
 */
class RestartOpsIT {

  @Test
  void failedStepRestartsWithoutRedoingFinishedSteps() throws Exception {
    Path ref = reference();
    Path out = OpsSupport.newDir("out-restart");
    Path fault = out.getParent().resolve("fault.yml");
    // The step writes its files, then fails: the restart must cope with its leftovers.
    Files.writeString(
        fault,
        "segmentation:\n  testing:\n    fail-step: segmentation\n" + "    fail-point: after\n");

    JobRun failed =
        JobRun.start(
            "restart-1-fault",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString(),
            "--config",
            fault.toString());
    assertEquals(1, failed.waitFor(), failed.describe());
    String log = failed.log();
    assertTrue(
        log.contains(
            "ERROR: run date "
                + RUN_DATE
                + " failed in step segmentation: "
                + "injected fault after step segmentation"),
        failed.describe());
    assertOneLineCauseFirst(log);
    assertNothingPublished(out);

    List<StepRow> first = steps(out);
    long exec1 = first.get(0).jobExecution();
    assertEquals(
        List.of("ingest:COMPLETED", "features:COMPLETED", "segmentation:FAILED"),
        stepsOf(first, exec1));

    JobRun rerun =
        JobRun.start(
            "restart-2",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString());
    assertEquals(0, rerun.waitFor(), rerun.describe());
    assertTrue(rerun.log().contains("restarting it at its failed step"), rerun.describe());

    List<StepRow> all = steps(out);
    long exec2 = all.get(all.size() - 1).jobExecution();
    assertTrue(exec2 != exec1, "a new execution of the same job instance");
    assertEquals(
        List.of("segmentation:COMPLETED", "reports:COMPLETED", "publish:COMPLETED"),
        stepsOf(all, exec2),
        "the restart ran only the failed step and those after it");
    assertSameOutputs(ref, out);
    assertTrue(
        !Files.exists(out.resolve("_staging").resolve("run_date=" + RUN_DATE)),
        "staging cleaned up");
  }

  /** Publish failing after it moved everything: the restart only rewrites _SUCCESS. */
  @Test
  void publishRestartIsIdempotent() throws Exception {
    Path ref = reference();
    Path out = OpsSupport.newDir("out-publish");
    Path fault = out.getParent().resolve("fault-publish.yml");
    Files.writeString(
        fault, "segmentation:\n  testing:\n    fail-step: publish\n" + "    fail-point: after\n");
    JobRun failed =
        JobRun.start(
            "publish-1-fault",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString(),
            "--config",
            fault.toString());
    assertEquals(1, failed.waitFor(), failed.describe());
    Files.delete(reports(out).resolve("_SUCCESS"));

    JobRun rerun =
        JobRun.start(
            "publish-2",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString());
    assertEquals(0, rerun.waitFor(), rerun.describe());
    List<StepRow> all = steps(out);
    long exec2 = all.get(all.size() - 1).jobExecution();
    assertEquals(List.of("publish:COMPLETED"), stepsOf(all, exec2));
    assertSameOutputs(ref, out);
  }

  /** The first line about the failure is a one-line cause; any stack trace comes after it. */
  static void assertOneLineCauseFirst(String log) {
    List<String> lines = log.lines().toList();
    int cause = -1;
    int trace = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (cause < 0 && lines.get(i).contains("ERROR") && lines.get(i).contains("failed in step")) {
        cause = i;
      }
      if (trace < 0 && lines.get(i).matches("\\s+at [\\w$.]+\\(.*\\)")) {
        trace = i;
      }
    }
    assertTrue(cause >= 0, "no one-line cause in the log");
    assertTrue(
        trace < 0 || trace > cause,
        "a stack trace (line "
            + (trace + 1)
            + ") comes before the cause (line "
            + (cause + 1)
            + ")");
  }
}
