package org.custseg.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small file operations on the local file system. */
class OutputFilesTest {

  @TempDir Path dir;

  private final Configuration conf = new Configuration();

  private org.apache.hadoop.fs.Path at(String relative) {
    return new org.apache.hadoop.fs.Path(dir.resolve(relative).toUri());
  }

  @Test
  void writeTextReplacesTheFileInUtf8() throws IOException {
    OutputFiles.writeText(at("out/report.html"), "first, longer text", conf);
    OutputFiles.writeText(at("out/report.html"), "Größe €", conf);

    assertThat(Files.readAllBytes(dir.resolve("out/report.html")))
        .isEqualTo("Größe €".getBytes(UTF_8));
    assertThat(OutputFiles.exists(at("out/report.html"), conf)).isTrue();
  }

  @Test
  void moveCreatesTheTargetsParent() throws IOException {
    Files.writeString(dir.resolve("staging.csv"), "a,b\n");

    OutputFiles.move(at("staging.csv"), at("reports/run_date=2024-01-01/final.csv"), conf);

    assertThat(dir.resolve("reports/run_date=2024-01-01/final.csv")).hasContent("a,b");
    assertThat(dir.resolve("staging.csv")).doesNotExist();
  }

  @Test
  void moveOfAMissingFileFailsLoudly() {
    assertThatThrownBy(() -> OutputFiles.move(at("absent"), at("target/absent"), conf))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith(
            "cannot move " + at("absent") + " to " + at("target/absent") + ": ");
    assertThat(dir.resolve("target/absent")).doesNotExist();
  }

  @Test
  void deleteRemovesADirectoryWithItsFiles() throws IOException {
    Files.createDirectories(dir.resolve("old/part"));
    Files.writeString(dir.resolve("old/part/x.csv"), "x");

    OutputFiles.delete(at("old"), conf);

    assertThat(OutputFiles.exists(at("old"), conf)).isFalse();
    OutputFiles.delete(at("old"), conf); // deleting what is not there is no error
  }
}
