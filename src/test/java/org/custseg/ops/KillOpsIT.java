package org.custseg.ops;

import static org.custseg.ops.OpsSupport.RUN_DATE;
import static org.custseg.ops.OpsSupport.assertNothingPublished;
import static org.custseg.ops.OpsSupport.assertSameOutputs;
import static org.custseg.ops.OpsSupport.input;
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
 */
class KillOpsIT {

  @Test
  void killedDriverLeavesNothingVisibleAndRerunCompletes() throws Exception {
    Path ref = reference();
    Path out = OpsSupport.newDir("out-kill");
    JobRun run =
        JobRun.start(
            "kill-1",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString());
    // Killed in the middle of the segmentation step (ingest and features are done).
    run.awaitLog("Step features COMPLETED", OpsSupport.RUN_TIMEOUT_S);
    Thread.sleep(2000);
    assertTrue(run.process.isAlive(), "the run ended before it could be killed");
    run.kill9();
    assertEquals(137, run.process.exitValue());
    assertNothingPublished(out);

    List<StepRow> before = steps(out);
    long exec1 = before.get(0).jobExecution();
    assertEquals(
        List.of("ingest:COMPLETED", "features:COMPLETED", "segmentation:STARTED"),
        stepsOf(before, exec1),
        "the repository as the killed process left it");

    JobRun rerun =
        JobRun.start(
            "kill-2",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString());
    assertEquals(0, rerun.waitFor(), rerun.describe());
    assertTrue(rerun.log().contains("was left running by a process that died"), rerun.describe());
    List<StepRow> after = steps(out);
    assertEquals(
        List.of("ingest:COMPLETED", "features:COMPLETED", "segmentation:FAILED"),
        stepsOf(after, exec1),
        "the dead execution is marked failed");
    long exec2 = after.get(after.size() - 1).jobExecution();
    assertEquals(
        List.of("segmentation:COMPLETED", "reports:COMPLETED", "publish:COMPLETED"),
        stepsOf(after, exec2));
    assertSameOutputs(ref, out);
  }
}
