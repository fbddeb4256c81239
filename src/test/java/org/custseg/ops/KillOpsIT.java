package org.custseg.ops;

import static org.custseg.ops.OpsSupport.RUN_DATE;
import static org.custseg.ops.OpsSupport.assertNothingPublished;
import static org.custseg.ops.OpsSupport.assertSameOutputs;
import static org.custseg.ops.OpsSupport.reference;
import static org.custseg.ops.OpsSupport.steps;
import static org.custseg.ops.OpsSupport.stepsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.custseg.ops.OpsSupport.JobRun;
import org.custseg.ops.OpsSupport.StepRow;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the driver mid-run leaves no partial output visible; the rerun marks the dead
 * execution failed, restarts at the interrupted step and gives the uninterrupted run's outputs.
 * SIGTERM (a scheduler stopping the task) says so in the first line and exits with code 1.
 */
class KillOpsIT {

  @Test
  void killedDriverLeavesNothingVisibleAndRerunCompletes() throws Exception {
    Path ref = reference();
    Path out = OpsSupport.newDir("out-kill");
    JobRun run = inSegmentationStep("kill-1", out);
    run.kill9();
    assertEquals(137, run.process.exitValue());
    assertNothingPublished(out);

    List<StepRow> before = steps(out);
    long exec1 = before.get(0).jobExecution();
    assertEquals(
        List.of("ingest:COMPLETED", "features:COMPLETED", "segmentation:STARTED"),
        stepsOf(before, exec1),
        "the repository as the killed process left it");

    JobRun rerun = JobRun.onInput("kill-2", out);
    assertEquals(0, rerun.waitFor(), rerun.describe());
    assertTrue(rerun.log().contains("was left running by a process that died"), rerun.describe());
    List<StepRow> after = steps(out);
    assertEquals(
        List.of("ingest:COMPLETED", "features:COMPLETED", "segmentation:FAILED"),
        stepsOf(after, exec1),
        "the dead execution is marked failed");
    assertRestartedAtSegmentation(out);
    assertSameOutputs(ref, out);
  }

  /** A run of the shared input, once it is in the middle of the segmentation step. */
  private static JobRun inSegmentationStep(String name, Path out) throws Exception {
    JobRun run = JobRun.onInput(name, out);
    run.awaitLog("Step features COMPLETED", OpsSupport.RUN_TIMEOUT_S);
    Thread.sleep(2000);
    assertTrue(run.process.isAlive(), "the run ended before it could be stopped");
    return run;
  }

  /** The last execution ran the segmentation step and those after it, no other. */
  private static void assertRestartedAtSegmentation(Path out) throws Exception {
    List<StepRow> all = steps(out);
    assertEquals(
        List.of("segmentation:COMPLETED", "reports:COMPLETED", "publish:COMPLETED"),
        stepsOf(all, all.get(all.size() - 1).jobExecution()),
        "the rerun restarted at the interrupted step");
  }

  @Test
  void sigtermNamesTheStepFirstExitsWith1AndTheRerunRestartsThere() throws Exception {
    Path ref = reference();
    Path out = OpsSupport.newDir("out-sigterm");
    JobRun run = inSegmentationStep("sigterm-1", out);
    run.process.destroy(); // SIGTERM on Linux

    assertEquals(1, run.waitFor(), run.describe());
    String log = run.log();
    String firstError =
        log.lines().filter(l -> l.contains("ERROR")).findFirst().orElse("(no ERROR line)");
    assertEquals(
        "ERROR: interrupted by SIGTERM during step segmentation; the run can be restarted",
        firstError,
        run.describe());
    assertTrue(!log.contains("HikariDataSource"), run.describe());
    assertTrue(
        java.nio.file.Files.readString(out.resolve("_metrics/latest.prom"))
            .contains("custseg_run_exit_code{run_date=\"" + RUN_DATE + "\"} 1.0"),
        "the interrupted run's metrics");
    assertNothingPublished(out);

    JobRun rerun = JobRun.onInput("sigterm-2", out);
    assertEquals(0, rerun.waitFor(), rerun.describe());
    assertRestartedAtSegmentation(out);
    assertSameOutputs(ref, out);
  }
}
