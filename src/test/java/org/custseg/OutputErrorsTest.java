package org.custseg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.spark.sql.SparkSession;
import org.custseg.job.ExitCodes;
import org.custseg.support.CapturedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16.10: an output the run cannot write stops it before anything starts (no Spark, no job
 * repository), exit code 1, with a first line naming the directory and what is wrong with it.
 */
class OutputErrorsTest {

  @TempDir Path dir;

  private CapturedRun run(Path output) throws Exception {
    Path input = Files.createDirectories(dir.resolve("exports"));
    SparkSession before = defaultSession();
    CapturedRun run =
        CapturedRun.of(
            "--input", input.toString(), "--output", output.toString(), "--run-date", "2025-06-30");
    assertThat(defaultSession()).as("no Spark session started").isSameAs(before);
    return run;
  }

  private static SparkSession defaultSession() {
    return SparkSession.getDefaultSession().getOrElse(() -> null);
  }

  @Test
  void anOutputBelowAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    CapturedRun o = run(file.resolve("out"));

    assertThat(o.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(o.err())
        .isEqualTo(
            "ERROR: cannot write to "
                + file.resolve("out")
                + ": "
                + file
                + " is a file, not a directory"
                + System.lineSeparator());
  }

  @Test
  void anOutputInAReadOnlyDirectory() throws Exception {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(
          canWriteIn(readOnly),
          "this user can write into a read-only directory (root without CAP_DAC_OVERRIDE"
              + " dropped): the permission check cannot be shown here");

      CapturedRun o = run(readOnly.resolve("out"));

      assertThat(o.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(o.err().lines().findFirst())
          .contains("ERROR: cannot write to " + readOnly + ": permission denied");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aReadOnlyWorkingDirectoryOfTheOutput() throws Exception {
    Path output = Files.createDirectories(dir.resolve("out"));
    Path staging = Files.createDirectory(output.resolve("_staging"));
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(canWriteIn(staging), "root ignores directory permissions here");

      CapturedRun o = run(output);

      assertThat(o.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(o.err().lines().findFirst())
          .contains("ERROR: cannot write to " + staging + ": permission denied");
    } finally {
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Whether this process can create a file in {@code dir} despite its permissions (root). */
  private static boolean canWriteIn(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", null));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
