package org.custseg;

import java.io.File;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.custseg.config.ConfigurationException;
import org.custseg.config.Settings;
import org.custseg.config.binding.LoadedSettings;
import org.custseg.config.binding.SettingsLoader;
import org.custseg.ingest.ExchangeRates;
import org.custseg.ingest.ExportValidation;
import org.custseg.ingest.Ingest;
import org.custseg.job.EvaluationRunner;
import org.custseg.job.ExitCodes;
import org.custseg.job.Failures;
import org.custseg.job.Interruption;
import org.custseg.job.NightlyRunner;
import org.custseg.job.OutputCheck;
import org.custseg.job.RunRequest;
import org.custseg.job.RunTracker;
import org.custseg.job.SegmentationJobConfiguration;
import org.custseg.spark.SparkSessionProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry point of the nightly job (also the main class for spark-submit). Prints one
 * line saying what happened and exits with the contract's exit code.
 */
@SpringBootApplication
@Command(
    name = "customer-segmentation",
    mixinStandardHelpOptions = true,
    versionProvider = SegmentationApplication.Version.class,
    description = "Runs the nightly customer-segmentation job for one business date.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (also: the date already completed and --force was not given)",
      "1:any other failure",
      "2:bad arguments or configuration",
      "3:the input failed the data-quality gate; nothing was published"
    })
