package org.custseg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custseg.job.JobRepositoryLocation;

/**
 * Shared by the operations tests: a small input (the last days of sample-data/), the job run as a
 * child JVM exactly as jobs/run-local.sh runs it, an uninterrupted reference run, output
 * comparison, and queries on the job repository.
 */
final class OpsSupport {

  static final String RUN_DATE = "2025-12-31";
  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

  /** Upper bound of one job run (the sample subset takes about a minute on 2 cores). */
  static final long RUN_TIMEOUT_S = Long.getLong("ops.run.timeout", 600);

  private static Path work;
  private static Path input;
  private static Path reference;

  private OpsSupport() {}

  /** A temporary directory shared by the tests of this JVM, deleted at exit. */
  static synchronized Path work() {
    if (work == null) {
      try {
        work = Files.createTempDirectory("custseg-ops-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path w = work;
      if (!Boolean.getBoolean("ops.keep")) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(w)));
      }
    }
    return work;
  }

  static Path newDir(String name) {
    try {
      return Files.createDirectories(work().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code ops.days} (default 92) daily files of sample-data/. */
  static synchronized Path input() throws IOException {
    if (input == null) {
      int days = Integer.getInteger("ops.days", 92);
      Path dir = newDir("input");
      try (Stream<Path> files = Files.list(ROOT.resolve("sample-data"))) {
        List<Path> daily =
            files
                .filter(p -> p.getFileName().toString().matches("transactions_.*\\.csv"))
                .sorted()
                .toList();
        for (Path p : daily.subList(Math.max(0, daily.size() - days), daily.size())) {
          Files.copy(p, dir.resolve(p.getFileName()));
        }
      }
      input = dir;
    }
    return input;
  }

  /** The output of one uninterrupted run on {@link #input()}: what every other run must equal. */
  static synchronized Path reference() throws Exception {
    if (reference == null) {
      Path out = work().resolve("out-reference");
      JobRun run =
          JobRun.start(
              "reference",
              "--run-date",
              RUN_DATE,
              "--input",
              input().toString(),
              "--output",
              out.toString());
      assertEquals(0, run.waitFor(), run.describe());
      reference = out;
    }
    return reference;
  }

  static Path reports(Path output) {
    return output.resolve("reports").resolve("run_date=" + RUN_DATE);
  }

  /** The CSV reports equal the reference's, the quarantine rows too, and the manifest counts. */
  static void assertSameOutputs(Path expectedOutput, Path actualOutput) throws IOException {
    Path exp = reports(expectedOutput);
    Path act = reports(actualOutput);
    assertTrue(Files.exists(act.resolve("_SUCCESS")), "no _SUCCESS in " + act);
    List<String> expectedCsv = csvNames(exp);
    assertEquals(expectedCsv, csvNames(act), "report files");
    for (String name : expectedCsv) {
      byte[] a = Files.readAllBytes(exp.resolve(name));
      byte[] b = Files.readAllBytes(act.resolve(name));
      if (!Arrays.equals(a, b)) {
        // rfm_codes lists codes in the iteration order of an immutable Map, which changes from
        // JVM to JVM: the rows must still be the same up to that order.
        assertEquals(tokensSorted(a), tokensSorted(b), name + " differs");
        System.err.println("NOTE: " + name + " equal only up to the order of codes in a cell");
      }
    }
    Path qe = expectedOutput.resolve("quarantine/run_date=" + RUN_DATE + "/quarantine.csv");
    Path qa = actualOutput.resolve("quarantine/run_date=" + RUN_DATE + "/quarantine.csv");
    assertEquals(sortedLines(qe), sortedLines(qa), "quarantine rows");
    JsonNode me = new ObjectMapper().readTree(exp.resolve("manifest.json").toFile());
    JsonNode ma = new ObjectMapper().readTree(act.resolve("manifest.json").toFile());
    for (String k :
        List.of(
            "run_date",
            "status",
            "input_rows",
            "clean_rows",
            "quarantined_rows",
            "quarantined_rows_total",
            "duplicate_rows",
            "later_rows",
            "customers",
            "active_customers")) {
      assertEquals(me.get(k), ma.get(k), "manifest " + k);
    }
  }

  private static List<String> csvNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".csv"))
          .sorted()
          .toList();
    }
  }

  private static List<String> sortedLines(Path p) throws IOException {
    return Files.readAllLines(p).stream().sorted().toList();
  }

  private static String tokensSorted(byte[] csv) {
    return new String(csv, StandardCharsets.UTF_8)
        .lines()
        .map(
            line ->
                Arrays.stream(line.split(",", -1))
                    .map(
                        cell ->
                            Arrays.stream(cell.split(" "))
                                .sorted()
                                .collect(Collectors.joining(" ")))
                    .collect(Collectors.joining(",")))
        .collect(Collectors.joining("\n"));
  }

  /** No output of the date is visible: only _staging (and the repository, the lock) exist. */
  static void assertNothingPublished(Path output) {
    for (String kind : List.of("reports", "customers", "quarantine")) {
      Path p = output.resolve(kind).resolve("run_date=" + RUN_DATE);
      assertTrue(!Files.exists(p), p + " is visible although the run did not complete");
    }
  }

  /** Step executions in the embedded (H2 file) job repository of an output directory. */
  static List<StepRow> steps(Path output) throws SQLException {
    String url = JobRepositoryLocation.defaultH2Url(output.toString());
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      return steps(c);
    }
  }

  static List<StepRow> steps(Connection c) throws SQLException {
    List<StepRow> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT JOB_EXECUTION_ID, STEP_NAME, STATUS "
                    + "FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
      while (r.next()) {
        rows.add(new StepRow(r.getLong(1), r.getString(2), r.getString(3)));
      }
    }
    return rows;
  }

  /** One row of BATCH_STEP_EXECUTION. */
  record StepRow(long jobExecution, String step, String status) {
    @Override
    public String toString() {
      return jobExecution + ":" + step + ":" + status;
    }
  }

  /** The step rows of one job execution, as "step:STATUS". */
  static List<String> stepsOf(List<StepRow> rows, long jobExecution) {
    return rows.stream()
        .filter(r -> r.jobExecution() == jobExecution)
        .map(r -> r.step() + ":" + r.status())
        .toList();
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // best effort
    }
  }

  /** The job as a child JVM: {@code java -cp <classpath> org.custseg.SegmentationApplication}. */
  static final class JobRun {

    private static final List<String> OPENS =
        List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    final String name;
    final Process process;
    final Path log;

    private JobRun(String name, Process process, Path log) {
      this.name = name;
      this.process = process;
      this.log = log;
    }

    static JobRun start(String name, String... args) throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx1g");
      cmd.addAll(OPENS);
      cmd.add("-Dlog4j2.configurationFile=" + ROOT.resolve("conf/log4j2.properties"));
      cmd.add("-Dspark.ui.enabled=false");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("org.custseg.SegmentationApplication");
      cmd.addAll(List.of(args));
      Path log = work().resolve(name + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      pb.environment().put("SEGMENTATION_SPARK_MASTER", "local[2]");
      // the sample's exports hold EUR, CHF and GBP: its reporting currency and rates
      pb.environment().put("SEGMENTATION_MONEY_CURRENCY", "EUR");
      pb.environment()
          .put("SEGMENTATION_MONEY_RATES", ROOT.resolve("sample-data/rates.csv").toString());
      return new JobRun(name, pb.start(), log);
    }

    /** The job on the shared input for {@link #RUN_DATE}, writing to {@code output}. */
    static JobRun onInput(String name, Path output, String... extra) throws IOException {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--run-date",
                  RUN_DATE,
                  "--input",
                  input().toString(),
                  "--output",
                  output.toString()));
      args.addAll(List.of(extra));
      return start(name, args.toArray(String[]::new));
    }

    /** Waits (bounded) and returns the exit code; kills the process on timeout. */
    int waitFor() throws InterruptedException {
      if (!process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        fail(name + " did not finish within " + RUN_TIMEOUT_S + "s\n" + tail());
      }
      return process.exitValue();
    }

    /** Waits (bounded) until the log contains the text. */
    void awaitLog(String text, long timeoutS) throws Exception {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
      while (System.nanoTime() < end) {
        if (log().contains(text)) {
          return;
        }
        if (!process.isAlive()) {
          fail(
              name
                  + " ended (exit "
                  + process.exitValue()
                  + ") before logging '"
                  + text
                  + "'\n"
                  + tail());
        }
        Thread.sleep(200);
      }
      process.destroyForcibly();
      fail(name + " did not log '" + text + "' within " + timeoutS + "s\n" + tail());
    }

    String log() {
      try {
        return Files.exists(log) ? Files.readString(log) : "";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String tail() {
      List<String> lines = log().lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    String describe() {
      return name + " (log " + log + "):\n" + tail();
    }

    void kill9() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL on Linux
      process.waitFor(60, TimeUnit.SECONDS);
    }
  }
}
