package org.custseg.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.custseg.SegmentationApplication;

/**
 * The command run in this JVM with what it printed itself (System.out and System.err; the log goes
 * through log4j's console appender, which these do not capture).
 *
 * @param exitCode what {@link SegmentationApplication#run} returned
 * @param out what it printed on System.out
 * @param err what it printed on System.err
 */
public record CapturedRun(int exitCode, String out, String err) {

  public static CapturedRun of(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = SegmentationApplication.run(args);
      return new CapturedRun(
          code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** Both streams, stdout first. */
  public String printed() {
    return out + err;
  }
}
