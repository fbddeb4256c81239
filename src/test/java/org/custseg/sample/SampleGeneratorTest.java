package org.custseg.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleGeneratorTest {

  @TempDir Path tmp;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    java.io.PrintStream previous = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    int code;
    try {
      System.setOut(
          new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      CommandLine cmd = new CommandLine(new SampleGenerator());
      cmd.setOut(new PrintWriter(out));
      cmd.setErr(new PrintWriter(err));
      code = cmd.execute(args);
    } finally {
      System.setOut(previous);
    }
    return new String[] {
      Integer.toString(code),
      out + captured.toString(java.nio.charset.StandardCharsets.UTF_8),
      err.toString()
    };
  }

  @Test
  void helpWorks() {
    String[] result = run("--help");
    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1])
        .contains(
            "--customers",
            "--rows",
            "--days",
            "--end-date",
            "--seed",
            "--out",
            "--dirty-rate",
            "--duplicate-rate",
            "--refund-rate",
            "--format");
  }

  @Test
  void rowsTargetIsHitApproximatelyAndSummaryIsPrinted() throws Exception {
    String[] result =
        run(
            "--rows",
            "30000",
            "--days",
            "180",
            "--end-date",
            "2024-06-30",
            "--seed",
            "3",
            "--format",
            "csv.gz",
            "--out",
            tmp.toString());
    assertThat(result[0]).as(result[2]).isEqualTo("0");
    Matcher m =
        Pattern.compile(
                "files=(\\d+) rows=(\\d+) customers=(\\d+) orders=(\\d+) refunds=(\\d+) dirty=(\\d+) duplicates=(\\d+)")
            .matcher(result[1]);
    assertThat(m.find()).as(result[1]).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isEqualTo(180);
    assertThat(Double.parseDouble(m.group(2))).isCloseTo(30_000, within(0.1 * 30_000));
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .hasSize(180)
          .contains("transactions_2024-01-03.csv.gz", "transactions_2024-06-30.csv.gz");
    }
  }

  @Test
  void customersAndRowsAreExclusive() {
    String[] result = run("--rows", "100", "--customers", "10", "--out", tmp.toString());
    assertThat(result[0]).isNotEqualTo("0");
    assertThat(result[2]).contains("mutually exclusive");
  }
}
