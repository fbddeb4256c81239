package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custseg.config.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first line of a failure to write names the path and what is wrong with it, whoever wrapped
 * the cause (the chains below are those H2, Hadoop and Spark throw).
 */
class StorageProblemTest {

  @TempDir Path dir;

  @Test
  void theJobRepositoryInADirectoryWithoutWritePermission() {
    // H2, under Spring's bean-creation exceptions (their messages hold other paths).
    Throwable t =
        new IllegalStateException(
            "Error creating bean with name 'dataSource' defined in file [/opt/app/Config.class]",
            new IllegalStateException(
                "cannot open the job repository jdbc:h2:file:/data/out/_jobrepo/batch",
                new RuntimeException(
                    "Error while creating file \"/data/out/_jobrepo\" [90062-232]",
                    new AccessDeniedException("/data/out/_jobrepo"))));

    assertThat(Failures.oneLine(t))
        .isEqualTo("cannot write to /data/out/_jobrepo: permission denied");
  }

  @Test
  void aFullDiskNamesTheFileBeingWritten() {
    // Spark: the job fails with the task's failure, whose cause is the I/O error.
    Throwable t =
        new RuntimeException(
            "Job aborted due to stage failure: Task 0 in stage 2.0 failed 1 times",
            new RuntimeException(
                "[TASK_WRITE_FAILED] Task failed while writing rows to"
                    + " file:/data/out/_staging/run_date=2025-12-31/classified. SQLSTATE: 58030",
                new IOException("No space left on device")));

    assertThat(Failures.oneLine(t))
        .isEqualTo(
            "no space left on device while writing"
                + " /data/out/_staging/run_date=2025-12-31/classified");
  }

  @Test
  void aFullDiskWithoutAnyPathSaysTheOutput() {
    assertThat(Failures.oneLine(new IOException("No space left on device")))
        .isEqualTo("no space left on device while writing the output directory");
  }

  @Test
  void hadoopsPermissionDeniedOnAFile() {
    Throwable t =
        new UncheckedIOException(
            "cannot write /data/out/_staging/run_date=2025-12-31/reports/report.html",
            new FileNotFoundException(
                "/data/out/_staging/run_date=2025-12-31/reports/report.html (Permission denied)"));

    assertThat(Failures.oneLine(t))
        .isEqualTo(
            "cannot write to /data/out/_staging/run_date=2025-12-31/reports/report.html:"
                + " permission denied");
  }

  @Test
  void hadoopsMkdirsFailedBelowAFileSaysWhichPartIsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    Throwable t =
        new RuntimeException(
            "[TASK_WRITE_FAILED] Task failed while writing rows to file:" + file + "/out",
            new IOException(
                "Mkdirs failed to create file:"
                    + file
                    + "/out/_temporary/0 (exists=false, cwd=/)"));

    assertThat(Failures.oneLine(t))
        .isEqualTo(
            "cannot write to "
                + file
                + "/out/_temporary/0: "
                + file
                + " is a file, not a directory");
  }

  @Test
  void aReadOnlyFileSystem() {
    Throwable t = new IOException("/mnt/ro/out/_locks: Read-only file system");

    assertThat(Failures.oneLine(t))
        .isEqualTo("cannot write to /mnt/ro/out/_locks: read-only file system");
  }

  @Test
  void theJobsOwnMessagesWinOverTheStorageWording() {
    // A configuration file that cannot be read is a configuration error, said as such.
    Throwable t =
        new ConfigurationException(
            "cannot read /etc/custseg/my.yml: /etc/custseg/my.yml (Permission denied)");

    assertThat(Failures.oneLine(t))
        .isEqualTo("cannot read /etc/custseg/my.yml: /etc/custseg/my.yml (Permission denied)");
    assertThat(Failures.exitCode(t)).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void otherFailuresKeepTheirMostSpecificMessage() {
    Throwable t = new IllegalStateException("outer", new IllegalArgumentException("the cause"));

    assertThat(Failures.oneLine(t)).isEqualTo("the cause");
  }
}
