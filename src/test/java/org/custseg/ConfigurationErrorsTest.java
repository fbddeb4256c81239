package org.custseg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.custseg.job.ExitCodes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every setting error exits 2 at start-up, before any Spark work, with a first line {@code ERROR:
 * <message>} naming the key: in the nightly mode, {@code --validate-only} and {@code --evaluate}.
 */
class ConfigurationErrorsTest {

  @TempDir Path dir;

  /** What a command printed to stderr and returned. */
  record Outcome(int exitCode, String err) {}

  private Outcome run(String yaml, String... mode) throws Exception {
    Path config = dir.resolve("my.yml");
    Files.writeString(config, yaml);
    String[] args = new String[mode.length + 6];
    args[0] = "--config";
    args[1] = config.toString();
    args[2] = "--input";
    args[3] = dir.resolve("no-input").toString();
    args[4] = "--output";
    args[5] = dir.resolve("out").toString();
    System.arraycopy(mode, 0, args, 6, mode.length);
    PrintStream err = System.err;
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    SparkSession before = defaultSession();
    try {
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = SegmentationApplication.run(args);
      assertThat(defaultSession()).as("no Spark session started").isSameAs(before);
      return new Outcome(code, e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
    }
  }

  private static SparkSession defaultSession() {
    return SparkSession.getDefaultSession().getOrElse(() -> null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--validate-only",
        "--evaluate,--calibration-end,2025-01-01,--holdout-end,2025-02-01"
      })
  void aMisspelledKeyStopsEveryMode(String mode) throws Exception {
    Outcome o =
        run(
            "segmentation:\n  quality:\n    max-quarantine-rat: 0.5\n",
            mode.isEmpty() ? new String[0] : mode.split(","));
    assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err())
        .startsWith(
            "ERROR: unknown setting segmentation.quality.max-quarantine-rat in "
                + dir.resolve("my.yml")
                + "; did you mean segmentation.quality.max-quarantine-rate?");
    assertThat(o.err().lines().count()).as("one line, no stack trace").isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "segmentation:\\n  quality:\\n    max-quarantine-rate: fivepercent\\n"
            + "|ERROR: segmentation.quality.max-quarantine-rate: 'fivepercent' is not a number",
        "segmentation:\\n  quality: [0.5\\n|ERROR: MY is not valid YAML: ",
        "segmentation:\\n  input:\\n    timestamp-formats: [\"yyyy-MM-dd bb\"]\\n"
            + "|ERROR: segmentation.input.timestamp-formats: 'yyyy-MM-dd bb' is not a date-time",
        "segmentation:\\n  rfm:\\n    segments:\\n      vip_only: \"555\"\\n"
            + "|ERROR: segmentation.rfm.segments is invalid: code 555 is mapped twice",
        "segmentation:\\n  value:\\n    transaction-model: mbg\\n"
            + "|ERROR: segmentation.value.transaction-model must be auto, bgnbd, mbgnbd or "
            + "pareto-nbd, got 'mbg'",
        "segmentation:\\n  portfolio:\\n    value-axis: clv\\n"
            + "|ERROR: segmentation.portfolio.value-axis must be trailing_value or customer_value, "
            + "got 'clv'",
        "segmentation:\\n  value:\\n    period-days: 400\\n"
            + "|ERROR: segmentation.value.period-days (400.0) must not exceed the horizon"
      })
  void settingErrorsExitWith2UnderValidateOnly(String yaml, String firstLine) throws Exception {
    Outcome o = run(yaml.replace("\\n", "\n"), "--validate-only");
    assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).startsWith(firstLine.replace("MY", dir.resolve("my.yml").toString()));
  }
}
