package org.custseg.job;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (a scheduler stopping the task, {@code kill}) and SIGINT (Ctrl-C): the command says what
 * it was doing and that the run can be restarted, then exits with code 1, instead of the errors of
 * a job whose job repository connection pool the JVM shutdown just closed. A second signal stops
 * the JVM at once. The run restarts at the interrupted step (the next run finds the execution left
 * running and marks it failed).
 */
public final class Interruption {

  private static final Logger LOG = LoggerFactory.getLogger(Interruption.class);
  private static final List<String> SIGNALS = List.of("TERM", "INT");
  private static final AtomicBoolean FIRED = new AtomicBoolean();

  private Interruption() {}

  /**
   * The first line about an interruption.
   *
   * @param signal e.g. {@code SIGTERM}
   * @param step the step that was running, or null
   * @param jobStarted whether the job had started (its first step had begun)
   */
  public static String message(String signal, String step, boolean jobStarted) {
    if (step != null) {
      return "interrupted by " + signal + " during step " + step + "; the run can be restarted";
    }
    if (jobStarted) {
      return "interrupted by " + signal + " between two steps; the run can be restarted";
    }
    return "interrupted by " + signal + " before the job started; nothing was done, start it again";
  }

  /**
   * Handles SIGTERM and SIGINT from now on: {@code onSignal} gets the signal's name ({@code
   * SIGTERM}) once, then the JVM exits with code 1 (its shutdown hooks run: Spark and the job
   * repository close). Where a signal cannot be handled (a JVM started with {@code -Xrs}), the
   * JVM's default stands.
   */
  public static void install(Consumer<String> onSignal) {
    for (String name : SIGNALS) {
      try {
        Signal.handle(new Signal(name), s -> handle("SIG" + s.getName(), onSignal));
      } catch (IllegalArgumentException e) {
        LOG.debug("SIG{} cannot be handled here: {}", name, e.getMessage());
      }
    }
  }

  private static void handle(String signal, Consumer<String> onSignal) {
    if (!FIRED.compareAndSet(false, true)) {
      Runtime.getRuntime().halt(ExitCodes.FAILED);
      return;
    }
    try {
      onSignal.accept(signal);
    } catch (RuntimeException e) {
      LOG.warn("While stopping after {}: {}", signal, Failures.oneLine(e));
    } finally {
      quiet();
      Runtime.getRuntime().exit(ExitCodes.FAILED);
    }
  }

  /**
   * Everything is said: the errors of the steps and Spark tasks that the shutdown now cuts off
   * would only bury the lines above (logging is log4j2, Spark's backend).
   */
  private static void quiet() {
    try {
      org.apache.logging.log4j.core.config.Configurator.setAllLevels(
          org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME, org.apache.logging.log4j.Level.OFF);
    } catch (LinkageError | RuntimeException e) {
      LOG.debug("Cannot quiet the logging: {}", e.toString());
    }
  }
}
