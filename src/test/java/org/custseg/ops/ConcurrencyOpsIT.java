package org.custseg.ops;

import static org.custseg.ops.OpsSupport.RUN_DATE;
import static org.custseg.ops.OpsSupport.assertSameOutputs;
import static org.custseg.ops.OpsSupport.input;
import static org.custseg.ops.OpsSupport.reference;
import static org.custseg.ops.OpsSupport.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.custseg.ops.OpsSupport.JobRun;
import org.junit.jupiter.api.Test;

/**
 * Idempotent reruns: a second run of a date while the first runs refuses (exit 1, clear message)
 * and the first completes correctly; a completed date is not redone without --force, and is with
 * it.
 */
class ConcurrencyOpsIT {

  @Test
  void secondRunOfTheSameDateRefusesWhileTheFirstRuns() throws Exception {
    Path ref = reference();
    Path out = OpsSupport.newDir("out-concurrent");
    JobRun first =
        JobRun.start(
            "concurrent-1",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString());
    first.awaitLog("Ingesting", OpsSupport.RUN_TIMEOUT_S);
    JobRun second =
        JobRun.start(
            "concurrent-2",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString());
    assertEquals(1, second.waitFor(), second.describe());
    // With the embedded H2 repository the output's repository is what is in use; with
    // PostgreSQL the run-date lock: either way one clear line, before any stack trace.
    String log = second.log();
    int error = log.indexOf("ERROR: another run");
    assertTrue(
        error >= 0 && log.indexOf("in progress on this output", error) > 0, second.describe());
    int trace = log.indexOf("\tat ");
    assertTrue(trace < 0 || trace > error, "stack trace before the cause: " + second.describe());
    assertTrue(first.process.isAlive(), "the first run was still running");
    assertEquals(0, first.waitFor(), first.describe());
    assertSameOutputs(ref, out);
  }

  @Test
  void completedDateIsNotRedoneWithoutForce() throws Exception {
    Path ref = reference();
    // A copy of the reference output (with its job repository) to play with.
    Path out = OpsSupport.work().resolve("out-force");
    copyTree(ref, out);
    Map<Path, FileTime> before = times(out.resolve("reports"));

    JobRun again =
        JobRun.start(
            "force-1-again",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString());
    assertEquals(0, again.waitFor(), again.describe());
    assertTrue(
        again.log().contains("run date " + RUN_DATE + " already completed"), again.describe());
    assertEquals(before, times(out.resolve("reports")), "outputs untouched");

    JobRun forced =
        JobRun.start(
            "force-2",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString(),
            "--force");
    assertEquals(0, forced.waitFor(), forced.describe());
    assertTrue(forced.log().contains("run date " + RUN_DATE + " completed"), forced.describe());
    assertNotEquals(
        before.get(reports(out).resolve("_SUCCESS")),
        Files.getLastModifiedTime(reports(out).resolve("_SUCCESS")),
        "recomputed");
    assertSameOutputs(ref, out);
    assertTrue(
        !Files.exists(out.resolve("_trash").resolve("run_date=" + RUN_DATE)),
        "old outputs deleted");
  }

  private static Map<Path, FileTime> times(Path dir) throws Exception {
    Map<Path, FileTime> m = new HashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(p, Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
