package org.custseg.ops;

import static org.custseg.ops.OpsSupport.RUN_DATE;
import static org.custseg.ops.OpsSupport.input;
import static org.custseg.ops.OpsSupport.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custseg.job.JobKeys;
import org.custseg.ops.OpsSupport.JobRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job repository on a real PostgreSQL server: the schema is created on start-up, a second run
 * against the existing schema works (and sees the completed date), no H2 file is made, and two runs
 * of one date at once: the second refuses (run-date lock) while the first completes.
 *
 * <p>Server: {@code PG_URL} (with {@code PG_USER}, {@code PG_PASSWORD}) when set, e.g. by
 * .ci/ops-tests.sh; otherwise the test starts a throwaway cluster (initdb + pg_ctl from {@code
 * PG_BIN} or /usr/lib/postgresql/NN/bin) in a temporary directory on a free port, as the postgres
 * user when run as root, and removes it at the end.
 */
class PostgresJobRepositoryIT {

  private static Path base;
  private static String[] asUser;
  private static Path pgBin;
  private static String url;
  private static String user;
  private static String password;

  @BeforeAll
  static void startServer() throws Exception {
    if (System.getenv("PG_URL") != null) {
      url = System.getenv("PG_URL");
      user = System.getenv().getOrDefault("PG_USER", "postgres");
      password = System.getenv().getOrDefault("PG_PASSWORD", "");
      return;
    }
    pgBin = findPgBin();
    boolean root = "root".equals(System.getProperty("user.name"));
    asUser = root ? new String[] {"runuser", "-u", "postgres", "--"} : new String[0];
    base = Files.createTempDirectory("custseg-pg-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path data = base.resolve("data");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    exec(
        120,
        pgBin.resolve("initdb").toString(),
        "-D",
        data.toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync");
    exec(
        120,
        pgBin.resolve("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        base.resolve("server.log").toString(),
        "-w",
        "-t",
        "60",
        "-o",
        "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "start");
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE USER custseg PASSWORD 'custseg'");
      s.execute("CREATE DATABASE custseg OWNER custseg");
    }
    url = "jdbc:postgresql://127.0.0.1:" + port + "/custseg";
    user = "custseg";
    password = "custseg";
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (base != null) {
      exec(
          60,
          pgBin.resolve("pg_ctl").toString(),
          "-D",
          base.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
      OpsSupport.deleteTree(base);
    }
  }

  @Test
  void jobRepositoryOnPostgres() throws Exception {
    Path out = OpsSupport.newDir("out-postgres");
    Path config = out.getParent().resolve("postgresql.yml");
    Files.writeString(
        config,
        "spring:\n  datasource:\n    url: "
            + url
            + "\n    username: "
            + user
            + "\n    password: \""
            + password
            + "\"\n");

    JobRun first =
        JobRun.start(
            "postgres-1",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString(),
            "--config",
            config.toString());
    assertEquals(0, first.waitFor(), first.describe());
    assertTrue(Files.exists(reports(out).resolve("_SUCCESS")));
    assertFalse(Files.exists(out.resolve("_jobrepo")), "no H2 repository when PostgreSQL is set");

    try (Connection c = DriverManager.getConnection(url, user, password)) {
      assertEquals(
          List.of("COMPLETED"),
          column(
              c,
              "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p "
                  + "ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = '"
                  + JobKeys.RUN_DATE
                  + "' AND p.PARAMETER_VALUE = '"
                  + RUN_DATE
                  + "'"));
      assertEquals(
          List.of("ingest", "features", "segmentation", "reports", "publish"),
          column(c, "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID"));
    }

    // Second start-up on the existing schema (initialize-schema: always): works, and the
    // repository knows the date is done.
    JobRun second =
        JobRun.start(
            "postgres-2",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString(),
            "--config",
            config.toString());
    assertEquals(0, second.waitFor(), second.describe());
    assertTrue(second.log().contains("already completed"), second.describe());
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      assertEquals(List.of("1"), column(c, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION"));
    }

    // Two runs of the date at once (here a --force recompute and a plain run): with a shared
    // repository both start, and the run-date lock makes the second refuse.
    JobRun forced =
        JobRun.start(
            "postgres-3-force",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString(),
            "--config",
            config.toString(),
            "--force");
    forced.awaitLog("Ingesting", OpsSupport.RUN_TIMEOUT_S);
    JobRun parallel =
        JobRun.start(
            "postgres-4-parallel",
            "--run-date",
            RUN_DATE,
            "--input",
            input().toString(),
            "--output",
            out.toString(),
            "--config",
            config.toString());
    assertEquals(1, parallel.waitFor(), parallel.describe());
    assertTrue(
        parallel
            .log()
            .contains("ERROR: another run of " + RUN_DATE + " is in progress on this output"),
        parallel.describe());
    assertEquals(0, forced.waitFor(), forced.describe());
    assertTrue(Files.exists(reports(out).resolve("_SUCCESS")));
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      assertEquals(
          List.of("COMPLETED", "COMPLETED"),
          column(c, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"));
    }
  }

  private static List<String> column(Connection c, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  private static Path findPgBin() throws IOException {
    String env = System.getenv("PG_BIN");
    if (env != null) {
      return Path.of(env);
    }
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (var s = Files.list(lib)) {
        var found =
            s.map(p -> p.resolve("bin"))
                .filter(p -> Files.exists(p.resolve("initdb")))
                .sorted()
                .reduce((a, b) -> b);
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    throw new IllegalStateException("no PostgreSQL server binaries: set PG_BIN or PG_URL");
  }

  private static void exec(long timeoutS, String... cmd) throws Exception {
    List<String> full = new ArrayList<>(List.of(asUser));
    full.addAll(List.of(cmd));
    Path log = Files.createTempFile(base, "cmd", ".log");
    Process p =
        new ProcessBuilder(full)
            .directory(base.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " timed out");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + Files.readString(log));
    }
  }
}