public class SegmentationApplication implements Callable<Integer> {

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Business date (as-of): uses transactions up to the end of this date. "
              + "Default: the latest date present in the input.")
  LocalDate runDate;

  @Option(
      names = "--input",
      paramLabel = "PATH",
      description =
          "Export file, directory of daily files, or glob. Default: "
              + "segmentation.input.path (sample-data).")
  String input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Output directory. Default: segmentation.output.path (output).")
  String output;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file layered over conf/application.yml (its keys win).")
  File config;

  @Option(names = "--force", description = "Recompute a date that already completed.")
  boolean force;

  @Option(
      names = "--full",
      description =
          "Recompute from all history instead of continuing "
              + "the state of the previous run (the default when no usable state exists).")
  boolean full;

  @Option(
      names = "--validate-only",
      description =
          "Schema check: read the exports, apply the "
              + "mapping and validation, print the reconciliation and example rows per reason, and "
              + "write nothing (no outputs, no job repository). Exit 3 when a run would fail the "
              + "data-quality gate.")
  boolean validateOnly;

  @Option(
      names = "--evaluate",
      description =
          "Holdout evaluation of the value models instead of "
              + "the nightly job (no job instance): needs --calibration-end and --holdout-end; writes "
              + "<output>/evaluation/calibration_end=D1/.")
  boolean evaluate;

  @Option(
      names = "--calibration-end",
      paramLabel = "YYYY-MM-DD",
      description = "With --evaluate: last day of the calibration period.")
  LocalDate calibrationEnd;

  @Option(
      names = "--holdout-end",
      paramLabel = "YYYY-MM-DD",
      description = "With --evaluate: last day of the holdout period.")
  LocalDate holdoutEnd;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int run(String... args) {
    CommandLine cmd = new CommandLine(new SegmentationApplication());
    cmd.registerConverter(LocalDate.class, LocalDate::parse);
    cmd.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          System.err.println("ERROR: " + Failures.oneLine(e));
          e.printStackTrace();
          return Failures.exitCode(e);
        });
    return cmd.execute(args);
  }

  @Override
  public Integer call() {
    if (config != null && !config.isFile()) {
      System.err.println("ERROR: --config " + config + " is not a readable file");
      return ExitCodes.USAGE;
    }
    if (System.getProperty("org.springframework.boot.logging.LoggingSystem") == null) {
      // Spark configures log4j2 (conf/log4j2.properties); Spring Boot must not reconfigure it.
      System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    }
    if (evaluate
        && (calibrationEnd == null || holdoutEnd == null || !holdoutEnd.isAfter(calibrationEnd))) {
      System.err.println(
          "ERROR: --evaluate needs --calibration-end D1 and --holdout-end D2 "
              + "with D2 after D1");
      return ExitCodes.USAGE;
    }
    LoadedSettings loaded;
    try {
      loaded = loadSettings();
      ExchangeRates.check(loaded.settings().money());
    } catch (ConfigurationException e) {
      System.err.println("ERROR: " + Failures.oneLine(e));
      return ExitCodes.USAGE;
    }
    if (validateOnly) {
      return validate(loaded.settings());
    }
    try {
      OutputCheck.writable(loaded.settings().output().path());
    } catch (OutputCheck.NotWritableException e) {
      System.err.println("ERROR: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    RunTracker tracker = new RunTracker();
    if (evaluate) {
      try (ConfigurableApplicationContext ctx = startSpring(loaded, tracker)) {
        Settings settings = ctx.getBean(Settings.class);
        SparkSessionProvider spark = ctx.getBean(SparkSessionProvider.class);
        try {
          EvaluationRunner.Summary s =
              EvaluationRunner.run(
                  spark.session(),
                  settings,
                  ctx.getBean(Clock.class),
                  settings.input().path(),
                  settings.output().path(),
                  calibrationEnd,
                  holdoutEnd);
          System.out.println(
              "evaluation with calibration end "
                  + calibrationEnd
                  + " and holdout end "
                  + holdoutEnd
                  + " written to "
                  + s.directory());
          return ExitCodes.OK;
        } finally {
          spark.stop();
        }
      }
    }
    AtomicReference<NightlyRunner> runner = new AtomicReference<>();
    Interruption.install(signal -> interrupted(signal, tracker, runner.get()));
    try (ConfigurableApplicationContext ctx = startSpring(loaded, tracker)) {
      runner.set(ctx.getBean(NightlyRunner.class));
      NightlyRunner.Outcome outcome = runner.get().run(new RunRequest(runDate, input, force, full));
      if (tracker.interruptedBy() != null) {
        return ExitCodes.FAILED; // the signal's thread says so and ends the JVM
      }
      PrintStream out = outcome.exitCode() == ExitCodes.OK ? System.out : System.err;
      out.println((outcome.exitCode() == ExitCodes.OK ? "" : "ERROR: ") + outcome.message());
      outcome.summary().forEach(out::println);
      return outcome.exitCode();
    }
  }

  /**
   * SIGTERM or SIGINT while the nightly job runs: one line naming it and the step first, then the
   * run's metrics and last lines; {@link Interruption} then ends the JVM with exit code 1.
   */
  private static void interrupted(String signal, RunTracker tracker, NightlyRunner runner) {
    if (!tracker.interrupt(signal)) {
      return;
    }
    System.err.println(
        "ERROR: " + Interruption.message(signal, tracker.step(), tracker.jobStarted()));
    if (runner != null) {
      runner.afterInterruption(signal).forEach(System.err::println);
    }
  }

  /**
   * The settings of every mode, before any Spark work: the bundled application.yml,
   * ./conf/application.yml, --config, then --input and --output (see {@link SettingsLoader}).
   */
  private LoadedSettings loadSettings() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("segmentation.input.path", input);
    overrides.put("segmentation.output.path", output);
    return SettingsLoader.standard().load(config == null ? null : config.toPath(), overrides);
  }

  /**
   * The Spring context of the job, with the loaded settings, the segment table and the command's
   * tracker as beans (the context reads its own spring.* keys from the same files).
   */
  private ConfigurableApplicationContext startSpring(LoadedSettings loaded, RunTracker tracker) {
    SpringApplication app = new SpringApplication(SegmentationApplication.class);
    app.addInitializers(
        ctx -> {
          ctx.getBeanFactory().registerSingleton("settings", loaded.settings());
          ctx.getBeanFactory().registerSingleton("rfmSegmentTable", loaded.segmentTable());
          ctx.getBeanFactory().registerSingleton("runTracker", tracker);
        });
    return app.run(springArgs());
  }

  /** {@code --validate-only}: no Spring context (so no job repository), Spark only. */
  private int validate(Settings settings) {
    SparkSessionProvider spark =
        new SparkSessionProvider(settings.spark(), settings.input().timeZone());
    try {
      ExportValidation.Result result =
          ExportValidation.run(
              Ingest.of(spark.session(), settings, SegmentationJobConfiguration.systemClock()),
              settings.input().path(),
              runDate,
              System.out);
      return result.passesGate() ? ExitCodes.OK : ExitCodes.DATA_QUALITY;
    } finally {
      spark.stop();
    }
  }

  private String[] springArgs() {
    List<String> args = new ArrayList<>();
    StringBuilder locations = new StringBuilder("optional:file:./conf/");
    if (config != null) {
      locations.append(",file:").append(config.getAbsolutePath());
    }
    args.add("--spring.config.additional-location=" + locations);
    return args.toArray(String[]::new);
  }

  /** The version from the jar manifest. */
  static class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"customer-segmentation " + org.custseg.job.Versions.application()};
    }
  }
}
