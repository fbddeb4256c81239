package org.custseg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cluster integration test (mvn -Pcluster verify): runs jobs/cluster-test.sh, which starts a
 * standalone master and two workers on 127.0.0.1, submits the packaged jar (client and cluster
 * deploy modes, and once with an executor killed mid-run) and compares the outputs with the local
 * run. The script can also be run on its own.
 */
class StandaloneClusterIT {

  @Test
  void clusterRunsEqualTheLocalRun() throws Exception {
    Path log = Files.createTempFile("cluster-test", ".log");
    Process p =
        new ProcessBuilder("bash", "jobs/cluster-test.sh")
            .directory(OpsSupport.ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // cluster-test.sh bounds every run itself; this is the last resort.
    if (!p.waitFor(40, TimeUnit.MINUTES)) {
      p.destroy();
      p.waitFor(60, TimeUnit.SECONDS);
    }
    String out = Files.readString(log);
    System.out.println(
        out.lines().filter(l -> l.startsWith("[cluster-test")).reduce("", (a, b) -> a + b + "\n"));
    assertEquals(
        0, p.exitValue(), out.length() > 20000 ? out.substring(out.length() - 20000) : out);
    Files.delete(log);
  }
}
